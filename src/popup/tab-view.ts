// What the popup and the side panel show for one tab, decided from what the tab, the
// background and the settings say. Browser calls come in as functions so every state can
// be unit-tested: not a web page, unreachable, off (everywhere / on this site),
// still analysing, no claims, ready.
import type { PageAnalysis, Settings, StateReply } from '../messaging/types';
import { disablingEntries, webHostOf } from '../storage/settings-schema';

export interface TabLike {
  id?: number;
  url?: string;
  title?: string;
}

export interface TabViewDeps {
  settings(): Promise<Settings>;
  /** The content script's state ({type: 'crosscheck:state'}); rejects when none answers. */
  state(tabId: number): Promise<StateReply>;
  /** The content script's analysis ({type: 'crosscheck:analysis'}). */
  analysis(tabId: number): Promise<PageAnalysis | null>;
  /** What the background kept for the tab, when the content script does not answer. */
  keptAnalysis?(tabId: number): Promise<PageAnalysis | null>;
}

export type TabView =
  | { kind: 'loading' }
  | { kind: 'not-web-page' }
  | { kind: 'unavailable'; tabId: number; host: string | null }
  | { kind: 'globally-off'; tabId: number; host: string }
  | { kind: 'site-off'; tabId: number; host: string }
  | { kind: 'analysing'; tabId: number; host: string }
  | { kind: 'no-claims'; tabId: number; host: string; state: StateReply }
  | { kind: 'ready'; tabId: number; host: string; state: StateReply; page: PageAnalysis | null };

async function orNull<T>(p: (() => Promise<T>) | undefined): Promise<T | null> {
  if (!p) return null;
  try {
    return (await p()) ?? null;
  } catch {
    return null;
  }
}

export async function resolveTabView(tab: TabLike | null | undefined, deps: TabViewDeps): Promise<TabView> {
  if (!tab || tab.id === undefined) return { kind: 'not-web-page' };
  const tabId = tab.id;
  // Without the "tabs" permission tab.url can be missing; the content script then tells us.
  let host = webHostOf(tab.url);
  if (tab.url && !host) return { kind: 'not-web-page' };
  const [settings, state] = await Promise.all([
    deps.settings(),
    orNull(() => deps.state(tabId)),
  ]);
  host ??= webHostOf(state?.url);
  if (!host) return { kind: 'unavailable', tabId, host: null };
  if (!settings.enabled) return { kind: 'globally-off', tabId, host };
  if (disablingEntries(settings, host).length > 0) return { kind: 'site-off', tabId, host };
  if (!state) {
    const kept = await orNull(() => deps.keptAnalysis?.(tabId) ?? Promise.resolve(null));
    if (!kept) return { kind: 'unavailable', tabId, host };
    return { kind: 'ready', tabId, host, state: stateFromAnalysis(kept), page: kept };
  }
  if (!state.ready) return { kind: 'analysing', tabId, host };
  const page =
    (await orNull(() => deps.analysis(tabId))) ?? (await orNull(() => deps.keptAnalysis?.(tabId) ?? Promise.resolve(null)));
  if (state.claims === 0 && (!page || page.analysis.claims.length === 0)) return { kind: 'no-claims', tabId, host, state };
  return { kind: 'ready', tabId, host, state, page };
}

/** A state reply rebuilt from an analysis (when only the background answered). */
export function stateFromAnalysis(page: PageAnalysis): StateReply {
  const matches = { corroborates: 0, conflicts: 0, related: 0 };
  for (const c of page.analysis.claims) for (const m of c.matches) matches[m.stance]++;
  return {
    ready: true,
    url: page.url,
    enabled: true,
    entities: page.analysis.entities.length,
    claims: page.analysis.claims.length,
    matches,
  };
}

/** `?tabId=123` in the page URL: target that tab instead of the active one (tests, tabs). */
export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId') ?? new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}
