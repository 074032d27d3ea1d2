// Hostile pages, in real headless Chromium with the built extension. Every page is built
// at run time (tests/fixtures/hostile-pages.ts) and served from 127.0.0.1 (a second
// loopback port stands in for another origin). For each page: no uncaught error in the page or any extension context, the
// body's text is the same before and after, the page's own script keeps counting, and the
// content script finished (state `ready`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateReply } from '../../src/messaging/types';
import { startTestServer, type TestServer } from '../fixtures/server';
import { hostilePages, PAYLOADS, servePages } from '../fixtures/hostile-pages';
import { CHROME_DIST, CHROMIUM_PATH, launchWithExtension, tabAnalysis, tabState, waitForState, askTab, type Session } from './harness';
import { readCard, waitFor } from './page-helpers';

const built = existsSync(join(CHROME_DIST, 'manifest.json'));
if (!CHROMIUM_PATH) console.warn('\n!!! SKIP: no Chromium found (/usr/bin/chromium); hostile-page e2e tests skipped !!!\n');
else if (!built) console.warn('\n!!! SKIP: dist/chrome not built (run `npm run build`); hostile-page e2e tests skipped !!!\n');

interface CaseOpts {
  /** Wait until the tab's state says this (after `ready`). */
  done?: (s: StateReply) => boolean;
  timeoutMs?: number;
}

