// The browser side of the popup and the side panel: which tab, what it says, settings,
// opening the side panel. Views get plain data from here.
import { browser, sendToBackground, sendToTab } from '../messaging/send';
import type { Settings } from '../messaging/types';
import { loadSettingsWithNotice, updateSettings } from '../storage/settings-store';
import { withSiteDisabled } from '../storage/settings-schema';
import { tabIdFromQuery, type TabLike, type TabViewDeps } from './tab-view';

export const tabViewDeps: TabViewDeps = {
  settings: async () => (await loadSettingsWithNotice()).settings,
  state: (tabId) => sendToTab(tabId, { type: 'crosscheck:state' }),
  analysis: (tabId) => sendToTab(tabId, { type: 'crosscheck:analysis' }),
  keptAnalysis: (tabId) => sendToBackground({ type: 'crosscheck:tab-analysis', tabId }),
};

/** The tab named by `?tabId=` or else the active tab of this window. */
export async function targetTab(search = location.search): Promise<TabLike | null> {
  const pinned = tabIdFromQuery(search);
  try {
    if (pinned !== null) return await browser.tabs.get(pinned);
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab ?? null;
  } catch {
    return pinned !== null ? { id: pinned } : null;
  }
}

/**
 * Turns Crosscheck off or on for a host. The background sends every settings change to
 * the content scripts, so no 'crosscheck:settings-changed' message is sent from here.
 */
export function setSiteDisabled(host: string, disabled: boolean): Promise<Settings> {
  return updateSettings((s) => withSiteDisabled(s, host, disabled));
}

interface SidePanelGlobals {
  chrome?: { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } };
  browser?: { sidebarAction?: { open(): Promise<void> } };
}

/**
 * Opens the side panel. Must be called straight from the click handler: both browsers
 * only open it in response to a user gesture, so the API call happens before any await.
 * Falls back to asking the background.
 */
export function openSidePanel(tabId: number | undefined): Promise<boolean> {
  const g = globalThis as SidePanelGlobals;
  let direct: Promise<void> | null = null;
  try {
    if (g.browser?.sidebarAction) direct = g.browser.sidebarAction.open();
    else if (g.chrome?.sidePanel && tabId !== undefined) direct = g.chrome.sidePanel.open({ tabId });
  } catch {
    direct = null;
  }
  const viaBackground = () =>
    sendToBackground({ type: 'crosscheck:open-sidepanel', tabId }).then(
      (r) => Boolean(r?.ok),
      () => false,
    );
  if (!direct) return viaBackground();
  return direct.then(
    () => true,
    () => viaBackground(),
  );
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage().catch(() => undefined);
}
