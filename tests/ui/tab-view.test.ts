// Every state the popup and side panel can be in, decided from fake browser answers.
import { describe, expect, it, vi } from 'vitest';
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { resolveTabView, stateFromAnalysis, tabIdFromQuery } = await import('../../src/popup/tab-view');
import type { TabViewDeps } from '../../src/popup/tab-view';
import { DEFAULT_SETTINGS, type PageAnalysis, type Settings, type StateReply } from '../../src/messaging/types';
import { SAMPLE } from '../export/sample-analysis';

const URL_ = 'https://news.example.com/story';
const STATE: StateReply = {
  ready: true,
  url: URL_,
  enabled: true,
  entities: 2,
  claims: 3,
  matches: { corroborates: 1, conflicts: 1, related: 1 },
};
const PAGE: PageAnalysis = { url: URL_, title: 'T', analysis: SAMPLE, highlighted: [0, 1, 2] };

function deps(over: Partial<{ settings: Settings; state: StateReply | Error; analysis: PageAnalysis | null; kept: PageAnalysis | null }> = {}): TabViewDeps {
  return {
    settings: async () => over.settings ?? DEFAULT_SETTINGS,
    state: async () => {
      const s = 'state' in over ? over.state : STATE;
      if (s instanceof Error) throw s;
      return s!;
    },
    analysis: async () => ('analysis' in over ? over.analysis! : PAGE),
    keptAnalysis: async () => over.kept ?? null,
  };
}
const noScript = new Error('Could not establish connection. Receiving end does not exist.');

describe('resolveTabView', () => {
  it('ready: counts and analysis from the content script', async () => {
    const v = await resolveTabView({ id: 7, url: URL_ }, deps());
    expect(v).toEqual({ kind: 'ready', tabId: 7, host: 'news.example.com', state: STATE, page: PAGE });
  });

  it('not a web page', async () => {
    expect((await resolveTabView({ id: 1, url: 'chrome://extensions/' }, deps())).kind).toBe('not-web-page');
    expect((await resolveTabView({ id: 1, url: 'about:blank' }, deps())).kind).toBe('not-web-page');
    expect((await resolveTabView(null, deps())).kind).toBe('not-web-page');
  });

  it('learns the URL from the content script when the tab does not show it', async () => {
    expect((await resolveTabView({ id: 2 }, deps())).kind).toBe('ready');
    expect(await resolveTabView({ id: 2 }, deps({ state: noScript }))).toEqual({ kind: 'unavailable', tabId: 2, host: null });
  });

  it('still analysing', async () => {
    expect((await resolveTabView({ id: 3, url: URL_ }, deps({ state: { ...STATE, ready: false } }))).kind).toBe('analysing');
  });

  it('off on this site (also through a parent domain) and off everywhere', async () => {
    const site = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(await resolveTabView({ id: 4, url: URL_ }, deps({ settings: site }))).toEqual({
      kind: 'site-off',
      tabId: 4,
      host: 'news.example.com',
    });
    const off = { ...DEFAULT_SETTINGS, enabled: false };
    expect((await resolveTabView({ id: 4, url: URL_ }, deps({ settings: off }))).kind).toBe('globally-off');
    // the switch must be reachable even when the content script is not there
    expect((await resolveTabView({ id: 4, url: URL_ }, deps({ settings: site, state: noScript }))).kind).toBe('site-off');
  });

  it('no claims found', async () => {
    const empty = { ...PAGE, analysis: { ...SAMPLE, claims: [] } };
    const v = await resolveTabView({ id: 5, url: URL_ }, deps({ state: { ...STATE, claims: 0 }, analysis: empty }));
    expect(v.kind).toBe('no-claims');
  });

  it('falls back to what the background kept when the content script is gone', async () => {
    const v = await resolveTabView({ id: 6, url: URL_ }, deps({ state: noScript, kept: PAGE }));
    expect(v).toMatchObject({ kind: 'ready', page: PAGE, state: stateFromAnalysis(PAGE) });
    expect(stateFromAnalysis(PAGE).matches).toEqual({ corroborates: 1, conflicts: 1, related: 1 });
    expect((await resolveTabView({ id: 6, url: URL_ }, deps({ state: noScript }))).kind).toBe('unavailable');
  });
});

describe('?tabId=', () => {
  it('reads a tab id from the page query', () => {
    expect(tabIdFromQuery('?tabId=42')).toBe(42);
    expect(tabIdFromQuery('?tab=42')).toBe(42);
    expect(tabIdFromQuery('?tabId=abc')).toBeNull();
    expect(tabIdFromQuery('')).toBeNull();
  });
});
