// The side panel follows the active tab of its own window, reloads when its tab reports
// new state, and stays on one tab with ?tabId=.
import { describe, expect, it, vi } from 'vitest';
import { flush, mount, setupDom, unmount } from './dom';
import { SAMPLE } from '../export/sample-analysis';

type Listener = (...args: never[]) => unknown;
const fake = vi.hoisted(() => {
  const event = () => {
    const ls = new Set<Listener>();
    return {
      addListener: (l: Listener) => void ls.add(l),
      removeListener: (l: Listener) => void ls.delete(l),
      fire: (...args: unknown[]) => ls.forEach((l) => (l as (...a: unknown[]) => unknown)(...args)),
      count: () => ls.size,
    };
  };
  const tabs: Record<number, { id: number; url: string; windowId: number }> = {};
  const states: Record<number, unknown> = {};
  const analyses: Record<number, unknown> = {};
  return {
    tabs,
    states,
    analyses,
    active: 1,
    onMessage: event(),
    onActivated: event(),
    onUpdated: event(),
    onRemoved: event(),
    onChanged: event(),
  };
});

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { onMessage: fake.onMessage, sendMessage: async () => null },
    windows: { getCurrent: async () => ({ id: 10 }) },
    tabs: {
      query: async () => [fake.tabs[fake.active]],
      get: async (id: number) => fake.tabs[id],
      sendMessage: async (id: number, msg: { type: string }) => {
        if (!(id in fake.states)) throw new Error('Receiving end does not exist.');
        return msg.type === 'crosscheck:state' ? fake.states[id] : fake.analyses[id];
      },
      onActivated: fake.onActivated,
      onUpdated: fake.onUpdated,
      onRemoved: fake.onRemoved,
    },
    storage: { local: { get: async () => ({}), set: async () => undefined }, onChanged: fake.onChanged },
  },
}));

setupDom();
const { useTabView } = await import('../../src/popup/use-tab-view');

function Probe({ follow }: { follow: boolean }) {
  const { view } = useTabView({ followActiveTab: follow });
  const claims = view.kind === 'ready' ? view.state.claims : '';
  return <p>{`${view.kind}:${'tabId' in view ? view.tabId : ''}:${claims}`}</p>;
}

const state = (url: string, claims: number) => ({
  ready: true,
  url,
  enabled: true,
  entities: 0,
  claims,
  matches: { corroborates: 0, conflicts: 0, related: 0 },
});

function setup() {
  fake.tabs[1] = { id: 1, url: 'https://a.example/x', windowId: 10 };
  fake.tabs[2] = { id: 2, url: 'chrome://newtab/', windowId: 10 };
  fake.tabs[3] = { id: 3, url: 'https://c.example/y', windowId: 10 };
  fake.states[1] = state('https://a.example/x', 3);
  fake.analyses[1] = { url: 'https://a.example/x', title: null, analysis: SAMPLE, highlighted: [] };
  fake.states[3] = state('https://c.example/y', 3);
  fake.analyses[3] = { url: 'https://c.example/y', title: null, analysis: SAMPLE, highlighted: [] };
  fake.active = 1;
}

describe('useTabView', () => {
  it('follows the active tab of its window and reloads on updates', async () => {
    setup();
    (globalThis as { location: { search: string } }).location.search = '';
    const el = mount(<Probe follow />);
    await flush(20);
    expect(el.textContent).toBe('ready:1:3');

    fake.onActivated.fire({ tabId: 2, windowId: 10 });
    await flush(20);
    expect(el.textContent).toBe('not-web-page::');

    fake.onActivated.fire({ tabId: 3, windowId: 99 }); // another window: not ours
    await flush(20);
    expect(el.textContent).toBe('not-web-page::');

    fake.onActivated.fire({ tabId: 1, windowId: 10 });
    await flush(20);
    expect(el.textContent).toBe('ready:1:3');

    // The tab reports new state: through the content script's own message or the background's broadcast.
    fake.states[1] = state('https://a.example/x', 1);
    fake.onMessage.fire({ type: 'crosscheck:page-updated', state: fake.states[1] }, { tab: { id: 3 } });
    await flush(20);
    expect(el.textContent).toBe('ready:1:3'); // another tab's news: ignored
    fake.onMessage.fire({ type: 'crosscheck:page-updated', state: fake.states[1] }, { tab: { id: 1 } });
    await flush(20);
    expect(el.textContent).toBe('ready:1:1');
    fake.states[1] = state('https://a.example/x', 2);
    fake.onMessage.fire({ type: 'crosscheck:tab-updated', tabId: 1, state: fake.states[1] }, {});
    await flush(20);
    expect(el.textContent).toBe('ready:1:2');

    unmount(el);
    expect(fake.onActivated.count() + fake.onMessage.count() + fake.onUpdated.count() + fake.onChanged.count()).toBe(0);
  });

  it('stays on the tab named by ?tabId=', async () => {
    setup();
    (globalThis as { location: { search: string } }).location.search = '?tabId=3';
    const el = mount(<Probe follow />);
    await flush(20);
    expect(el.textContent).toBe('ready:3:3');
    fake.onActivated.fire({ tabId: 1, windowId: 10 });
    await flush(20);
    expect(el.textContent).toBe('ready:3:3');
    unmount(el);
    (globalThis as { location: { search: string } }).location.search = '';
  });
});
