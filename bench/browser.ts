// Browser part of the benchmark: real Chromium with dist/chrome, pages served from loopback
// by the e2e harness. The content script's main-thread time comes from the V8 CPU profiler
// of the page (CDP Profiler; content scripts share the page's isolate): every sample whose
// stack holds a chrome-extension:// frame counts, including DOM calls it makes. The longest
// task is the longest unbroken run of such samples. The floor is a bare TreeWalker pass
// reading all text of the same page (median of 5, in the page); the same walk as the first
// thing in a new isolated world is printed beside it, and bench.ts also loads
// bench/floor-extension (the least a marking content script can do) the same way.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { allowedUrl, CHROMIUM_PATH, launchWithExtension, waitForState, type Session } from '../tests/e2e/harness';
import { startTestServer, type GeneratedResponse } from '../tests/fixtures/server';
import { sharedPagesAvailable } from '../tests/fixtures/pages';
import { SETTINGS_KEY } from '../src/messaging/settings';
import { defaultSettings, toStored } from '../src/storage/settings-schema';
import { ROOT } from './corpus';
import { median } from './engine';
import { sampleMachine } from './machine';

export interface BrowserPage {
  page: string;
  content_script_cpu_ms?: number;
  /** Sampled time plus content_script_compile_ms. */
  content_script_ms: number;
  /** The script's compile before it runs, which no sample names (uncountedCompile). */
  content_script_compile_ms: number;
  longest_task_ms: number;
  /** The bare walk, median of 5 in the page's own world (warm: its DOM wrappers exist after the first). */
  bare_walk_ms: number;
  /**
   * The same walk as the first thing run in a new isolated world (CDP Page.createIsolatedWorld),
   * as an extension's content script meets the page: every node it reaches needs a new
   * wrapper object in that world. Printed, not budgeted.
   */
  cold_walk_ms: number;
  content_script_over_walk_ratio: number;
  /**
   * The same work again in the same page once the first run is done (rerun in BrowserOptions):
   * extraction, the analyze message and marking, with the code compiled and warm and the
   * page's nodes already wrapped in the script's world. Printed, not budgeted.
   */
  content_script_rerun_ms?: number;
  claims: number;
  /** bench/floor-extension's content script on the same page (median of 3 loads), if measured. */
  floor_content_script_ms?: number;
  floor_over_walk_ratio?: number;
  floor_machine_slowdown_ratio?: number;
  /** The machine's reference kernel (bench/machine.ts), median of 5 just before the page was loaded. */
  machine_kernel_ms?: number;
  /** machine_kernel_ms over the fastest kernel time of the bench's process (bench.ts). */
  machine_slowdown_ratio?: number;
  /** Loads these figures are the median of (bench.ts; one where not said). */
  loads?: number;
}

/**
 * The profiler's sampling interval. Sampling costs the sampled thread time of its own, which
 * the samples then charge to whatever code was running: on a fixed workload in a page here,
 * 50 µs made it ~1.22× slower, 250 µs ~1.15×, 1 ms ~1.08× (interleaved, 90 runs each;
 * profilerOverhead() below measures it at this interval on every bench run). 250 µs keeps
 * ~100 samples in a 25 ms content script.
 */
export const SAMPLING_INTERVAL_US = 250;

/** A fixed piece of JavaScript for the page's main thread (arithmetic and small objects). */
const FIXED_WORK = `(() => {
  const t = performance.now();
  let h = 0;
  const a = new Float64Array(1 << 14);
  for (let r = 0; r < 40; r++) for (let i = 0; i < a.length; i++) { a[i] = a[(i * 7) & 16383] * 0.5 + i; h = (h * 31 + i) | 0; }
  const o = [];
  for (let i = 0; i < 20000; i++) o.push({ i, s: 'k' + (i & 63) });
  return performance.now() - t + (h === 0.5 ? o.length : 0);
})()`;

/**
 * How much slower the profiler at SAMPLING_INTERVAL_US makes a page's main thread: a fixed
 * workload timed with the profiler off and on, interleaved (median of each). Every
 * content-script figure of the bench is measured with the profiler on, the bare walk without.
 */
export async function profilerOverhead(rounds = 20): Promise<number | null> {
  if (!CHROMIUM_PATH) return null;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<p>fixed work</p>');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    const run = async () => ((await cdp.send('Runtime.evaluate', { expression: FIXED_WORK, returnByValue: true })) as { result: { value: number } }).result.value;
    for (let i = 0; i < 10; i++) await run();
    const off: number[] = [];
    const on: number[] = [];
    for (let k = 0; k < rounds; k++) {
      for (let i = 0; i < 3; i++) off.push(await run());
      await cdp.send('Profiler.start');
      for (let i = 0; i < 3; i++) on.push(await run());
      await cdp.send('Profiler.stop');
    }
    return median(on) / median(off);
  } finally {
    await browser.close();
  }
}