describe.skipIf(!CHROMIUM_PATH || !built)('hostile pages (Chromium)', () => {
  let server: TestServer;
  let other: TestServer;
  let s: Session;
  /** Uncaught exceptions and console errors/warnings from every execution context of our pages (main and isolated worlds). */
  const runtimeProblems: { where: string; text: string }[] = [];
  const serve = servePages(hostilePages(() => other.origin));

  beforeAll(async () => {
    server = await startTestServer(0, serve);
    other = await startTestServer(0, serve);
    s = await launchWithExtension();
  });

  afterAll(async () => {
    await s?.close();
    await server?.close();
    await other?.close();
  });

  /** A CDP session that reports exceptions and errors from every world of the page. */
  async function watchRuntime(page: Page, name: string): Promise<CDPSession> {
    const cdp = await s.context.newCDPSession(page);
    cdp.on('Runtime.exceptionThrown', (e) =>
      runtimeProblems.push({ where: name, text: `uncaught: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}` }),
    );
    cdp.on('Runtime.consoleAPICalled', (e) => {
      const text = e.args.map((a) => a.value ?? a.description ?? '').join(' ');
      if (e.type === 'error' || (e.type === 'warning' && /crosscheck/i.test(text))) runtimeProblems.push({ where: name, text });
    });
    await cdp.send('Runtime.enable');
    return cdp;
  }

  const bodyText = (page: Page) => page.evaluate(() => (document.body ? document.body.innerText : document.documentElement?.textContent ?? ''));
  const count = async (page: Page) => Number((await page.getAttribute('html', 'data-count')) ?? '0');

  /** Loads `path`, checks the four promises, and hands the page on for more checks. */
  async function visit(path: string, opts: CaseOpts = {}): Promise<{ page: Page; url: string; state: StateReply | null; cdp: CDPSession }> {
    const page = await s.context.newPage();
    const url = `${server.origin}${path}`;
    const cdp = await watchRuntime(page, path);
    const before0 = runtimeProblems.length;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const before = await bodyText(page);
    const c0 = await count(page);
    const state = await waitForState(s.sw, url, opts.done ?? (() => true), opts.timeoutMs ?? 20_000);
    expect(state, `${path}: content script answered`).not.toBeNull();
    expect(state!.ready, `${path}: analysis finished`).toBe(true);
    await page.waitForTimeout(300);
    expect(await bodyText(page), `${path}: body text unchanged`).toBe(before);
    const c1 = await count(page);
    await page.waitForTimeout(300);
    expect(c1, `${path}: the page's script counts`).toBeGreaterThan(c0);
    expect(await count(page), `${path}: and keeps counting`).toBeGreaterThan(c1);
    expect(runtimeProblems.slice(before0), `${path}: no errors`).toEqual([]);
    return { page, url, state, cdp };
  }

  const marked = (st: StateReply) => st.claims > 0;

  /** Text of every highlighted range, by highlight name, seen from the main world. */
  const highlightTexts = (page: Page) =>
    page.evaluate(() => {
      const out: Record<string, string[]> = {};
      const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      if (reg) for (const [name, h] of reg) out[name] = [...h].map((r) => r.toString());
      return out;
    });

  it('200,000 DOM nodes', async () => {
    const t0 = Date.now();
    const { page, state } = await visit('/gen/big-nodes.html', { done: marked, timeoutMs: 60_000 });
    const nodes = await page.evaluate(() => {
      let n = 0;
      const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      while (w.nextNode()) n++;
      return n;
    });
    expect(nodes).toBeGreaterThan(200_000);
    expect(state!.claims).toBeGreaterThan(0);
    console.log(`200k nodes: marked ${state!.claims} claims in ${Date.now() - t0} ms`);
    await page.close();
  });

  it('nesting 5,000 levels deep', async () => {
    const { page, state } = await visit('/gen/deep.html', { done: marked });
    expect(await page.evaluate(() => { let d = 0; for (let n: Element | null = document.querySelector('article'); n; n = n.parentElement) d++; return d; })).toBeGreaterThan(5000);
    expect(state!.claims).toBeGreaterThan(0);
    await page.close();
  });

  it('one 1 MB text node', async () => {
    const { page, state } = await visit('/gen/mega-text.html', { done: marked, timeoutMs: 60_000 });
    expect(await page.evaluate(() => (document.getElementById('log')!.firstChild as Text).data.length)).toBeGreaterThanOrEqual(1_000_000);
    expect(state!.claims).toBeGreaterThan(0);
    await page.close();
  });

  it('same-origin and cross-origin iframes: the top page is marked, frames are left alone', async () => {
    const { page, state } = await visit('/gen/frames.html', { done: marked });
    expect(state!.claims).toBeGreaterThan(0);
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    expect(frames.length).toBe(2);
    for (const f of frames) {
      // Each frame's own script runs; the content script (top frame only) marks nothing there.
      const a = Number((await f.getAttribute('html', 'data-count')) ?? '0');
      await page.waitForTimeout(200);
      expect(Number((await f.getAttribute('html', 'data-count')) ?? '0')).toBeGreaterThan(a);
      const names = await f.evaluate(() => [...((CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.keys() ?? [])]);
      expect(names.filter((n) => n.startsWith('crosscheck-'))).toEqual([]);
    }
    await page.close();
  });

  it('open shadow roots and SVG <text>: no error, no change', async () => {
    const { page, state } = await visit('/gen/shadow-svg.html', { done: marked });
    expect(state!.claims).toBeGreaterThan(0);
    const inShadow = await page.evaluate(() => document.getElementById('host')!.shadowRoot!.textContent!.length);
    expect(inShadow).toBeGreaterThan(100);
    await page.close();
  });

  it('contenteditable regions, inputs and textareas are never marked', async () => {
    const { page, state } = await visit('/gen/forms.html', { done: marked });
    expect(state!.claims).toBeGreaterThan(0);
    const inside = await page.evaluate(() => {
      const bad: string[] = [];
      const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      if (reg)
        for (const [name, h] of reg)
          for (const r of h)
            for (const n of [r.startContainer, r.endContainer]) {
              const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
              if (el?.closest('[contenteditable], textarea, input')) bad.push(`${name}: ${r.toString().slice(0, 40)}`);
            }
      return bad;
    });
    expect(inside).toEqual([]);
    // Typing into the fields still works and is not undone.
    await page.locator('#ta').fill('typed by the reader');
    await page.locator('#editable').click();
    await page.keyboard.type(' more');
    expect(await page.locator('#ta').inputValue()).toBe('typed by the reader');
    await page.close();
  });

  it('RTL, CJK, emoji with ZWJ, combining marks, entities, &nbsp; runs, a soft hyphen inside a name', async () => {
    const { page, url, state } = await visit('/gen/unicode.html', { done: marked });
    expect(state!.claims).toBeGreaterThan(0);
    const analysis = (await tabAnalysis(s.sw, url))!;
    // "Zelen&shy;skiy" is still recognised, and its highlight covers the whole name.
    const zel = analysis.analysis.entities.find((e) => /Zelensk/.test(e.name));
    expect(zel, 'Zelensky recognised').toBeDefined();
    const texts = await highlightTexts(page);
    const names = texts['crosscheck-entity'] ?? [];
    expect(names.some((t) => t.endsWith('Zelen\u00ADskiy')), 'soft hyphen inside the name').toBe(true);
    // So are the name with a zero-width joiner inside and with a combining accent.
    expect(names).toContain('Zelen\u200Dsky');
    expect(names).toContain('Zel\u00E9nsky');
    expect(names).toContain('Zele\u0301nsky');
    // Every offset slices its own text (the page's characters come through untouched).
    const text = analysis.analysis.claims.map((c) => c.text);
    expect(text.every((t) => t.length > 0)).toBe(true);
    await page.close();
  });

  it('a page that re-renders its article every animation frame settles and does not spin', async () => {
    const { page } = await visit('/gen/re-render.html', { done: marked });
    const before = await s.sw.evaluate(() => globalThis.crosscheck!.stats.analyses);
    await page.waitForTimeout(4000);
    const after = await s.sw.evaluate(() => globalThis.crosscheck!.stats.analyses);
    // Same text in new nodes needs no new analysis (re-marking only).
    expect(after - before).toBeLessThanOrEqual(1);
    const fps = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let frames = 0;
          const t0 = performance.now();
          const f = () => (performance.now() - t0 < 1000 ? (frames++, requestAnimationFrame(f)) : resolve(frames));
          requestAnimationFrame(f);
        }),
    );
    expect(fps).toBeGreaterThan(20);
    const st = await tabState(s.sw, page.url());
    expect(st!.ready).toBe(true);
    await page.close();
  });

  it('a page that overwrites Array.prototype.map, JSON.parse, appendChild, MutationObserver: the isolated world keeps working', async () => {
    const { page, url, state } = await visit('/gen/saboteur.html', { done: marked });
    expect(state!.claims).toBeGreaterThan(0);
    const analysis = (await tabAnalysis(s.sw, url))!;
    const focus = await askTab<{ ok: boolean }>(s.sw, url, { type: 'crosscheck:focus-claim', claim: analysis.highlighted[0] });
    expect(focus!.reply.ok).toBe(true);
    const open = await waitFor(
      () => page.evaluate(() => !!document.querySelector('crosscheck-card')?.shadowRoot?.querySelector('li.match')),
      (v) => v,
    );
    expect(open).toBe(true);
    await page.close();
  });

  it('a strict Content-Security-Policy page: highlights and a styled card still render', async () => {
    const { page, url, state } = await visit('/gen/csp.html', { done: marked });
    expect(state!.claims).toBeGreaterThan(0);
    const names = Object.keys(await highlightTexts(page));
    expect(names).toContain('crosscheck-entity');
    const analysis = (await tabAnalysis(s.sw, url))!;
    await askTab(s.sw, url, { type: 'crosscheck:focus-claim', claim: analysis.highlighted[0] });
    const card = await waitFor(() => readCard(page), (c) => c.open);
    expect(card.items.length).toBeGreaterThan(0);
    // The card's own styles applied (an unstyled <div> has no border and static position).
    const look = await page.evaluate(() => {
      const host = document.querySelector('crosscheck-card') as HTMLElement;
      const c = host.shadowRoot!.querySelector('.card') as HTMLElement;
      return { border: getComputedStyle(c).borderTopWidth, position: getComputedStyle(host).position };
    });
    expect(look).toEqual({ border: '1px', position: 'fixed' });
    // Highlight styles applied (the manifest's content-script CSS, which the page's CSP does not govern).
    const entityBackground = await page.evaluate(() => getComputedStyle(document.body, '::highlight(crosscheck-entity)').backgroundColor);
    expect(entityBackground).toBe('rgba(255, 200, 0, 0.22)');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('page CSS aimed at the card (display:none !important, all: unset) does not hide or restyle it', async () => {
    const { page, url } = await visit('/gen/hostile-css.html', { done: marked });
    const analysis = (await tabAnalysis(s.sw, url))!;
    await askTab(s.sw, url, { type: 'crosscheck:focus-claim', claim: analysis.highlighted[0] });
    const card = await waitFor(() => readCard(page), (c) => c.open);
    expect(card.items.length).toBeGreaterThan(0);
    expect(card.box!.bottom - card.box!.top).toBeGreaterThan(40);
    const look = await page.evaluate(() => {
      const host = document.querySelector('crosscheck-card') as HTMLElement;
      const c = host.shadowRoot!.querySelector('.card') as HTMLElement;
      return { display: getComputedStyle(host).display, opacity: getComputedStyle(host).opacity, border: getComputedStyle(c).borderTopWidth, font: getComputedStyle(c).fontSize };
    });
    expect(look).toEqual({ display: 'block', opacity: '1', border: '1px', font: '14px' });
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('an article served as XHTML is marked like any page', async () => {
    const { page, state } = await visit('/gen/article.xhtml', { done: marked });
    expect(state!.claims).toBeGreaterThan(0);
    await page.close();
  });

  it('about:blank: no content script, nothing throws', async () => {
    const page = await s.context.newPage();
    await watchRuntime(page, 'about:blank');
    const n0 = runtimeProblems.length;
    await page.goto('about:blank');
    await page.waitForTimeout(800);
    expect(await tabState(s.sw, 'about:blank')).toBeNull();
    expect(runtimeProblems.slice(n0)).toEqual([]);
    await page.close();
  });

  for (const [name, path] of [
    ['a text/plain document', '/gen/plain.txt'],
    ['an XML document', '/gen/doc.xml'],
    ['a PDF-viewer-like page with no article', '/gen/pdf-like.html'],
  ] as const) {
    it(`${name}: nothing marked, nothing throws`, async () => {
      const page = await s.context.newPage();
      const url = `${server.origin}${path}`;
      await watchRuntime(page, path);
      const n0 = runtimeProblems.length;
      await page.goto(url);
      const before = await bodyText(page);
      const state = await waitForState(s.sw, url, () => true, 10_000);
      expect(state, 'content script answered').not.toBeNull();
      expect(state).toMatchObject({ ready: true, claims: 0, entities: 0 });
      expect(await bodyText(page)).toBe(before);
      expect(runtimeProblems.slice(n0)).toEqual([]);
      await page.close();
    });
  }

  it('markup and script payloads in the page text render as text in the card', async () => {
    const { page, url, state } = await visit('/gen/payload.html', { done: marked });
    expect(state!.claims).toBeGreaterThan(0);
    const analysis = (await tabAnalysis(s.sw, url))!;
    const claimText = analysis.analysis.claims.map((c) => c.text).join('\n');
    expect(PAYLOADS.some((p) => claimText.includes(p)), 'payloads reached the analysed text').toBe(true);
    for (const claim of analysis.highlighted) {
      await askTab(s.sw, url, { type: 'crosscheck:focus-claim', claim });
      await waitFor(() => readCard(page), (c) => c.open);
      const dom = await page.evaluate(() => {
        const root = document.querySelector('crosscheck-card')!.shadowRoot!;
        return {
          dangerous: root.querySelectorAll('img, script, svg, iframe, a[href^="javascript"], [onerror], [onload]').length,
          text: root.textContent ?? '',
        };
      });
      expect(dom.dangerous).toBe(0);
      await page.keyboard.press('Escape');
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    expect(await page.evaluate(() => document.querySelectorAll('img, svg').length)).toBe(0);
    // The popup and side panel list the page's claims: the payloads show as text there too.
    const tabId = (await askTab<StateReply>(s.sw, url, { type: 'crosscheck:state' }))!.tabId;
    for (const view of ['popup', 'sidepanel']) {
      const ext = await s.context.newPage();
      await watchRuntime(ext, view);
      await ext.goto(`chrome-extension://${s.extensionId}/src/${view}/index.html?tabId=${tabId}`);
      await ext.waitForTimeout(800);
      const seen = await ext.evaluate(() => ({
        injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript"], script:not([src])').length,
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        text: document.body.textContent ?? '',
      }));
      expect(seen.injected, `${view}: no element from a payload`).toBe(0);
      expect(seen.pwned).toBeNull();
      expect(PAYLOADS.some((p) => seen.text.includes(p)), `${view} shows a payload literally`).toBe(true);
      await ext.close();
    }
    await page.close();
  });

  it('logged no errors in any context', async () => {
    const all = [...runtimeProblems, ...s.problems];
    if (all.length) console.log(JSON.stringify(all, null, 1));
    expect(all).toEqual([]);
  });
});
