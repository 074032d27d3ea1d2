// "Bring your own corpus" in real Chromium: the options page imports files, builds the merged
// index in its worker, stores it in IndexedDB, and every tab is then analysed against it;
// bad input is reported and skipped, a broken index file or a cancel leaves the index in use,
// and the imported index survives a browser restart (same profile).
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexStatus, PageAnalysis, StateReply } from '../../src/messaging/types';
import { validateIndex } from '../../src/core/index/schema';
import { listSharedPages, OWN_FIXTURES_DIR, SHARED_PAGES_DIR, sharedPagesAvailable } from '../fixtures/pages';
import { startTestServer, type TestServer } from '../fixtures/server';
import { askTab, CHROME_DIST, CHROMIUM_PATH, launchWithExtension, tabAnalysis, waitForState, type Session } from './harness';

const built = existsSync(join(CHROME_DIST, 'manifest.json'));
if (!CHROMIUM_PATH) console.warn('\n!!! SKIP: no Chromium found (/usr/bin/chromium); import e2e tests skipped !!!\n');
else if (!built) console.warn('\n!!! SKIP: dist/chrome not built (run `npm run build`); import e2e tests skipped !!!\n');
const shared = sharedPagesAvailable();
if (!shared) console.warn('\n!!! SKIP: ../shared/fixtures not found: the import e2e test imports only our own article, not the 28 real pages !!!\n');

const OUTLET = 'Harbour Gazette';
const OUR_ARTICLE = join(OWN_FIXTURES_DIR, 'corpus/harbour-gazette.json');
const hasMarks = (s: StateReply) => s.claims > 0;