/** One bare text walk, as an expression: the time in ms at the page's timer resolution. */
const BARE_WALK = `(() => {
  const t = performance.now();
  const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let n = 0;
  while (w.nextNode()) n += (w.currentNode.nodeValue ?? '').length;
  return performance.now() - t + (n < 0 ? 1 : 0);
})()`;

interface ProfileNode { id: number; callFrame: { url: string; functionName: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export interface BrowserOptions {
  /** Built extension to load (default dist/chrome); an unminified build names functions. */
  dist?: string;
  /** Only these pages (names as printed); default all. */
  only?: string[];
  /** Pages to measure instead of BROWSER_TARGETS: [name, path on the test server]. */
  targets?: [string, string][];
  /** Pages the test server builds at run time (the hostile pages). */
  serve?: (path: string) => GeneratedResponse | undefined;
  /** Told the test server's origin once it listens (a hostile page frames itself cross-origin). */
  onServer?: (origin: string) => void;
  /** Per page, the content script's time by function (self time, ms), largest first. */
  breakdown?: (page: string, rows: [string, number][]) => void;
  /**
   * Also estimate the content script's thread CPU time (a Chrome trace's top-level tasks
   * carry thread time): each sample counts dt x (task thread time / task wall time). On a
   * machine shared with other work, wall-clock samples include time the renderer waited for
   * a core; this figure mostly does not.
   */
  cpu?: boolean;
  /**
   * Also time a second run of the content script in the same page: a settings change it
   * must act on (the sensitivity, moved by 1e-9 and back on the next page: the same matches)
   * makes it extract, analyse and mark again; every extension sample in the RERUN_WAIT_MS
   * after the change counts. What the first run costs beyond it is start-up: compiling,
   * first calls, the first wrapper of every node in its world.
   */
  rerun?: boolean;
}

/** How long a re-run is given (the background's analysis included) before the profile stops. */
const RERUN_WAIT_MS = 1500;

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string } } }

/**
 * The compile of an extension script before it runs (`v8.compile` of a chrome-extension://
 * URL on a renderer main thread), less any profile time already counted inside it: no
 * sample can name the extension then (no JavaScript frame is on the stack yet), so the
 * profile alone leaves it out.
 */
function uncountedCompile(events: TraceEvent[], p: Profile & { startTime: number }, isOurs: (id: number) => boolean): number {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const compiles = events.filter(
    (e) => e.ph === 'X' && e.name === 'v8.compile' && e.dur && (e.args?.data?.url ?? '').startsWith('chrome-extension://') && mains.has(`${e.pid}:${e.tid}`),
  );
  if (!compiles.length) return 0;
  const { at, ms } = sampleTimes(p);
  let total = 0;
  for (const c of compiles) {
    let counted = 0;
    for (let i = 0; i < p.samples.length; i++) if (at[i] >= c.ts && at[i] < c.ts + c.dur! && isOurs(p.samples[i])) counted += ms[i];
    total += Math.max(0, c.dur! / 1000 - counted);
  }
  return total;
}

export const BROWSER_TARGETS: [string, string][] = [
  ['seed article in guardian-1 markup', '/seeded/guardian-1.html?seed=000'],
  ...['guardian-1', 'nytimes-4', 'wikipedia-2', 'yahoo-2'].map((n): [string, string] => [n, `/real/${n}.html`]),
];

