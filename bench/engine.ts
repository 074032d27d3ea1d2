// Engine part of the benchmark: analyze() on pages of several lengths against the seed index
// and against larger indexes built from real text (cached under bench/out/).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/core/engine';
import { loadIndex, type LoadedIndex } from '../src/core/index/load';
import { serializeIndex } from '../src/core/index/serialize';
import { makeLargeIndex, makePage, ROOT, type Corpus } from './corpus';
import { note, sampleMachine, slowdownOf, timeKernel } from './machine';

export const OUT_DIR = join(ROOT, 'bench/out');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The large index's JSON text, built once and kept in bench/out/ (git-ignored). */
export function largeIndexJson(corpus: Corpus, statements: number, log: (s: string) => void): string {
  const tag = corpus.pages.length ? 'pages' : 'seeds';
  const file = join(OUT_DIR, `index-${statements}-${tag}.json`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  log(`building a ${statements}-statement index from real text (cached in bench/out/) …`);
  const json = serializeIndex(makeLargeIndex(corpus, statements));
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(file, json);
  return json;
}

export interface EngineRun {
  index: string;
  statements: number;
  words: number;
  first_ms: number;
  /** Median of the runs straight after the first, while V8 is still optimising the engine. */
  early_median_ms: number;
  median_ms: number;
  runs: number;
  warmup_runs: number;
  /** Median time of the machine's reference kernel (bench/machine.ts) beside the timed runs. */
  machine_kernel_ms: number;
}

/** How long a page is analysed, untimed, before the timed runs (V8 settles within about a second here). */
const WARM_MS = 1500;

/**
 * Times analyze(text, index): the first call (cold: statement features are computed lazily
 * and V8 has not optimised the engine for this index and page yet); the median of the next
 * `early` calls (still warming up, the figure the bench gave before); then calls untimed
 * until WARM_MS have passed since the first; then the median of `runs` calls: the cost of a
 * page in a background that is already running.
 */
export function timeAnalyze(text: string, index: LoadedIndex, runs: number, early = 0): { first: number; early: number; median: number; warmup: number; kernel: number } {
  const start = performance.now();
  let t = start;
  analyze(text, index);
  const first = performance.now() - t;
  const earlyTimes: number[] = [];
  for (let i = 0; i < early; i++) {
    t = performance.now();
    analyze(text, index);
    earlyTimes.push(performance.now() - t);
  }
  let warmup = 0;
  while (runs > 2 && performance.now() - start < WARM_MS) {
    analyze(text, index);
    warmup++;
  }
  const times: number[] = [];
  // The machine's speed, timed before every run (a millisecond each, outside the timing).
  const kernel: number[] = [];
  for (let i = 0; i < runs; i++) {
    kernel.push(note(timeKernel()));
    t = performance.now();
    analyze(text, index);
    times.push(performance.now() - t);
  }
  return { first, early: earlyTimes.length ? median(earlyTimes) : NaN, median: median(times), warmup, kernel: median(kernel) };
}

export function runsFor(words: number, quick: boolean): { runs: number; early: number } {
  if (quick) return { runs: 2, early: 0 };
  // Enough runs to span more than one of the machine's slow or fast stretches (bench/machine.ts):
  // about a second or more of timed runs per size.
  if (words >= 50_000) return { runs: 7, early: 1 };
  if (words >= 10_000) return { runs: 11, early: 3 };
  return { runs: 61, early: 9 };
}

/** Exponent k of cost ~ size^k between the smallest and the largest size (least squares over log-log). */
export function growthExponent(points: { x: number; y: number }[]): number {
  const ps = points.filter((p) => p.x > 0 && p.y > 0).map((p) => ({ x: Math.log(p.x), y: Math.log(p.y) }));
  if (ps.length < 2) return NaN;
  const mx = ps.reduce((s, p) => s + p.x, 0) / ps.length;
  const my = ps.reduce((s, p) => s + p.y, 0) / ps.length;
  let num = 0;
  let den = 0;
  for (const p of ps) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return num / den;
}

export function engineRuns(
  corpus: Corpus,
  indexes: { name: string; index: LoadedIndex }[],
  wordCounts: number[],
  quick: boolean,
  log: (s: string) => void,
): EngineRun[] {
  const pages = new Map(wordCounts.map((w) => [w, makePage(corpus, w)]));
  sampleMachine(100); // the kernel optimised, and a first fastest time
  const out: EngineRun[] = [];
  for (const { name, index } of indexes) {
    for (const words of wordCounts) {
      const { runs, early } = runsFor(words, quick);
      // the harness's own garbage (parsed pages, index text) is collected before, not during, the timing
      (globalThis as { gc?: () => void }).gc?.();
      const r = timeAnalyze(pages.get(words)!, index, runs, early);
      out.push({ index: name, statements: index.file.statements.length, words, first_ms: r.first, early_median_ms: r.early, median_ms: r.median, runs, warmup_runs: r.warmup, machine_kernel_ms: r.kernel });
      log(
        `  ${name.padEnd(18)} ${String(words).padStart(6)} words  median ${r.median.toFixed(1).padStart(8)} ms  (first ${r.first.toFixed(1)} ms, next ${early}: ${r.early.toFixed(1)} ms; then ${r.warmup} untimed, ${runs} timed; machine ${slowdownOf(r.kernel).toFixed(2)}× its fastest so far)`,
      );
    }
  }
  return out;
}
