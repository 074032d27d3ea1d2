// `npm run bench [-- --json] [--quick] [--no-browser]`: what every stage costs, against the
// budgets of issue 4. A measurement: exits 0 even when budgets fail. `--quick` runs the
// engine part on one small page against the seed index only (for the shape test).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadIndex } from '../src/core/index/load';
import { readCorpus, ROOT } from './corpus';
import { engineRuns, growthExponent, largeIndexJson, median, type EngineRun } from './engine';
import { fastestKernel, note, slowdownOf, timeKernel } from './machine';
import { contentScriptFiles, gzipKb } from './sizes';
import type { BrowserOptions, BrowserPage } from './browser';

const argv = new Set(process.argv.slice(2));
const json = argv.has('--json');
const quick = argv.has('--quick');
const log = (s: string) => (json ? process.stderr : process.stdout).write(s + '\n');

export interface Budget { name: string; value: number | null; limit: number; unit: string; pass: boolean; note?: string }

const result: Record<string, unknown> = {};
const budgets: Budget[] = [];
const skipped: string[] = [];
const budget = (name: string, value: number | null | undefined, limit: number, unit: string, note?: string) =>
  budgets.push({ name, value: value ?? null, limit, unit, pass: value != null && Number.isFinite(value) && value <= limit, ...(note ? { note } : {}) });
const r1 = (x: number) => Math.round(x * 100) / 100;

/**
 * The floor beside the budget: what a content script that only walks the text once, sends
 * it in one message and marks 100 ranges costs on the same pages, measured the same way
 * (bench/floor-extension; not shipped), median of 3 loads. Printed, not budgeted.
 */
async function addFloor(pages: BrowserPage[], opts: BrowserOptions): Promise<void> {
  const { browserPart } = await import('./browser');
  log('  floor: bench/floor-extension (one text walk, one message, 100 marks), median of 3 loads per page');
  const floors: BrowserPage[][] = [];
  for (let k = 0; k < 3; k++) {
    const f = await browserPart(() => undefined, { ...opts, dist: join(ROOT, 'bench/floor-extension') });
    if (!('skipped' in f)) floors.push(f.pages);
  }
  for (const p of pages) {
    const xs = floors.flatMap((ps) => ps.filter((x) => x.page === p.page).map((x) => x.content_script_ms));
    if (!xs.length) continue;
    p.floor_content_script_ms = median(xs);
    p.floor_over_walk_ratio = p.floor_content_script_ms / Math.max(p.bare_walk_ms, 0.01);
    p.floor_machine_slowdown_ratio = r1(slowdownOf(median(floors.flatMap((ps) => ps.filter((x) => x.page === p.page).map((x) => x.machine_kernel_ms ?? NaN)))));
    log(
      `  ${p.page.padEnd(34)} floor ${p.floor_content_script_ms.toFixed(1)} ms = ${p.floor_over_walk_ratio.toFixed(0)}x the bare walk; Crosscheck ${p.content_script_ms.toFixed(1)} ms = ${(p.content_script_ms / Math.max(p.floor_content_script_ms, 0.01)).toFixed(1)}x the floor; machine ${p.floor_machine_slowdown_ratio.toFixed(2)}× its fastest`,
    );
  }
}

/** Loads of the extension per page: single loads move by ±30-50 % here. */
const LOADS = 3;

/**
 * Runs a browser part LOADS times and gives, per page, the median of the content script's
 * time, walks and ratio, and the longest task of any load (the budget is a maximum).
 */
