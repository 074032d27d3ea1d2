// The extension in real headless Chromium, on pages served from 127.0.0.1 only.
import { assertNoAxeViolations } from '../ui/axe-helper';
import { CARD_MAX_MATCHES } from '../../src/page/card';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateReply } from '../../src/messaging/types';
import { listSharedPages, sharedPagesAvailable } from '../fixtures/pages';
import { startTestServer, type TestServer } from '../fixtures/server';
import {
  askTab,
  CHROME_DIST,
  CHROMIUM_PATH,
  highlightsInPage,
  launchWithExtension,
  screenshotPath,
  tabAnalysis,
  tabState,
  waitForState,
  type Session,
} from './harness';
import { locateText, overlaps, readCard, waitFor } from './page-helpers';

const built = existsSync(join(CHROME_DIST, 'manifest.json'));
if (!CHROMIUM_PATH) console.warn('\n!!! SKIP: no Chromium found (/usr/bin/chromium); Chromium e2e tests skipped !!!\n');
else if (!built) console.warn('\n!!! SKIP: dist/chrome not built (run `npm run build`); Chromium e2e tests skipped !!!\n');
const shared = sharedPagesAvailable();
if (!shared) console.warn('\n!!! SKIP: ../shared/fixtures not found (real news pages); real-page cases skipped !!!\n');

const SEEDED_TEMPLATES = ['bbc-1', 'nytimes-1', 'lemonde-1'];
const hasMarks = (s: StateReply) => s.claims > 0;

