// Browser commands (keyboard shortcuts from the manifest). The same handler runs for
// `commands.onCommand`, for the 'crosscheck:command' message and for tests, which call
// `self.crosscheck.runCommand(...)` in the service worker (commands cannot be pressed
// from a page).
import browser from 'webextension-polyfill';
import type { CommandName, Result } from '../messaging/types';
import { sendToTab } from '../messaging/send';

interface TabLike {
  id?: number;
  windowId?: number;
}

/** Chrome-only API not covered by the polyfill's types. */
interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

async function activeTab(): Promise<TabLike | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/**
 * Opens the side panel (Chrome) or sidebar (Firefox). Both browsers only allow this in
 * direct response to a user action, so the call happens synchronously, before any await.
 */
export function openSidePanel(tab?: TabLike): Promise<Result<true>> {
  const g = globalThis as unknown as {
    chrome?: { sidePanel?: ChromeSidePanel };
    browser?: { sidebarAction?: FirefoxSidebarAction };
  };
  let opening: Promise<void>;
  try {
    if (g.browser?.sidebarAction) opening = g.browser.sidebarAction.open();
    else if (g.chrome?.sidePanel && (tab?.id !== undefined || tab?.windowId !== undefined))
      opening = g.chrome.sidePanel.open(tab.id !== undefined ? { tabId: tab.id } : { windowId: tab.windowId });
    else return Promise.resolve({ ok: false, error: 'no side panel API or no tab' });
  } catch (err) {
    return Promise.resolve({ ok: false, error: String(err instanceof Error ? err.message : err) });
  }
  return opening.then(
    (): Result<true> => ({ ok: true, value: true }),
    (err: unknown): Result<true> => ({ ok: false, error: String(err instanceof Error ? err.message : err) }),
  );
}

export async function runCommand(command: string, tab?: TabLike): Promise<Result<unknown>> {
  switch (command as CommandName) {
    case 'open-side-panel':
      return openSidePanel(tab);
    case 'toggle-highlights': {
      const target = tab?.id !== undefined ? tab : await activeTab();
      if (target?.id === undefined) return { ok: false, error: 'no active tab' };
      try {
        return { ok: true, value: await sendToTab(target.id, { type: 'crosscheck:toggle' }) };
      } catch (err) {
        // No content script there (browser page, store, disabled site).
        return { ok: false, error: String(err instanceof Error ? err.message : err) };
      }
    }
    default:
      return { ok: false, error: `unknown command: ${command}` };
  }
}