async function loadsOf(
  part: () => Promise<{ pages: BrowserPage[] } | { skipped: string }>,
  what: string,
): Promise<{ pages: BrowserPage[] } | { skipped: string }> {
  const runs: BrowserPage[][] = [];
  for (let k = 0; k < LOADS; k++) {
    log(`  ${what}, load ${k + 1} of ${LOADS}`);
    const r = await part();
    if ('skipped' in r) return r;
    runs.push(r.pages);
  }
  const pages = runs[0].map((first) => {
    const same = runs.map((ps) => ps.find((p) => p.page === first.page)).filter((p): p is BrowserPage => !!p);
    const mid = (f: (p: BrowserPage) => number) => median(same.map(f));
    const content = mid((p) => p.content_script_ms);
    const walk = mid((p) => p.bare_walk_ms);
    const kernel = mid((p) => p.machine_kernel_ms ?? NaN);
    return {
      ...first,
      content_script_ms: content,
      content_script_compile_ms: mid((p) => p.content_script_compile_ms),
      longest_task_ms: Math.max(...same.map((p) => p.longest_task_ms)),
      bare_walk_ms: walk,
      cold_walk_ms: mid((p) => p.cold_walk_ms),
      content_script_over_walk_ratio: content / Math.max(walk, 0.01),
      ...(first.content_script_rerun_ms !== undefined ? { content_script_rerun_ms: mid((p) => p.content_script_rerun_ms ?? NaN) } : {}),
      loads: same.length,
      machine_kernel_ms: kernel,
      machine_slowdown_ratio: r1(slowdownOf(kernel)),
    };
  });
  log(`  ${what}, median of ${LOADS} loads (longest task: the longest of any load)`);
  for (const p of pages) {
    log(
      `  ${p.page.padEnd(34)} content script ${p.content_script_ms.toFixed(1)} ms, longest ${p.longest_task_ms.toFixed(1)} ms, bare walk ${p.bare_walk_ms.toFixed(2)} ms, ratio ${p.content_script_over_walk_ratio.toFixed(1)}${p.content_script_rerun_ms !== undefined ? `; again in the same page ${p.content_script_rerun_ms.toFixed(1)} ms (${(p.content_script_rerun_ms / Math.max(p.bare_walk_ms, 0.01)).toFixed(0)}x the bare walk)` : ''}; machine ${p.machine_slowdown_ratio.toFixed(2)}× its fastest`,
    );
  }
  return { pages };
}

