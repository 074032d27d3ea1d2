// Browser part of the benchmark: real Chromium with dist/chrome, pages served from loopback
// by the e2e harness. The content script's main-thread time comes from the V8 CPU profiler
// of the page (CDP Profiler; content scripts share the page's isolate): every sample whose
// stack holds a chrome-extension:// frame counts, including DOM calls it makes. The longest
// task is the longest unbroken run of such samples. The floor is a bare TreeWalker pass
// reading all text of the same page (median of 5, in the page).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, launchWithExtension, waitForState } from '../tests/e2e/harness';
import { startTestServer } from '../tests/fixtures/server';
import { sharedPagesAvailable } from '../tests/fixtures/pages';
import { ROOT } from './corpus';

export interface BrowserPage { page: string; content_script_ms: number; longest_task_ms: number; bare_walk_ms: number; content_script_over_walk_ratio: number; claims: number }

interface ProfileNode { id: number; callFrame: { url: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function extensionTime(p: Profile): { total: number; longest: number } {
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
  let total = 0;
  let run = 0;
  let longest = 0;
  // timeDeltas[i] is the time between sample i-1 and sample i: it is charged to sample i-1.
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (isOurs(p.samples[i])) {
      total += dt;
      run += dt;
      longest = Math.max(longest, run);
    } else run = 0;
  }
  return { total, longest };
}

export async function browserPart(log: (s: string) => void): Promise<{ pages: BrowserPage[] } | { skipped: string }> {
  if (!CHROMIUM_PATH) return { skipped: 'browser part: no Chromium found' };
  if (!existsSync(join(ROOT, 'dist/chrome/manifest.json'))) return { skipped: 'browser part: dist/chrome missing (run npm run build)' };
  if (!sharedPagesAvailable()) return { skipped: 'browser part: ../shared/fixtures/pages not found' };
  const server = await startTestServer();
  const s = await launchWithExtension();
  const pages: BrowserPage[] = [];
  try {
    const targets: [string, string][] = [
      ['seed article in guardian-1 markup', '/seeded/guardian-1.html?seed=000'],
      ...['guardian-1', 'nytimes-4', 'wikipedia-2', 'yahoo-2'].map((n): [string, string] => [n, `/real/${n}.html`]),
    ];
    for (const [name, path] of targets) {
      const page = await s.context.newPage();
      const cdp = await s.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      const url = `${server.origin}${path}`;
      await page.goto(url, { waitUntil: 'load' });
      const state = await waitForState(s.sw, url, (st) => st.ready, 30_000);
      await page.waitForTimeout(300);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const { total, longest } = extensionTime(profile);
      const walks = await page.evaluate(() => {
        const out: number[] = [];
        for (let k = 0; k < 5; k++) {
          const t = performance.now();
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let n = 0;
          while (w.nextNode()) n += (w.currentNode.nodeValue ?? '').length;
          out.push(performance.now() - t + (n < 0 ? 1 : 0));
        }
        return out.sort((a, b) => a - b)[2];
      });
      const row = { page: name, content_script_ms: total, longest_task_ms: longest, bare_walk_ms: walks, content_script_over_walk_ratio: total / Math.max(walks, 0.01), claims: state?.claims ?? -1 };
      pages.push(row);
      log(`  ${name.padEnd(34)} content script ${total.toFixed(1)} ms, longest ${longest.toFixed(1)} ms, bare walk ${walks.toFixed(2)} ms, ratio ${row.content_script_over_walk_ratio.toFixed(1)} (${row.claims} claims)`);
      await cdp.detach().catch(() => undefined);
      await page.close();
    }
  } finally {
    await s.close();
    await server.close();
  }
  return { pages };
}
