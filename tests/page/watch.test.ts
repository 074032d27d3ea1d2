import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageWatcher } from '../../src/page/watch';

/** A document whose MutationObserver the test drives by hand. */
function fakeDocument() {
  let callback: ((records: MutationRecord[]) => void) | null = null;
  class FakeObserver {
    constructor(cb: (records: MutationRecord[]) => void) {
      callback = cb;
    }
    observe() {}
    disconnect() {
      callback = null;
    }
  }
  const win = { MutationObserver: FakeObserver, addEventListener() {}, removeEventListener() {} };
  const doc = { defaultView: win, documentElement: {}, location: { href: 'http://127.0.0.1/a' } } as unknown as Document;
  const mutate = (target: object = {}) =>
    callback?.([{ type: 'characterData', target, addedNodes: [], removedNodes: [] } as unknown as MutationRecord]);
  return { doc, mutate };
}

describe('PageWatcher', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('checks once, ~500 ms after a burst of changes stops', async () => {
    const { doc, mutate } = fakeDocument();
    const onSettled = vi.fn(() => true);
    const w = new PageWatcher(doc, onSettled);
    w.start();
    for (let i = 0; i < 5; i++) {
      mutate();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(onSettled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(onSettled).toHaveBeenCalledTimes(1);
    w.stop();
  });

  it('on a page that changes every frame, checks at most every 2 s, and less often while nothing new turns up', async () => {
    const { doc, mutate } = fakeDocument();
    const onSettled = vi.fn(() => false); // the article never changes
    const w = new PageWatcher(doc, onSettled);
    w.start();
    for (let t = 0; t < 60_000; t += 16) {
      mutate();
      await vi.advanceTimersByTimeAsync(16);
    }
    // A minute of 60 fps mutations: a handful of checks, not thousands.
    expect(onSettled.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(onSettled.mock.calls.length).toBeLessThanOrEqual(12);
    w.stop();
  });

  it('ignores mutations it is told are its own', async () => {
    const { doc, mutate } = fakeDocument();
    const mine = {};
    const onSettled = vi.fn(() => true);
    const w = new PageWatcher(doc, onSettled, { ignore: (n) => n === (mine as unknown as Node) });
    w.start();
    mutate(mine);
    await vi.advanceTimersByTimeAsync(3000);
    expect(onSettled).not.toHaveBeenCalled();
    mutate();
    await vi.advanceTimersByTimeAsync(600);
    expect(onSettled).toHaveBeenCalledTimes(1);
    w.stop();
  });
});
