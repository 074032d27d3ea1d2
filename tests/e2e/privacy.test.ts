// Privacy in real Chromium: while the extension analyses pages and its popup and side panel
// show the results, none of its contexts (service worker, extension pages, content script)
// makes a network request, and the page's text never reaches storage.local (disk).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateReply } from '../../src/messaging/types';
import { readSeed } from '../fixtures/pages';
import { startTestServer, type TestServer } from '../fixtures/server';
import { askTab, CHROME_DIST, CHROMIUM_PATH, launchWithExtension, waitForState, type Session } from './harness';

const built = existsSync(join(CHROME_DIST, 'manifest.json'));
if (!CHROMIUM_PATH) console.warn('\n!!! SKIP: no Chromium found (/usr/bin/chromium); privacy e2e tests skipped !!!\n');
else if (!built) console.warn('\n!!! SKIP: dist/chrome not built (run `npm run build`); privacy e2e tests skipped !!!\n');

const SEEDS = ['000', '002', '003'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Sentences of the seed articles long enough that finding one anywhere means page text was copied. */
function pageSentences(prefix: string): string[] {
  const seed = readSeed(prefix);
  return seed.paragraphs.flatMap((p) => p.split(/(?<=[.!?]["”’]?)\s+/)).filter((x) => x.length >= 40);
}

interface Seen {
  url: string;
  type: string;
  navigation: boolean;
  fromWorker: boolean;
  frameUrl: string | null;
}

describe.skipIf(!CHROMIUM_PATH || !built)('privacy (Chromium)', () => {
  let server: TestServer;
  let s: Session;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = await startTestServer(0, (path) => {
      const m = /^\/gen\/article-(\d{3})\.html$/.exec(path);
      if (!m) return undefined;
      const seed = readSeed(m[1]);
      const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(seed.title)}</title></head><body><article><h1>${esc(seed.title)}</h1>${seed.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></body></html>`;
      return { body, type: 'text/html; charset=utf-8' };
    });
    s = await launchWithExtension();
    s.context.on('request', (r: Request) => {
      let frameUrl: string | null = null;
      try {
        frameUrl = r.frame().url();
      } catch {
        // service worker requests have no frame
      }
      seen.push({ url: r.url(), type: r.resourceType(), navigation: r.isNavigationRequest(), fromWorker: !!r.serviceWorker(), frameUrl });
    });
  });

  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  it('makes no network request while it analyses pages and shows the results', async () => {
    const tabs: number[] = [];
    for (const seed of SEEDS) {
      for (const url of [`${server.origin}/gen/article-${seed}.html`, `${server.origin}/own/article.html?seed=${seed}`]) {
        const page = await s.context.newPage();
        await page.goto(url);
        const st = await waitForState(s.sw, url, (x) => x.claims > 0);
        expect(st?.claims, `${url} marked`).toBeGreaterThan(0);
        tabs.push((await askTab<StateReply>(s.sw, url, { type: 'crosscheck:state' }))!.tabId);
      }
    }
    // The popup, side panel and options pages, pinned to one of the analysed tabs.
    for (const path of [`src/popup/index.html?tabId=${tabs[0]}`, `src/sidepanel/index.html?tabId=${tabs[1]}`, 'src/options/index.html']) {
      const page = await s.context.newPage();
      await page.goto(`chrome-extension://${s.extensionId}/${path}`);
      await page.waitForTimeout(800);
      await page.close();
    }
    const ours = (u: string) => u.startsWith(`chrome-extension://${s.extensionId}/`);
    // What the pages themselves load: their documents and the files their markup names.
    const pageOwn = (r: Seen) =>
      !r.fromWorker &&
      ((r.navigation && r.type === 'document' && r.url.startsWith(`${server.origin}/`)) ||
        (r.frameUrl !== null && r.frameUrl.startsWith(server.origin) && ['stylesheet', 'script', 'image', 'font', 'media'].includes(r.type)));
    const leaks = seen.filter((r) => !ours(r.url) && !/^(data|about):/.test(r.url) && !pageOwn(r));
    expect(leaks).toEqual([]);
    // Nothing scripted (fetch, XHR, beacons, websockets) left any context, to any address.
    expect(seen.filter((r) => !ours(r.url) && ['fetch', 'xhr', 'websocket', 'eventsource', 'ping'].includes(r.type))).toEqual([]);
    expect(s.blocked).toEqual([]);
    expect(seen.some((r) => ours(r.url)), 'extension resources were seen (the recorder works)').toBe(true);
  });

  it('never writes page text to extension storage (local or session)', async () => {
    const sentences = SEEDS.flatMap(pageSentences);
    expect(sentences.length).toBeGreaterThan(30);
    const dump = (area: 'local' | 'session') =>
      s.sw.evaluate(async (a) => {
        const c = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<unknown> }> } }).chrome;
        return JSON.stringify(await c.storage[a].get(null));
      }, area);
    const found = (json: string) => sentences.filter((x) => json.includes(JSON.stringify(x).slice(1, -1)));
    expect(found(await dump('local'))).toEqual([]);
    // storage.session keeps a tab's URL and counts for a restarted worker, never its sentences
    const session = await dump('session');
    expect(session).toContain('"highlighted"');
    expect(found(session)).toEqual([]);
    for (const page of s.context.pages()) if (page.url().startsWith(server.origin)) await page.close();
    await new Promise((r) => setTimeout(r, 500));
    expect(found(await dump('session'))).toEqual([]);
    expect(found(await dump('local'))).toEqual([]);
  });

  it('the recorder would have caught a request from the service worker or a page script', async () => {
    const n = seen.length;
    const target = `${server.origin}/favicon.ico?probe`;
    await s.sw.evaluate(async (u) => void (await fetch(u)).status, `${target}=worker`);
    const page = await s.context.newPage();
    await page.goto(`${server.origin}/gen/article-000.html`);
    await page.evaluate(async (u) => void (await fetch(u)).status, `${target}=page`);
    await page.close();
    const probes = seen.slice(n).filter((r) => r.url.startsWith(target));
    expect(probes.find((r) => r.url.endsWith('=worker'))).toMatchObject({ fromWorker: true });
    expect(probes.find((r) => r.url.endsWith('=page'))).toMatchObject({ type: 'fetch', fromWorker: false });
  });

  it('a page cannot load the extension\'s files by URL (no fingerprinting)', async () => {
    const page = await s.context.newPage();
    await page.goto(`${server.origin}/gen/article-000.html`);
    const n = s.problems.length;
    const files = ['manifest.json', 'src/content/main.js', 'assets/icon-16.png', 'src/popup/index.html'];
    const loaded = await page.evaluate(
      async ({ id, files }) => {
        const out: string[] = [];
        for (const f of files) {
          try {
            await fetch(`chrome-extension://${id}/${f}`);
            out.push(f);
          } catch {
            // refused: not web-accessible
          }
          const img = new Image();
          const ok = await new Promise<boolean>((resolve) => {
            img.onload = () => resolve(true);
            img.onerror = () => resolve(false);
            img.src = `chrome-extension://${id}/${f}`;
          });
          if (ok) out.push(`${f} (as image)`);
        }
        return out;
      },
      { id: s.extensionId, files },
    );
    expect(loaded).toEqual([]);
    // Chromium logs each refusal on the page's console; those are this test's own doing.
    s.problems.splice(n, s.problems.length - n, ...s.problems.slice(n).filter((p) => !/chrome-extension:\/\/|web_accessible_resources/.test(p.text)));
    await page.close();
  });

  it('logged no console errors in any context', async () => {
    expect(s.problems).toEqual([]);
  });
});
