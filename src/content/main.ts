// Content script entry: one controller per page, answering the messages of
// shared/contracts.md §2 and src/messaging/types.ts.
import { onSettingsChanged, validateSettings } from '../messaging/settings';
import type { ToContent } from '../messaging/types';
import { whenIdle } from '../page/slices';
import { ContentController } from './controller';
import { isCrosscheckMessage, loadSettings, onMessage } from './extension-api';

async function main(): Promise<void> {
  const settings = await loadSettings();
  const controller = new ContentController(document, settings);
  // Start when the page is idle: its own work after load (rendering, its scripts) goes first.
  const pending = whenIdle()
    .then(() => controller.start())
    .catch((err: unknown) => console.warn('Crosscheck: could not start', err));

  onMessage((raw: unknown) => {
    if (!isCrosscheckMessage(raw)) return undefined;
    const msg = raw as ToContent;
    switch (msg.type) {
      case 'crosscheck:state':
        return Promise.resolve(controller.state());
      case 'crosscheck:analysis':
        return pending.then(() => controller.pageAnalysis());
      case 'crosscheck:focus-claim':
        return Promise.resolve(controller.focusClaim(msg.claim));
      case 'crosscheck:toggle':
        return controller.toggle();
      case 'crosscheck:settings-changed':
        return controller.applySettings(validateSettings(msg.settings));
      default:
        return undefined;
    }
  });
  onSettingsChanged((s) => void controller.applySettings(s));
  // Back/forward cache and unload: drop listeners and highlights.
  window.addEventListener('pagehide', (e) => {
    if (!e.persisted) controller.destroy();
  });
}

void main();
