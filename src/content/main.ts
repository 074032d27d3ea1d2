// Content script entry: one controller per page, answering the messages of
// shared/contracts.md §2 and src/messaging/types.ts.
import { validateSettings } from '../messaging/settings';
import type { Settings, ToContent } from '../messaging/types';
import { whenIdle } from '../page/slices';
import { ContentController } from './controller';
import { isCrosscheckMessage, loadSettings, onMessage } from './extension-api';

async function main(): Promise<void> {
  let controller: ContentController | null = null;
  let pending: Promise<void> = Promise.resolve();
  // Settings come from the background, and so does every change to them (the content
  // script does not use storage). A change that arrives before the answer to our question
  // is newer than that answer may be.
  let changed: Settings | null = null;

  onMessage((raw: unknown) => {
    if (!isCrosscheckMessage(raw)) return undefined;
    const msg = raw as ToContent;
    if (!controller) {
      if (msg.type === 'crosscheck:settings-changed') changed = validateSettings(msg.settings);
      return undefined;
    }
    switch (msg.type) {
      case 'crosscheck:state':
        return Promise.resolve(controller.state());
      case 'crosscheck:analysis':
        return pending.then(() => controller!.pageAnalysis());
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

  const asked = await loadSettings();
  const c = new ContentController(document, changed ?? asked);
  controller = c;
  // Start when the page is idle: its own work after load (rendering, its scripts) goes first.
  pending = whenIdle()
    .then(() => c.start())
    .catch((err: unknown) => console.warn('Crosscheck: could not start', err));
  // Back/forward cache and unload: drop listeners and highlights.
  window.addEventListener('pagehide', (e) => {
    if (!e.persisted) c.destroy();
  });
}

void main();
