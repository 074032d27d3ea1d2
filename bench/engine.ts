// Engine part of the benchmark: analyze() on pages of several lengths against the seed index
// and against larger indexes built from real text (cached under bench/out/).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/core/engine';
import { loadIndex, type LoadedIndex } from '../src/core/index/load';
import { serializeIndex } from '../src/core/index/serialize';
import { makeLargeIndex, makePage, ROOT, type Corpus } from './corpus';

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
  median_ms: number;
  runs: number;
}

/** Times analyze(text, index): the first call (statement features are computed lazily) and the median of the rest. */
export function timeAnalyze(text: string, index: LoadedIndex, runs: number): { first: number; median: number } {
  let t = performance.now();
  analyze(text, index);
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    analyze(text, index);
    times.push(performance.now() - t);
  }
  return { first, median: median(times) };
}

export function runsFor(words: number, quick: boolean): number {
  if (quick) return 2;
  return words >= 50_000 ? 3 : words >= 10_000 ? 5 : 9;
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
  const out: EngineRun[] = [];
  for (const { name, index } of indexes) {
    for (const words of wordCounts) {
      const runs = runsFor(words, quick);
      const { first, median: med } = timeAnalyze(pages.get(words)!, index, runs);
      out.push({ index: name, statements: index.file.statements.length, words, first_ms: first, median_ms: med, runs });
      log(`  ${name.padEnd(18)} ${String(words).padStart(6)} words  median ${med.toFixed(1).padStart(8)} ms  (first ${first.toFixed(1)} ms, ${runs} runs)`);
    }
  }
  return out;
}