/** Top-level tasks of renderer main threads, sorted by start: [start µs, end µs, cpu share]. */
function taskShares(events: TraceEvent[]): [number, number, number][] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`) && e.dur && e.tdur !== undefined)
    .map((e): [number, number, number] => [e.ts, e.ts + e.dur!, Math.min(1, e.tdur! / e.dur!)])
    .sort((a, b) => a[0] - b[0]);
}

function cpuShareAt(tasks: [number, number, number][], t: number): number {
  let lo = 0;
  let hi = tasks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tasks[mid][0] <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Nested tasks are rare on the main thread; look back a little for one that contains t.
  for (let k = found; k >= 0 && k > found - 8; k--) if (tasks[k][1] >= t) return tasks[k][2];
  return 1;
}

/** Each sample's time on the trace clock (µs), and the ms it stands for (until the next one). */
function sampleTimes(p: Profile & { startTime: number }): { at: number[]; ms: number[] } {
  const at: number[] = [];
  const ms: number[] = [];
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    at.push(t);
    ms.push((p.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return { at, ms };
}

function extensionCpuTime(p: Profile & { startTime: number }, tasks: [number, number, number][], isOurs: (id: number) => boolean): number {
  const { at, ms } = sampleTimes(p);
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) if (isOurs(p.samples[i])) total += ms[i] * cpuShareAt(tasks, at[i]);
  return total;
}

/** The profile's tree, and whether a node runs extension code (its own frame or a caller's). */
function ownership(p: Profile): { isOurs: (id: number) => boolean; parent: Map<number, number>; byId: Map<number, ProfileNode> } {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id);
    const v = !!n && (n.callFrame.url.startsWith('chrome-extension://') || (parent.has(id) && isOurs(parent.get(id)!)));
    ours.set(id, v);
    return v;
  };
  return { isOurs, parent, byId };
}

function extensionTime(p: Profile): { total: number; longest: number; byFunction: Map<string, number> } {
  const { isOurs, parent, byId } = ownership(p);
  // Breakdown key: the innermost extension frame, plus the native/page leaf it called, if any.
  const label = (id: number): string => {
    let leaf = byId.get(id)!;
    let n: ProfileNode | undefined = leaf;
    while (n && !n.callFrame.url.startsWith('chrome-extension://')) n = byId.get(parent.get(n.id) ?? -1);
    const own = n ? `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}` : '?';
    return leaf === n ? own : `${own} > ${leaf.callFrame.functionName || '(native)'}`;
  };
  const byFunction = new Map<string, number>();
  /** Adds `dt` to `<prefix> function:line` of each extension function on the sample's stack, once each. */
  const chargeStack = (prefix: string, sample: number, dt: number): void => {
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = byId.get(sample); n; n = byId.get(parent.get(n.id) ?? -1)) {
      if (!n.callFrame.url.startsWith('chrome-extension://')) continue;
      const f = `${prefix} ${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
      if (seen.has(f)) continue;
      seen.add(f);
      byFunction.set(f, (byFunction.get(f) ?? 0) + dt);
    }
  };
  let total = 0;
  let run = 0;
  let longest = 0;
  let runStart = 0;
  let longestSpan: [number, number] = [0, -1];
  // timeDeltas[i] is the time between sample i-1 and sample i: it is charged to sample i-1.
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (isOurs(p.samples[i])) {
      total += dt;
      if (run === 0) runStart = i;
      run += dt;
      if (run > longest) [longest, longestSpan] = [run, [runStart, i]];
      const k = label(p.samples[i]);
      byFunction.set(k, (byFunction.get(k) ?? 0) + dt);
      // Inclusive time of every extension function on the stack.
      chargeStack('incl', p.samples[i], dt);
    } else run = 0;
  }
  // What the longest run was made of (inclusive, outermost frames first), and its samples:
  // one sample that lasts many ms means the thread was off the CPU, not running.
  let widest = 0;
  for (let i = longestSpan[0]; i <= longestSpan[1]; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    widest = Math.max(widest, dt);
    chargeStack('longest', p.samples[i], dt);
  }
  byFunction.set(`longest: ${longestSpan[1] - longestSpan[0] + 1} samples, widest ${widest.toFixed(1)} ms`, 0);
  return { total, longest, byFunction };
}