describe.skipIf(!CHROMIUM_PATH || !built)('importing your own articles (Chromium)', () => {
  let s: Session;
  let server: TestServer;
  let profile: string;
  let scratch: string;
  let importedDocs = 0;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'crosscheck-import-profile-'));
    scratch = mkdtempSync(join(tmpdir(), 'crosscheck-import-files-'));
    s = await launchWithExtension({ userDataDir: profile });
    server = await startTestServer();
  });

  afterAll(async () => {
    await s?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  const optionsUrl = () => `chrome-extension://${s.extensionId}/src/options/index.html`;

  async function openOptions(): Promise<Page> {
    const page = await s.context.newPage();
    await page.goto(optionsUrl());
    await page.getByRole('heading', { name: 'Your articles' }).waitFor();
    await page.getByTestId('index-status').waitFor();
    await page.locator('[data-testid=corpus-sources], [data-testid=corpus-sources-empty]').waitFor();
    return page;
  }

  const lastSeq = (page: Page) =>
    page.evaluate(() => Number(document.querySelector('[data-testid=corpus-message]')?.getAttribute('data-seq') ?? 0));

  /** Does `action`, waits until no import runs and a new message says how it ended; returns that line. */
  async function act(page: Page, action: () => Promise<unknown>, timeout = 110_000): Promise<string> {
    const after = await lastSeq(page);
    await action();
    await page.waitForFunction(
      (n) => {
        const m = document.querySelector('[data-testid=corpus-message]');
        return !document.querySelector('#corpus-progress') && m !== null && Number(m.getAttribute('data-seq')) > n;
      },
      after,
      { timeout },
    );
    return page.getByTestId('corpus-message').innerText();
  }

  const problems = (page: Page) => page.getByTestId('import-problems').locator('li').allInnerTexts().catch(() => [] as string[]);
  const sources = (page: Page) => page.getByTestId('corpus-sources').locator('li').allInnerTexts().catch(() => [] as string[]);
  /** What the options page sends after a change: the background reloads the stored index. */
  const tellBackground = (page: Page) =>
    page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'crosscheck:index-changed' }),
    ) as Promise<IndexStatus>;
  const status = () => s.sw.evaluate(async () => (await globalThis.crosscheck!.ensureIndex(), globalThis.crosscheck!.indexStatus())) as Promise<IndexStatus>;

  async function outletsOnSeedPage(): Promise<{ outlets: Set<string>; claim: string | null }> {
    const page = await s.context.newPage();
    const url = `${server.origin}/own/article.html?seed=000&t=${Date.now()}`;
    await page.goto(url);
    await waitForState(s.sw, url, hasMarks, 60_000);
    const analysis = (await tabAnalysis(s.sw, url)) as PageAnalysis | null;
    await page.close();
    const outlets = new Set<string>();
    let claim: string | null = null;
    for (const c of analysis?.analysis.claims ?? [])
      for (const m of c.matches) {
        if (m.outlet) outlets.add(m.outlet);
        if (m.outlet === OUTLET && /United States would help Europe/.test(c.text)) claim = c.text;
      }
    return { outlets, claim };
  }

  it('imports the real pages and our own article; a seed page then shows a claim matched against it, with its outlet', async () => {
    const before = await status();
    expect(before.source).toBe('bundled');
    const page = await openOptions();
    // a folder of articles, picked with the folder picker: the real pages and our own article
    const folder = join(scratch, 'my-desk');
    mkdirSync(folder);
    const files = [...listSharedPages().map((n) => join(SHARED_PAGES_DIR, `${n}.html`)), OUR_ARTICLE];
    for (const f of files) copyFileSync(f, join(folder, basename(f)));
    const started = Date.now();
    let sawProgress = false;
    const line = await act(page, async () => {
      await page.setInputFiles('#corpus-folder', folder);
      sawProgress = await page.getByRole('progressbar').waitFor({ timeout: 10_000 }).then(() => true, () => false);
    });
    expect(sawProgress).toBe(true);
    console.log(`import of ${files.length} files: ${Date.now() - started} ms (${line})`);
    expect(line).toMatch(/^Imported \d+ articles from my-desk;/);
    const listed = await sources(page);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatch(/^my-desk\b/);
    const count = Number(/(\d+) articles/.exec(listed[0])?.[1]);
    expect(count).toBeGreaterThanOrEqual(shared ? 20 : 1);
    // every page without article text, if any, is named with its file
    for (const p of await problems(page)) expect(p).toMatch(/^[^:]+\.html: /);
    const after = await status();
    expect(after.source).toBe('merged');
    expect(after.documents).toBe(before.documents + count);
    importedDocs = after.documents;
    await page.close();

    const { outlets, claim } = await outletsOnSeedPage();
    expect(outlets.has(OUTLET)).toBe(true);
    expect(claim).not.toBeNull();

    // the side panel (opened as a tab for the article's tab) shows the outlet too
    const article = await s.context.newPage();
    const url = `${server.origin}/own/article.html?seed=000&panel=1`;
    await article.goto(url);
    await waitForState(s.sw, url, hasMarks, 60_000);
    const tabId = (await askTab<StateReply>(s.sw, url, { type: 'crosscheck:state' }))!.tabId;
    const panel = await s.context.newPage();
    await panel.goto(`chrome-extension://${s.extensionId}/src/sidepanel/index.html?tabId=${tabId}`);
    await panel.getByText(OUTLET).first().waitFor({ timeout: 20_000 });
    await panel.close();
    await article.close();
  });

  it('reports each bad input with file and line, skips it, and imports the rest', async () => {
    const before = await status();
    const bad = join(scratch, 'latin1.txt');
    writeFileSync(bad, Buffer.from([0x53, 0x61, 0x6f, 0x20, 0x50, 0x61, 0x75, 0x6c, 0x6f, 0xe9, 0x0a]));
    const jsonl = join(scratch, 'desk.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({ outlet: 'Quay Herald', title: 'Ports reopen', text: 'The harbour authority said on Tuesday that all three ports would reopen to cargo ships next week after repairs.' }),
        '{"outlet": "Quay Herald", "text": "unterminated',
      ].join('\n'),
    );
    const csv = join(scratch, 'desk.csv');
    writeFileSync(
      csv,
      'url,outlet,title,date,text\n' +
        'https://quay.example/a,Quay Herald,Bridge repairs,2025-08-19,"The city council voted on Wednesday to spend four million pounds repairing the old swing bridge."\n' +
        'https://quay.example/b,Quay Herald,Empty,2025-08-19,\n',
    );
    const dup = join(scratch, 'again.json');
    writeFileSync(dup, readFileSync(OUR_ARTICLE));
    const page = await openOptions();
    const line = await act(page, () => page.setInputFiles('#corpus-files', [bad, jsonl, csv, dup]));
    expect(line).toMatch(/^Imported 2 articles from latin1\.txt and 3 more;/);
    const listed = await problems(page);
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^latin1\.txt: not UTF-8/),
        expect.stringMatching(/^desk\.jsonl:2: not valid JSON/),
        expect.stringMatching(/^desk\.csv:3: .*no "text"/),
        expect.stringMatching(/^again\.json: .*(already in the index|duplicate)/),
      ]),
    );
    expect(listed).toHaveLength(4);
    expect(await sources(page)).toHaveLength(2);
    // nothing already indexed is lost
    expect((await status()).documents).toBe(before.documents + 2);
    await page.close();
  });

  it('rejects a broken or wrong-version index file in one line and keeps the index in use', async () => {
    const before = await status();
    const page = await openOptions();
    const broken = Buffer.from('{"format": "crosscheck-index", "vers');
    expect(await act(page, () => page.setInputFiles('#corpus-index-file', { name: 'broken.json', mimeType: 'application/json', buffer: broken }))).toMatch(/^Not imported: broken\.json: not a Crosscheck index: not valid JSON.*The index in use has not changed\.$/);
    const future = { format: 'crosscheck-index', version: 99, builtFrom: 'x', documents: [], entities: [], statements: [] };
    const futureFile = { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(future)) };
    expect(await act(page, () => page.setInputFiles('#corpus-index-file', futureFile))).toMatch(/^Not imported: future\.json: index version 99 is not supported/);
    expect(await status()).toEqual(before);
    expect(await sources(page)).toHaveLength(2);
    await page.close();
  });

  it('exports the whole index as one file that imports on a fresh profile', async () => {
    const page = await openOptions();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the index' }).click();
    const file = join(scratch, 'exported.json');
    await (await download).saveAs(file);
    await page.close();
    const exported = validateIndex(JSON.parse(readFileSync(file, 'utf8')));
    const now = await status();
    expect(exported.documents).toHaveLength(now.documents);
    expect(exported.documents.some((d) => d.outlet === OUTLET)).toBe(true);

    // "another machine": a fresh profile imports the file and analyses with it
    const other = await launchWithExtension();
    try {
      const p = await other.context.newPage();
      await p.goto(`chrome-extension://${other.extensionId}/src/options/index.html`);
      await p.getByTestId('index-status').waitFor();
      expect(await act(p, () => p.setInputFiles('#corpus-index-file', file))).toMatch(/^Imported \d+ articles from exported\.json/);
      const theirs = (await other.sw.evaluate(async () => (await globalThis.crosscheck!.ensureIndex(), globalThis.crosscheck!.indexStatus()))) as IndexStatus;
      expect(theirs.documents).toBe(now.documents);
      expect(theirs.statements).toBe(now.statements);
    } finally {
      await other.close();
    }
  });

  it('a cancelled import leaves the index in use and lists no new source', async () => {
    const before = await status();
    // enough new text that the build takes a while: sentences of the seed pages reshuffled per article
    const sentences = readFileSync(OUR_ARTICLE, 'utf8').match(/[A-Z][^.]{20,}\./g) ?? [];
    const lines = Array.from({ length: 400 }, (_, i) =>
      JSON.stringify({ outlet: 'Bulk Wire', text: `Bulletin ${i}. ${sentences.map((x, j) => sentences[(i + j) % sentences.length]).join(' ')} Item ${i} ends here.` }),
    );
    const bulk = join(scratch, 'bulk.jsonl');
    writeFileSync(bulk, lines.join('\n'));
    const page = await openOptions();
    const line = await act(page, async () => {
      await page.setInputFiles('#corpus-files', bulk);
      await page.getByText('Building the index…').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Cancel' }).click();
    });
    expect(line).toBe('Cancelled; the index in use has not changed.');
    expect(await sources(page)).toHaveLength(2);
    expect(await status()).toEqual(before);
    await page.close();
  });

  it('a build that crashes in the worker leaves the index in use and lists no new source', async () => {
    const before = await status();
    const page = await openOptions();
    const listed = await sources(page);
    const result = await page.evaluate(async () => {
      const hook = (globalThis as unknown as { crosscheckOptions: { startBuild(job: unknown, onPhase: () => void): { result: Promise<unknown> } } }).crosscheckOptions;
      const source = { id: 'src-crash', name: 'crash', enabled: true, addedAt: new Date().toISOString(), kind: 'files' };
      return hook.startBuild({ type: 'add', source, articles: [{ text: 'A sentence long enough to index.', file: 'x.txt', line: null }, null] }, () => undefined).result;
    });
    expect(result).toMatchObject({ ok: false, error: expect.any(String) });
    await page.reload();
    await page.locator('[data-testid=corpus-sources], [data-testid=corpus-sources-empty]').waitFor();
    expect(await sources(page)).toEqual(listed);
    expect(await status()).toEqual(before);
    await page.close();
  });

  it('switching a source off, back on, and removing it rebuilds the index each time', async () => {
    const page = await openOptions();
    const before = await status();
    const desk = page.getByRole('checkbox', { name: 'Use latin1.txt and 3 more' });
    expect(await act(page, () => desk.uncheck())).toMatch(/^Index rebuilt/);
    expect((await status()).documents).toBe(before.documents - 2);
    await act(page, () => desk.check());
    expect((await status()).documents).toBe(before.documents);
    await act(page, () => page.getByRole('button', { name: 'Remove latin1.txt and 3 more' }).click());
    expect(await sources(page)).toHaveLength(1);
    expect((await status()).documents).toBe(importedDocs);
    await page.close();
  });

  it('keeps the imported index across a browser restart (same profile)', async () => {
    const before = await status();
    await s.close();
    s = await launchWithExtension({ userDataDir: profile });
    const after = await status();
    expect(after).toEqual({ ...before, notice: null });
    expect(after.source).toBe('merged');
    expect((await outletsOnSeedPage()).outlets.has(OUTLET)).toBe(true);
  });

  it('keeps using the imported index after the service worker is stopped (MV3 idle stop)', async () => {
    const before = await status();
    const page = await openOptions();
    const cdp = await s.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // a message wakes a new worker, which reads the index from IndexedDB again
    const woken = (await page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'crosscheck:index-status' }),
    )) as IndexStatus;
    expect(woken).toEqual({ ...before, notice: null });
    s.sw = s.context.serviceWorkers().find((w) => w.url().includes(s.extensionId)) ?? (await s.context.waitForEvent('serviceworker'));
    s.sw.on('console', (m) => m.type() === 'error' && s.problems.push({ where: 'service worker (restarted)', text: m.text() }));
    expect((await outletsOnSeedPage()).outlets.has(OUTLET)).toBe(true);
    await page.close();
  });

  it('keeps the imported index through an extension update (same path, higher version, same profile)', async () => {
    // an unpacked copy of the build, so its manifest can be given a new version
    const ext = join(scratch, 'extension');
    cpSync(CHROME_DIST, ext, { recursive: true });
    const updateProfile = join(scratch, 'update-profile');
    mkdirSync(updateProfile);
    const first = await launchWithExtension({ userDataDir: updateProfile, extensionDir: ext });
    try {
      const page = await first.context.newPage();
      await page.goto(`chrome-extension://${first.extensionId}/src/options/index.html`);
      await page.getByTestId('index-status').waitFor();
      await page.setInputFiles('#corpus-files', OUR_ARTICLE);
      await page.getByText(/^Imported 1 article from harbour-gazette\.json;/).waitFor({ timeout: 110_000 });
    } finally {
      await first.close();
    }
    const manifestPath = join(ext, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
    const updated = await launchWithExtension({ userDataDir: updateProfile, extensionDir: ext });
    try {
      const seen = (await updated.sw.evaluate(async () => {
        await globalThis.crosscheck!.ensureIndex();
        const c = (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome;
        return { version: c.runtime.getManifest().version, status: globalThis.crosscheck!.indexStatus() };
      })) as { version: string; status: IndexStatus };
      expect(seen.version).toBe(`${manifest.version}.1`);
      expect(seen.status).toMatchObject({ source: 'merged', notice: null });
      expect(seen.status.documents).toBe(5);
    } finally {
      await updated.close();
    }
  });

  it('a broken stored index falls back to the bundled one with a notice; an older one is rebuilt', async () => {
    const good = await status();
    const page = await openOptions();
    const putRecord = (rec: object) =>
      page.evaluate(
        (r) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('crosscheck-corpus');
            open.onsuccess = () => {
              const tx = open.result.transaction('index', 'readwrite');
              tx.objectStore('index').put(r);
              tx.oncomplete = () => (open.result.close(), resolve());
              tx.onerror = () => reject(tx.error);
            };
          }),
        rec,
      );
    await putRecord({ key: 'merged', indexVersion: 1, json: '{"format": "crosscheck-index", "version": 1, "documents": [' });
    const reloaded = await tellBackground(page);
    expect(reloaded.source).toBe('bundled');
    expect(reloaded.notice).toMatch(/^The stored index is broken \(.+\); using the bundled index\.$/);
    await page.reload();
    await page.getByText(/The stored index is broken/).waitFor();
    await act(page, () => page.getByRole('button', { name: 'Rebuild from my articles' }).click());
    expect(await status()).toEqual({ ...good, notice: null });

    // a record written by an older index format is rebuilt from the stored articles, not dropped
    await putRecord({ key: 'merged', indexVersion: 0, json: '{}' });
    const rebuilt = await tellBackground(page);
    expect(rebuilt.source).toBe('merged');
    expect(rebuilt.documents).toBe(good.documents);
    expect(rebuilt.notice).toMatch(/rebuilt from the stored articles/);
    await page.close();
  });

  it('imports files dropped on the page', async () => {
    const before = await status();
    const page = await openOptions();
    const line = await act(page, () =>
      page.evaluate(() => {
        const dt = new DataTransfer();
        const text = 'Harbour officials said on Thursday that the new quay would open to ferries in May next year.\n';
        dt.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
        const zone = document.querySelector('.cc-drop')!;
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }),
    );
    expect(line).toMatch(/^Imported 1 article from dropped\.txt;/);
    expect((await sources(page)).some((x) => x.startsWith('dropped.txt'))).toBe(true);
    expect((await status()).documents).toBe(before.documents + 1);
    await page.close();
  });

  it('logged no console errors in any context', () => {
    if (s.problems.length) console.log(JSON.stringify(s.problems, null, 1));
    expect(s.problems).toEqual([]);
  });
});
