// Per-tab state: the last analysis the tab asked for and the last state it reported.
// The counts and the URL are mirrored to storage.session (where available) so they survive
// the MV3 service worker being stopped; the analysis, which holds the page's sentences,
// stays in memory only (page text is never written to extension storage). After a restart
// the analysis is asked of the tab's content script again. Dropped when the tab closes.
import browser from 'webextension-polyfill';
import type { AnalysisResult } from '../core/types';
import type { PageAnalysis, StateReply } from '../messaging/types';

export interface TabRecord {
  url: string;
  title: string | null;
  analysis: AnalysisResult | null;
  state: StateReply | null;
  highlighted: number[];
  openings?: Record<string, string>;
}

const memory = new Map<number, TabRecord>();
const key = (tabId: number) => `tab:${tabId}`;

function session(): browser.Storage.StorageArea | null {
  try {
    return (browser.storage as { session?: browser.Storage.StorageArea }).session ?? null;
  } catch {
    return null;
  }
}

export async function getTab(tabId: number): Promise<TabRecord | null> {
  const hit = memory.get(tabId);
  if (hit) return hit;
  const area = session();
  if (!area) return null;
  try {
    const got = await area.get(key(tabId));
    const rec = got[key(tabId)] as TabRecord | undefined;
    if (rec && typeof rec.url === 'string') {
      memory.set(tabId, rec);
      return rec;
    }
  } catch {
    // storage.session unavailable or quota trouble: memory only.
  }
  return null;
}

export async function updateTab(tabId: number, patch: Partial<TabRecord> & { url: string }): Promise<TabRecord> {
  const prev = (await getTab(tabId)) ?? { url: patch.url, title: null, analysis: null, state: null, highlighted: [] };
  // A new URL is a new page: forget the old page's analysis unless the patch brings one.
  const base = prev.url === patch.url ? prev : { url: patch.url, title: null, analysis: null, state: null, highlighted: [] };
  const next: TabRecord = { ...base, ...patch };
  memory.set(tabId, next);
  try {
    await session()?.set({ [key(tabId)]: withoutPageText(next) });
  } catch {
    // Over quota or unavailable: memory still has it.
  }
  return next;
}

/** What may be stored: the URL, the counts and which claims are marked; no sentence, no title. */
export function withoutPageText(rec: TabRecord): TabRecord {
  return { url: rec.url, title: null, analysis: null, state: rec.state, highlighted: rec.highlighted };
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  try {
    await session()?.remove(key(tabId));
  } catch {
    // nothing to clean
  }
}

export function toPageAnalysis(rec: TabRecord | null): PageAnalysis | null {
  if (!rec || !rec.analysis) return null;
  return { url: rec.url, title: rec.title, analysis: rec.analysis, highlighted: rec.highlighted, openings: rec.openings ?? {} };
}
