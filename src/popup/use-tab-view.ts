// Keeps a TabView up to date: reloads when the tab reports new state, when settings
// change, and (side panel) follows the active tab of its window. `?tabId=` pins one tab.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser, isCrosscheckMessage } from '../messaging/send';
import { onSettingsChanged } from '../storage/settings-store';
import { targetTab, tabViewDeps } from './browser-deps';
import { resolveTabView, tabIdFromQuery, type TabLike, type TabView } from './tab-view';

/** While a page is being analysed or unreachable, look again this often, this many times. */
const RETRY_MS = 1000;
const RETRIES = 20;

export function useTabView(options: { followActiveTab: boolean }): { view: TabView; tab: TabLike | null; reload: () => void } {
  const [view, setView] = useState<TabView>({ kind: 'loading' });
  const [tab, setTab] = useState<TabLike | null>(null);
  const tabRef = useRef<TabLike | null>(null);
  const seq = useRef(0);
  const retries = useRef(0);

  const load = useCallback(async (next?: TabLike | null) => {
    const mine = ++seq.current;
    const target = next !== undefined ? next : tabRef.current ?? (await targetTab());
    if (mine !== seq.current) return;
    tabRef.current = target;
    setTab(target);
    const resolved = await resolveTabView(target, tabViewDeps);
    // A newer load (tab switch, update) started meanwhile: its answer wins.
    if (mine === seq.current) setView(resolved);
  }, []);

  const reload = useCallback(() => void load(), [load]);

  useEffect(() => {
    void load();
    const pinned = tabIdFromQuery(location.search) !== null;
    let windowId: number | undefined;
    void browser.windows
      .getCurrent()
      .then((w) => (windowId = w.id))
      .catch(() => undefined);

    const onMessage = (msg: unknown, sender: { tab?: { id?: number } }) => {
      if (!isCrosscheckMessage(msg)) return undefined;
      const current = tabRef.current?.id;
      const m = msg as { type: string; tabId?: number };
      if (
        (m.type === 'crosscheck:page-updated' && sender.tab?.id === current) ||
        (m.type === 'crosscheck:tab-updated' && m.tabId === current)
      )
        reload();
      return undefined; // never answer: the background does
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId !== undefined && info.windowId !== windowId) return;
      retries.current = 0;
      void browser.tabs
        .get(info.tabId)
        .then((t) => load(t))
        .catch(() => load({ id: info.tabId }));
    };
    const onUpdated = (tabId: number, change: { status?: string; url?: string }, t: TabLike) => {
      if (tabId !== tabRef.current?.id || (!change.url && change.status !== 'complete')) return;
      retries.current = 0;
      void load(t);
    };
    const onRemoved = (tabId: number) => {
      if (tabId !== tabRef.current?.id || pinned) return;
      tabRef.current = null;
      void load();
    };

    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onUpdated.addListener(onUpdated);
    if (options.followActiveTab && !pinned) {
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onRemoved.addListener(onRemoved);
    }
    const unsubscribe = onSettingsChanged(() => reload());
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      unsubscribe();
    };
  }, [load, reload, options.followActiveTab]);

  // Analysing or not reachable yet (content script still starting): ask again shortly.
  useEffect(() => {
    if (view.kind !== 'analysing' && view.kind !== 'unavailable') {
      retries.current = 0;
      return;
    }
    if (retries.current >= RETRIES) return;
    const timer = setTimeout(() => {
      retries.current++;
      reload();
    }, RETRY_MS);
    return () => clearTimeout(timer);
  }, [view, reload]);

  return { view, tab, reload };
}
