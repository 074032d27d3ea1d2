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

/** Runs `run`, counting the timers it sets (each slice yields to the page with one). */
async function countingTimers<T>(run: () => Promise<T>): Promise<{ result: T; timers: number }> {
  let timers = 0;
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    timers++;
    return realSetTimeout(fn, ms);
  }) as typeof setTimeout;
  try {
    return { result: await run(), timers };
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
}

describe('work in slices', () => {
  it('runToEnd returns what the steps return', () => {
    expect(runToEnd(counter(1000))).toBe(1000);
  });

  it('runStepsSliced gives the same result, yielding to the page between slices', async () => {
    // A 0 ms budget: every step ends a slice.
    const { result, timers } = await countingTimers(() => runStepsSliced(counter(5), () => false, 0));
    expect(result).toBe(5);
    expect(timers).toBe(5);
  });

  it('`yield true` ends a slice whatever its budget (a large step gets a task of its own)', async () => {
    function* steps(): Generator<boolean | void, string, void> {
      yield;
      yield true;
      yield;
      yield true;
      return 'done';
    }
    const { result, timers } = await countingTimers(() => runStepsSliced(steps(), () => false, 60_000));
    expect(result).toBe('done');
    expect(timers).toBe(2);
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

  it('reads a text node of a megabyte in pieces: the same text as the node split into many small ones, and more steps', () => {
    // Words, runs of spaces and newlines, a soft hyphen and a zero-width space, so that piece
    // boundaries fall in every kind of run.
    const unit = 'The  committee met\n again on Tuesday and adjourned \u00ad without a vote\u200b on the budget. ';
    const long = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const build = (body: string) => parseHTML(`<html><head><title>Log</title></head><body><article><h1>Log</h1><p>${body}</p></article></body></html>`).document as unknown as Document;
    const one = build(long);
    const many = build(long.match(/[^]{1,1000}/g)!.map((x) => `<span>${x}</span>`).join(''));
    const countSteps = (doc: Document) => {
      let n = 0;
      const steps = articleSteps(doc);
      for (let r = steps.next(); !r.done; r = steps.next()) n++;
      return n;
    };
    const a = extractArticle(one)!;
    expect(a.text).toBe(extractArticle(many)!.text);
    expect(a.text.length).toBeGreaterThan(900_000);
    // at least one step per 16,384 characters of the long node when its text is read
    expect(countSteps(one)).toBeGreaterThan(1_000_000 / 16_384);
  });
});