describe.skipIf(!CHROMIUM_PATH || !built)('Chromium', () => {
  let server: TestServer;
  let s: Session;

  beforeAll(async () => {
    server = await startTestServer();
    s = await launchWithExtension();
  });

  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  const setSettings = (value: unknown) =>
    s.sw.evaluate(async (v) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ settings: v });
    }, value);

  it('has an extension id and a service worker that loaded the bundled index', async () => {
    expect(s.extensionId).toMatch(/^[a-p]{32}$/);
    const index = await s.sw.evaluate(() => {
      const r = globalThis.crosscheck?.getIndex();
      return r ? (r.ok ? 'ok' : r.error) : 'no hook';
    });
    expect(index).toBe('ok');
  });

  describe.skipIf(!shared).each(SEEDED_TEMPLATES)('seed article 000 inside the markup of %s', (template) => {
    it('marks corroborating and conflicting claims without changing the page text', async () => {
      const page = await s.context.newPage();
      const url = `${server.origin}/seeded/${template}.html?seed=000`;
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const before = await page.evaluate(() => ({ text: document.body.innerText, html: document.body.innerHTML }));
      const state = await waitForState(s.sw, url, hasMarks);
      expect(state, 'content script answered').not.toBeNull();
      expect(state!.enabled).toBe(true);
      expect(state!.claims).toBeGreaterThan(0);
      expect(state!.entities).toBeGreaterThan(0);
      expect(state!.matches.corroborates).toBeGreaterThanOrEqual(1);
      expect(state!.matches.conflicts).toBeGreaterThanOrEqual(1);
      // The registry is per document: the main world sees the content script's highlights.
      const marks = await highlightsInPage(page);
      expect(marks['crosscheck-corroborates']).toBeGreaterThanOrEqual(1);
      expect(marks['crosscheck-conflicts']).toBeGreaterThanOrEqual(1);
      expect(marks['crosscheck-entity']).toBeGreaterThanOrEqual(state!.entities);
      const claimMarks =
        (marks['crosscheck-corroborates'] ?? 0) + (marks['crosscheck-conflicts'] ?? 0) + (marks['crosscheck-related'] ?? 0);
      expect(claimMarks).toBe(state!.claims);
      // The state counts exactly what the analysis says is highlighted.
      const analysis = await tabAnalysis(s.sw, url);
      expect(analysis!.highlighted.length).toBe(state!.claims);
      const byStance = { corroborates: 0, conflicts: 0, related: 0 };
      for (const i of analysis!.highlighted) for (const m of analysis!.analysis.claims[i].matches) byStance[m.stance]++;
      expect(state!.matches).toEqual(byStance);
      // Never a match from the page's own article.
      for (const c of analysis!.analysis.claims) for (const m of c.matches) expect(m.doc.startsWith('000_')).toBe(false);
      const after = await page.evaluate(() => ({ text: document.body.innerText, html: document.body.innerHTML }));
      expect(after.text).toBe(before.text);
      expect(after.html).toBe(before.html);
      await page.close();
    });
  });

  describe('on a page of our own with seed article 000', () => {
    let url: string;
    let page: Awaited<ReturnType<Session['context']['newPage']>>;

    beforeAll(async () => {
      url = `${server.origin}/own/article.html?seed=000`;
      page = await s.context.newPage();
      await page.goto(url);
      await waitForState(s.sw, url, hasMarks);
    });

    afterAll(async () => page?.close());

    it('hovering a conflicting claim opens a card with the statements and reasons, beside the sentence', async () => {
      const analysis = (await tabAnalysis(s.sw, url))!;
      const idx = analysis.highlighted.find((i) => analysis.analysis.claims[i].matches.some((m) => m.stance === 'conflicts'));
      expect(idx, 'a highlighted claim with a conflicting match').toBeDefined();
      const claim = analysis.analysis.claims[idx!];
      const boxes = await locateText(page, claim.text);
      expect(boxes && boxes.length).toBeTruthy();
      const first = boxes![0];
      await page.mouse.move(first.left + 5, (first.top + first.bottom) / 2);
      const card = await waitFor(() => readCard(page), (c) => c.open);
      expect(card.open).toBe(true);
      // the card shows the closest statements and points to the side panel for the rest
      const shown = claim.matches.slice(0, CARD_MAX_MATCHES);
      expect(card.items.length).toBe(shown.length);
      expect(card.more).toBe(claim.matches.length > CARD_MAX_MATCHES ? `${claim.matches.length - CARD_MAX_MATCHES} more in the side panel` : null);
      for (const [k, m] of shown.entries()) {
        expect(card.items[k].statement).toBe(m.statement);
        expect(card.items[k].stance).toBe(m.stance);
        expect(card.items[k].badge.toLowerCase()).toContain(m.stance === 'corroborates' ? 'corroborates' : m.stance === 'conflicts' ? 'conflicts' : 'related');
        expect(card.items[k].reasons).toEqual(m.reasons);
        expect(card.items[k].source.length).toBeGreaterThan(0);
        if (m.diff?.length) expect(card.items[k].diff).not.toBeNull();
      }
      const boxesNow = (await locateText(page, claim.text))!;
      const cardNow = await readCard(page);
      for (const b of boxesNow) expect(overlaps(cardNow.box!, b), 'card covers the claim').toBe(false);
      const viewport = page.viewportSize()!;
      expect(cardNow.box!.top).toBeGreaterThanOrEqual(0);
      expect(cardNow.box!.bottom).toBeLessThanOrEqual(viewport.height);
      expect(cardNow.box!.bottom - cardNow.box!.top).toBeGreaterThan(40);
      await page.screenshot({ path: screenshotPath('chromium-card-hover.png') });
      // the card is accessible in both colour schemes (axe scans its open shadow root)
      for (const colorScheme of ['light', 'dark'] as const) await assertNoAxeViolations(page, { include: 'crosscheck-card', colorScheme });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.keyboard.press('Escape');
      expect((await waitFor(() => readCard(page), (c) => !c.open)).open).toBe(false);
      // Hover again, then a click elsewhere closes it.
      await page.mouse.move(first.left + 9, (first.top + first.bottom) / 2);
      expect((await waitFor(() => readCard(page), (c) => c.open)).open).toBe(true);
      await page.mouse.click(5, 5);
      expect((await waitFor(() => readCard(page), (c) => !c.open)).open).toBe(false);
    });

    it('Alt+J / Alt+K move between claims, Alt+Enter moves focus into the card, Escape closes', async () => {
      await page.mouse.move(1, 1);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('h1').first().click();
      await page.keyboard.press('Alt+j');
      const c1 = await waitFor(() => readCard(page), (c) => c.open);
      expect(c1.open).toBe(true);
      await page.keyboard.press('Alt+j');
      const c2 = await waitFor(() => readCard(page), (c) => c.open && c.items[0]?.statement !== c1.items[0]?.statement, 3000);
      expect(c2.items.map((i) => i.statement)).not.toEqual(c1.items.map((i) => i.statement));
      await page.keyboard.press('Alt+k');
      const c3 = await waitFor(() => readCard(page), (c) => c.items[0]?.statement === c1.items[0]?.statement, 3000);
      expect(c3.items.map((i) => i.statement)).toEqual(c1.items.map((i) => i.statement));
      // Moves are announced in a polite live region (outside the body).
      const status = await waitFor(
        () => page.evaluate(() => document.querySelector('crosscheck-status')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? ''),
        (t) => t.length > 0,
      );
      expect(status).toMatch(/^Crosscheck: \d+ \/ \d+/);
      await page.keyboard.press('Alt+Enter');
      expect((await waitFor(() => readCard(page), (c) => c.focusedInside)).focusedInside).toBe(true);
      await page.screenshot({ path: screenshotPath('chromium-card-keyboard.png') });
      await page.keyboard.press('Escape');
      expect((await waitFor(() => readCard(page), (c) => !c.open)).open).toBe(false);
    });

    it('leaves keys alone in form fields, when the page handled them, and when switched off', async () => {
      const noCardAfter = async (press: () => Promise<void>) => {
        await press();
        await new Promise((r) => setTimeout(r, 400));
        return (await readCard(page)).open;
      };
      await page.locator('#search').focus();
      expect(await noCardAfter(() => page.keyboard.press('Alt+j'))).toBe(false);
      await page.locator('#comment').focus();
      expect(await noCardAfter(() => page.keyboard.press('Alt+j'))).toBe(false);
      await page.locator('#notes').focus();
      expect(await noCardAfter(() => page.keyboard.press('Alt+j'))).toBe(false);
      // The page claims Alt+J for itself (listener registered before ours runs: capture).
      await page.evaluate(() => {
        window.addEventListener('keydown', (e) => e.code === 'KeyJ' && e.altKey && e.preventDefault(), { capture: true });
      });
      await page.locator('h1').first().click();
      expect(await noCardAfter(() => page.keyboard.press('Alt+j'))).toBe(false);
      // Alt+K is still ours; then switch page keys off in settings.
      expect(await noCardAfter(() => page.keyboard.press('Alt+k'))).toBe(true);
      await page.keyboard.press('Escape');
      await setSettings({ enabled: true, disabledSites: [], sensitivity: 0.5, pageKeys: false, markEntities: true });
      await new Promise((r) => setTimeout(r, 300));
      expect(await noCardAfter(() => page.keyboard.press('Alt+k'))).toBe(false);
      await setSettings({ enabled: true, disabledSites: [], sensitivity: 0.5, pageKeys: true, markEntities: true });
    });

    it('answers the state message, and the toggle command (run through the service worker) hides and restores marks', async () => {
      const found = await askTab<StateReply>(s.sw, url, { type: 'crosscheck:state' });
      const tabId = found!.tabId;
      const on = found!.reply;
      expect(Object.keys(on).sort()).toEqual(['claims', 'enabled', 'entities', 'matches', 'ready', 'url'].sort());
      expect(on).toMatchObject({ ready: true, url, enabled: true });
      const run = (tab: number) => s.sw.evaluate((t) => globalThis.crosscheck!.runCommand('toggle-highlights', { id: t }), tab);
      const off = (await run(tabId)) as { ok: boolean; value: StateReply };
      expect(off.ok).toBe(true);
      expect(off.value).toMatchObject({ enabled: false, claims: 0, entities: 0, matches: { corroborates: 0, conflicts: 0, related: 0 } });
      expect(Object.keys(await highlightsInPage(page)).filter((n) => n.startsWith('crosscheck-'))).toEqual([]);
      const back = (await run(tabId)) as { ok: boolean; value: StateReply };
      expect(back.value).toEqual(on);
      // The background keeps the tab's state in storage.session (survives a worker restart).
      const stored = await s.sw.evaluate(async (t) => {
        const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        return c.storage.session.get(`tab:${t}`);
      }, tabId);
      expect((stored[`tab:${tabId}`] as { url: string }).url).toBe(url);
      // focus-claim opens the card of a claim (what the side panel uses).
      const analysis = (await tabAnalysis(s.sw, url))!;
      const focus = await askTab<{ ok: boolean }>(s.sw, url, { type: 'crosscheck:focus-claim', claim: analysis.highlighted[1] });
      expect(focus!.reply.ok).toBe(true);
      expect((await waitFor(() => readCard(page), (c) => c.open)).open).toBe(true);
      await page.keyboard.press('Escape');
    });

    it('turns off for a disabled site and survives corrupted settings', async () => {
      await setSettings({ enabled: true, disabledSites: ['127.0.0.1'], sensitivity: 0.5, pageKeys: true, markEntities: true });
      const off = await waitForState(s.sw, url, (st) => !st.enabled, 5000);
      expect(off!.enabled).toBe(false);
      expect(Object.keys(await highlightsInPage(page)).filter((n) => n.startsWith('crosscheck-'))).toEqual([]);
      await setSettings('this is not a settings object');
      const on = await waitForState(s.sw, url, (st) => st.enabled && st.claims > 0, 10_000);
      expect(on!.claims).toBeGreaterThan(0);
      await setSettings({ enabled: 'yes', sensitivity: 'high', disabledSites: 42 });
      await page.reload();
      const again = await waitForState(s.sw, url, hasMarks);
      expect(again!.claims).toBeGreaterThan(0);
    });
  });

  it('re-analyses a single-page app when its article changes', async () => {
    const page = await s.context.newPage();
    const url = `${server.origin}/own/spa.html?seed=000&alt=002`;
    await page.goto(url);
    const first = await waitForState(s.sw, url, hasMarks);
    expect(first!.claims).toBeGreaterThan(0);
    const a1 = (await tabAnalysis(s.sw, url))!;
    await page.evaluate(() => (window as unknown as { navigateTo(w: string): void }).navigateTo('b'));
    const url2 = `${url}#/b`;
    // The marks now come from the second story: new claims, all found in the new text.
    const texts = (a: typeof a1) => a.highlighted.map((i) => a.analysis.claims[i].text);
    const a2 = (await waitFor(
      () => tabAnalysis(s.sw, url2),
      (a) => !!a && a.highlighted.length > 0 && JSON.stringify(texts(a)) !== JSON.stringify(texts(a1)),
      15_000,
    ))!;
    const second = await tabState(s.sw, url2);
    expect(second!.claims).toBe(a2.highlighted.length);
    expect(texts(a2)).not.toEqual(texts(a1));
    const pageText = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
    for (const t of texts(a2)) expect(pageText).toContain(t.replace(/\s+/g, ' ').slice(0, 30));
    for (const t of texts(a1)) if (!texts(a2).includes(t)) expect(pageText).not.toContain(t.replace(/\s+/g, ' '));
    await page.close();
  });

  it('does not spin on a page that mutates every frame', async () => {
    const before = await s.sw.evaluate(() => globalThis.crosscheck!.stats.analyses);
    const page = await s.context.newPage();
    const url = `${server.origin}/own/busy.html?seed=000`;
    await page.goto(url);
    expect((await waitForState(s.sw, url, hasMarks))!.claims).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 5000));
    const after = await s.sw.evaluate(() => globalThis.crosscheck!.stats.analyses);
    // One analysis for the article; the ticker's changes never change the article text.
    expect(after - before).toBeLessThanOrEqual(2);
    // The page's own frame loop is still running smoothly.
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
    await page.close();
  });

  describe.skipIf(!shared)('the 28 unrelated real pages', () => {
    it('run without errors, keep their text, and get (almost) no corroborating or conflicting marks', async () => {
      const page = await s.context.newPage();
      const report: string[] = [];
      let strong = 0;
      for (const name of listSharedPages()) {
        const url = `${server.origin}/real/${name}.html`;
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        const before = await page.evaluate(() => document.body.innerText);
        const state = await waitForState(s.sw, url, (st) => st.ready, 15_000);
        expect(state, `${name}: content script answered`).not.toBeNull();
        const analysis = await tabAnalysis(s.sw, url);
        const strongClaims = analysis
          ? analysis.highlighted.filter((i) => analysis.analysis.claims[i].matches.some((m) => m.stance !== 'related')).length
          : 0;
        strong += strongClaims;
        report.push(`${name}: ${state!.claims} claims marked, ${strongClaims} corroborate/conflict`);
        expect(strongClaims, `${name}: corroborating/conflicting claims`).toBeLessThanOrEqual(3);
        expect(await page.evaluate(() => document.body.innerText), `${name}: text unchanged`).toBe(before);
      }
      console.log(`real pages:\n  ${report.join('\n  ')}\n  total corroborate/conflict claims: ${strong}`);
      expect(strong).toBeLessThanOrEqual(10);
      expect(s.blocked.some((u) => !u.includes('127.0.0.1'))).toBe(true); // the pages did try to go out
      await page.close();
    });
  });

  it('keeps a tab\'s analysis when the service worker is stopped and restarted', async () => {
    const article = await s.context.newPage();
    const url = `${server.origin}/own/article.html?seed=000`;
    await article.goto(url);
    const state = await waitForState(s.sw, url, hasMarks);
    const tabId = (await askTab<StateReply>(s.sw, url, { type: 'crosscheck:state' }))!.tabId;
    const cdp = await s.context.newCDPSession(article);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // An extension page wakes the worker with a message; the new worker has no memory of
    // the tab: it answers the state from storage.session and the analysis (page text, never
    // stored) from the tab's content script.
    const ext = await s.context.newPage();
    await ext.goto(`chrome-extension://${s.extensionId}/src/options/index.html`);
    const answer = await ext.evaluate(async (id) => {
      const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      return c.runtime.sendMessage({ type: 'crosscheck:tab-state', tabId: id });
    }, tabId);
    expect(answer).toEqual(state);
    const analysis = (await ext.evaluate(async (id) => {
      const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      return c.runtime.sendMessage({ type: 'crosscheck:tab-analysis', tabId: id });
    }, tabId)) as { highlighted: number[] } | null;
    expect(analysis!.highlighted.length).toBe(state!.claims);
    // The restarted worker is a new Worker object: keep talking to the live one.
    s.sw = s.context.serviceWorkers().find((w) => w.url().includes(s.extensionId)) ?? (await s.context.waitForEvent('serviceworker'));
    s.sw.on('console', (m) => m.type() === 'error' && s.problems.push({ where: 'service worker (restarted)', text: m.text() }));
    // It really is a fresh worker: its counters started again.
    expect(await s.sw.evaluate(() => globalThis.crosscheck!.stats.analyses)).toBe(0);
    await ext.close();
    await article.close();
  });

  it('opens the popup and side panel pages (as tabs) without errors', async () => {
    const article = await s.context.newPage();
    const url = `${server.origin}/own/article.html?seed=000`;
    await article.goto(url);
    await waitForState(s.sw, url, hasMarks);
    const tabId = (await askTab<StateReply>(s.sw, url, { type: 'crosscheck:state' }))!.tabId;
    for (const [name, path] of [
      // Opened as tabs, the popup and panel are pinned to the article's tab with ?tabId=.
      ['popup', `src/popup/index.html?tabId=${tabId}`],
      ['sidepanel', `src/sidepanel/index.html?tabId=${tabId}`],
      ['options', 'src/options/index.html'],
    ] as const) {
      const page = await s.context.newPage();
      await page.goto(`chrome-extension://${s.extensionId}/${path}`);
      await page.waitForLoadState('load');
      await page.waitForTimeout(800);
      expect(await page.evaluate(() => document.body.innerText.trim().length)).toBeGreaterThan(0);
      // the extension's own pages, as they really load, pass axe-core in both colour schemes
      for (const colorScheme of ['dark', 'light'] as const) await assertNoAxeViolations(page, { colorScheme });
      await page.screenshot({ path: screenshotPath(`chromium-${name}.png`) });
      await page.close();
    }
    await article.close();
  });

  it('logged no console errors in any context', async () => {
    if (s.problems.length) console.log(JSON.stringify(s.problems, null, 1));
    expect(s.problems).toEqual([]);
  });
});

