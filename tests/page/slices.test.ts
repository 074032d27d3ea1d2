import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleSteps, extractArticle } from '../../src/page/article';
import { runStepsSliced, runToEnd } from '../../src/page/slices';

function* counter(n: number): Generator<void, number, void> {
  for (let i = 0; i < n; i++) yield;
  return n;
}

const page = (paragraphs: number) =>
  parseHTML(
    `<html><head><title>Flood</title></head><body><nav><a href="/">Home</a></nav><article><h1>Flood</h1>${Array.from(
      { length: paragraphs },
      (_, i) => `<p>Paragraph ${i} says the river rose by two metres overnight, flooding several streets near the market.</p>`,
    ).join('')}</article></body></html>`,
  ).document as unknown as Document;

describe('work in slices', () => {
  it('runToEnd returns what the steps return', () => {
    expect(runToEnd(counter(1000))).toBe(1000);
  });

  it('runStepsSliced gives the same result, yielding to the page between slices', async () => {
    let timers = 0;
    const realSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((fn: () => void, ms?: number) => {
      timers++;
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout;
    try {
      // A 0 ms budget: every step ends a slice.
      expect(await runStepsSliced(counter(5), () => false, 0)).toBe(5);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    expect(timers).toBe(5);
  });

  it('stops between slices when cancelled', async () => {
    let stepsRun = 0;
    function* steps(): Generator<void, string, void> {
      for (let i = 0; i < 10; i++) {
        stepsRun++;
        yield;
      }
      return 'done';
    }
    let cancel = false;
    const p = runStepsSliced(steps(), () => cancel, 0);
    cancel = true;
    expect(await p).toBeNull();
    expect(stepsRun).toBeLessThan(10);
  });

  it('extracting an article in slices gives exactly what extracting it at once gives', async () => {
    const doc = page(120);
    const whole = extractArticle(doc)!;
    const sliced = (await runStepsSliced(articleSteps(doc), () => false, 0))!;
    expect(sliced.text).toBe(whole.text);
    expect(sliced.title).toBe(whole.title);
    expect(sliced.segments).toEqual(whole.segments);
    expect(whole.text).not.toContain('Home');
  });
});