async function main() {
  const corpus = readCorpus({ seedsOnly: quick });
  for (const s of corpus.skipped) {
    skipped.push(s);
    log(`SKIP: ${s}`);
  }
  const seedJson = readFileSync(join(ROOT, 'assets/seed-index.json'), 'utf8');

  // 1. engine
  log('engine (Node): analyze(text, index), median of several runs');
  const wordCounts = quick ? [500] : [500, 2000, 10000, 50000];
  // Each index is measured while it is the only one held (as in the extension's background):
  // a heap that also holds the larger indexes makes every collection dearer for all of them.
  const seed = { name: 'seed index', index: loadIndex(JSON.parse(seedJson)) };
  const indexes: { name: string; statements: number }[] = [{ name: seed.name, statements: seed.index.file.statements.length }];
  const runs: EngineRun[] = engineRuns(corpus, [seed], wordCounts, quick, log);
  const loads: Record<number, { load_ms: number; heap_kb: number; gzip_kb: number; kernel_ms: number }> = {};
  const g = globalThis as { gc?: () => void };
  for (const n of quick ? [] : [1000, 10000, 50000]) {
    const text = largeIndexJson(corpus, n, log);
    g.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const times: number[] = [];
    const kernel: number[] = [];
    let loaded = loadIndex(JSON.parse(text));
    for (let i = 0; i < 3; i++) {
      kernel.push(note(timeKernel()));
      const t = performance.now();
      loaded = loadIndex(JSON.parse(text));
      times.push(performance.now() - t);
    }
    g.gc?.();
    const heap = process.memoryUsage().heapUsed - heap0;
    loads[n] = { load_ms: median(times), heap_kb: heap / 1024, gzip_kb: gzipKb(text), kernel_ms: median(kernel) };
    const name = `${n}-statement index`;
    indexes.push({ name, statements: loaded.file.statements.length });
    runs.push(...engineRuns(corpus, [{ name, index: loaded }], wordCounts, quick, log));
  }
  g.gc?.();
  // How fast the machine was beside each median, against the fastest it was in this process
  // (bench/machine.ts): 1.0 the machine at its best, ~1.5 one of its slow stretches.
  const fastest = fastestKernel();
  const slowdown = (r: EngineRun) => r1(slowdownOf(r.machine_kernel_ms));
  result.machine_kernel_fastest_ms = r1(fastest);
  result.engine = runs.map((r) => ({
    index: r.index,
    statements: r.statements,
    words: r.words,
    median_ms: r1(r.median_ms),
    first_ms: r1(r.first_ms),
    early_median_ms: Number.isFinite(r.early_median_ms) ? r1(r.early_median_ms) : null,
    runs: r.runs,
    warmup_runs: r.warmup_runs,
    machine_kernel_ms: r1(r.machine_kernel_ms),
    machine_slowdown_ratio: slowdown(r),
  }));
  log(`  machine reference kernel: fastest ${fastest.toFixed(2)} ms; beside each median above, ${runs.map(slowdown).map((x) => x.toFixed(2)).join(' ')}× that`);
  const run = (name: string, words: number) => runs.find((r) => r.index === name && r.words === words);
  const at = (name: string, words: number) => run(name, words)?.median_ms;
  const machineNote = (name: string, words: number) => {
    const r = run(name, words);
    return r ? `machine at ${slowdown(r).toFixed(2)}× its fastest during these runs` : undefined;
  };
  if (!quick) {
    const growth: Record<string, number> = {};
    for (const { name } of indexes) {
      const k = growthExponent(runs.filter((r) => r.index === name).map((r) => ({ x: r.words, y: r.median_ms })));
      growth[`page_length_exponent_${name.replace(/\W+/g, '_')}_ratio`] = r1(k);
      log(`  cost ~ words^${k.toFixed(2)} against the ${name}`);
    }
    for (const words of wordCounts) {
      const pts = indexes.map((i) => ({ x: i.statements, y: at(i.name, words) ?? 0 }));
      const k = growthExponent(pts.slice(1));
      growth[`index_size_exponent_${words}_words_ratio`] = r1(k);
      const ratio = (at('50000-statement index', words) ?? NaN) / (at('1000-statement index', words) ?? NaN);
      growth[`index_50000_over_1000_${words}_words_ratio`] = r1(ratio);
      log(`  ${words} words: cost ~ statements^${k.toFixed(2)} (1,000 → 50,000 statements: ×${ratio.toFixed(2)} time for ×50 statements)`);
    }
    result.growth = growth;
  }
  budget('engine, seed index, 2,000 words, median', at('seed index', 2000), 15, 'ms', machineNote('seed index', 2000));
  budget('engine, seed index, 50,000 words, median', at('seed index', 50000), 300, 'ms', machineNote('seed index', 50000));
  budget('engine, 50,000-statement index, 2,000 words, median', at('50000-statement index', 2000), 60, 'ms', machineNote('50000-statement index', 2000));

  // 3. sizes and memory
  const t0 = performance.now();
  loadIndex(JSON.parse(seedJson));
  const seedLoad = performance.now() - t0;
  result.sizes = {
    seed_index_gzip_kb: r1(gzipKb(seedJson)),
    seed_index_load_ms: r1(seedLoad),
    ...(loads[10000] ? { index_10000_gzip_kb: r1(loads[10000].gzip_kb) } : {}),
    ...Object.fromEntries(Object.entries(loads).flatMap(([n, l]) => [[`index_${n}_load_ms`, r1(l.load_ms)], [`index_${n}_heap_kb`, Math.round(l.heap_kb)]])),
    heap_measured_after_gc: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
  log(`sizes: ${JSON.stringify(result.sizes)}`);
  budget('seed index, gzip', gzipKb(seedJson), 40, 'kb');
  budget('50,000-statement index, load', loads[50000]?.load_ms, 250, 'ms', loads[50000] ? `machine at ${slowdownOf(loads[50000].kernel_ms).toFixed(2)}× its fastest during these loads` : undefined);
  const files = contentScriptFiles(join(ROOT, 'dist/chrome'));
  if (!files || !files.length) {
    const s = 'content-script size: dist/chrome not built (run npm run build)';
    skipped.push(s);
    log(`SKIP: ${s}`);
  } else {
    const code = files.map((f) => readFileSync(f));
    const kb = gzipKb(Buffer.concat(code));
    const hasIndex = code.some((c) => c.includes('"statements"') || c.includes('builtFrom'));
    (result.sizes as Record<string, unknown>).content_script_gzip_kb = r1(kb);
    (result.sizes as Record<string, unknown>).content_script_contains_index = hasIndex;
    log(`content script: ${files.map((f) => f.slice(ROOT.length + 1)).join(', ')}: ${kb.toFixed(1)} KB gzip${hasIndex ? ' (contains the index!)' : ', no index'}`);
    budget('content script, gzip, without the index', kb, 60, 'kb');
  }

  // 2. browser
  if (quick || argv.has('--no-browser')) {
    skipped.push('browser part: not run (--quick / --no-browser)');
  } else {
    const { browserPart, profilerOverhead, SAMPLING_INTERVAL_US } = await import('./browser');
    const b = await loadsOf(() => browserPart(log, { rerun: true }), 'Crosscheck');
    if ('skipped' in b) {
      skipped.push(b.skipped);
      log(`SKIP: ${b.skipped}`);
    } else {
      result.browser = b.pages;
      const overhead = await profilerOverhead();
      if (overhead !== null) {
        result.profiler_overhead_ratio = r1(overhead);
        log(`  the profiler (every ${SAMPLING_INTERVAL_US} µs) makes a fixed workload in a page ${overhead.toFixed(2)}× slower: the content-script figures carry it, the bare walks do not`);
      }
      await addFloor(b.pages, {});
      for (const p of b.pages) {
        budget(`Chromium, ${p.page}: content script main thread / bare walk`, p.content_script_over_walk_ratio, 20, 'ratio');
        budget(`Chromium, ${p.page}: longest content-script task`, p.longest_task_ms, 50, 'ms');
        if (p.page === 'seed article in guardian-1 markup') budget(`Chromium, ${p.page}: content script main thread`, p.content_script_ms, 16, 'ms');
      }
    }
  }

  // 2b. the hostile pages of the e2e suite (tests/fixtures/hostile-pages.ts)
  if (!quick && !argv.has('--no-browser')) {
    const { browserPart } = await import('./browser');
    const { hostilePages, servePages, HOSTILE_BENCH_PAGES } = await import('../tests/fixtures/hostile-pages');
    let origin = '';
    const serve = servePages(hostilePages(() => origin));
    log('hostile pages (Chromium): content script main thread, longest task, bare walk');
    const h = await loadsOf(() => browserPart(log, { targets: HOSTILE_BENCH_PAGES, serve, onServer: (o) => (origin = o) }), 'Crosscheck');
    if ('skipped' in h) skipped.push(h.skipped.replace('browser part', 'hostile pages'));
    else {
      result.hostile = h.pages;
      await addFloor(h.pages, { targets: HOSTILE_BENCH_PAGES, serve, onServer: (o) => (origin = o) });
      // Most of these pages hold little text besides the article (a bare walk of 0.0-0.1 ms at
      // the page's 0.1 ms timer resolution), so the ratio is printed, not budgeted: the budget
      // here is that the content script never holds the page for more than 50 ms at a time.
      for (const p of h.pages) budget(`Chromium, hostile ${p.page}: longest content-script task`, p.longest_task_ms, 50, 'ms');
    }
  }

  log('\nbudgets');
  for (const b of budgets) log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.value == null ? 'not measured' : r1(b.value)} ${b.unit} (limit ${b.limit})${b.note ? `; ${b.note}` : ''}`);
  if (json) process.stdout.write(JSON.stringify({ ...result, budgets: budgets.map((b) => ({ ...b, value: b.value == null ? null : r1(b.value) })), skipped }, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exit(2);
});