/** The harness's launch, for another build directory (same flags, same loopback-only routing). */
async function launchFrom(dist: string): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-sandbox', '--disable-gpu', '--disable-quic'],
  });
  await context.route('**/*', (route) => (allowedUrl(route.request().url()) ? route.continue() : route.abort()));
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return {
    context, sw, extensionId: new URL(sw.url()).host, problems: [], blocked: [],
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function browserPart(log: (s: string) => void, opts: BrowserOptions = {}): Promise<{ pages: BrowserPage[] } | { skipped: string }> {
  if (!CHROMIUM_PATH) return { skipped: 'browser part: no Chromium found' };
  const dist = opts.dist ?? join(ROOT, 'dist/chrome');
  if (!existsSync(join(dist, 'manifest.json'))) return { skipped: `browser part: ${dist} missing (run npm run build)` };
  if (!opts.targets && !sharedPagesAvailable()) return { skipped: 'browser part: ../shared/fixtures/pages not found' };
  const server = await startTestServer(0, opts.serve);
  opts.onServer?.(server.origin);
  const s = opts.dist ? await launchFrom(dist) : await launchWithExtension();
  const pages: BrowserPage[] = [];
  // The sensitivity a re-run sets next: 0.5 + 1e-9 and 0.5 in turn (a new browser has 0.5).
  let rerunSensitivity = 0.5 + 1e-9;
  try {
    const targets = (opts.targets ?? BROWSER_TARGETS).filter(([name]) => !opts.only || opts.only.includes(name));
    for (const [name, path] of targets) {
      // How fast the machine is just now (its slow stretches last a second or more), timed
      // between two pages; Chromium's own processes still compete with it here, so it reads
      // higher than in the engine part.
      const kernel = sampleMachine(5);
      const page = await s.context.newPage();
      const cdp = await s.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
      const trace: TraceEvent[] = [];
      // (v8: the compile of the content script before it runs, which no profile sample names)
      cdp.on('Tracing.dataCollected', (d) => trace.push(...(d.value as unknown as TraceEvent[])));
      await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['v8', '__metadata', ...(opts.cpu ? ['toplevel'] : [])] } });
      await cdp.send('Profiler.start');
      const url = `${server.origin}${path}`;
      await page.goto(url, { waitUntil: 'load' });
      const state = await waitForState(s.sw, url, (st) => st.ready, 30_000);
      await page.waitForTimeout(300);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const sampled = extensionTime(profile);
      const { longest, byFunction } = sampled;
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      const timed = profile as Profile & { startTime: number };
      const { isOurs } = ownership(profile);
      const compile = uncountedCompile(trace, timed, isOurs);
      const total = sampled.total + compile;
      let cpu: number | undefined;
      if (opts.cpu) cpu = extensionCpuTime(timed, taskShares(trace), isOurs) + compile;
      // First in a world of its own (cold), then warm in the page's world (median of 5).
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const world = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'crosscheck-bench-cold-walk' })) as { executionContextId: number };
      const cold = (await cdp.send('Runtime.evaluate', { expression: BARE_WALK, contextId: world.executionContextId, returnByValue: true })) as { result: { value?: number } };
      const coldWalk = cold.result.value ?? NaN;
      // (CDP evaluations, not page.evaluate: the walk is passed as source text, which a page's
      // Content-Security-Policy does not govern there)
      const warm: number[] = [];
      for (let k = 0; k < 5; k++) {
        const r = (await cdp.send('Runtime.evaluate', { expression: BARE_WALK, returnByValue: true })) as { result: { value?: number } };
        warm.push(r.result.value ?? NaN);
      }
      const walks = median(warm);
      let rerun: number | undefined;
      if (opts.rerun) {
        await cdp.send('Profiler.start');
        const sensitivity = rerunSensitivity;
        rerunSensitivity = sensitivity === 0.5 ? 0.5 + 1e-9 : 0.5;
        // (a bench browser's settings are the defaults: only the sensitivity moves)
        const items = { [SETTINGS_KEY]: toStored({ ...defaultSettings(), sensitivity }) };
        await s.sw.evaluate(async (stored) => {
          await (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set(stored);
        }, items);
        await page.waitForTimeout(RERUN_WAIT_MS);
        const { profile: again } = (await cdp.send('Profiler.stop')) as { profile: Profile };
        rerun = extensionTime(again).total;
      }
      const row = { page: name, ...(rerun !== undefined ? { content_script_rerun_ms: rerun } : {}), ...(cpu !== undefined ? { content_script_cpu_ms: cpu } : {}), content_script_ms: total, content_script_compile_ms: compile, longest_task_ms: longest, bare_walk_ms: walks, cold_walk_ms: coldWalk, content_script_over_walk_ratio: total / Math.max(walks, 0.01), claims: state?.claims ?? -1, machine_kernel_ms: kernel };
      pages.push(row);
      log(`  ${name.padEnd(34)} content script ${total.toFixed(1)} ms (compile before it runs ${compile.toFixed(1)}), longest ${longest.toFixed(1)} ms, bare walk ${walks.toFixed(2)} ms (cold ${coldWalk.toFixed(1)}), ratio ${row.content_script_over_walk_ratio.toFixed(1)} (${row.claims} claims)${rerun !== undefined ? `, again in the same page ${rerun.toFixed(1)} ms` : ''}${cpu !== undefined ? `, cpu ~${cpu.toFixed(1)} ms` : ''}`);
      opts.breakdown?.(name, [...byFunction].sort((a, b) => b[1] - a[1]));
      await cdp.detach().catch(() => undefined);
      await page.close();
    }
  } finally {
    await s.close();
    await server.close();
  }
  return { pages };
}
