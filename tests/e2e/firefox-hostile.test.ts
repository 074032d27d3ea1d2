// The hostile pages of tests/fixtures/hostile-pages.ts in headless Firefox ESR with the built
// dist/firefox (web-ext run). web-ext cannot reach into a page, so each page is served with a
// small reporter script of ours, first in <head> (before the page's own scripts can sabotage
// globals): it waits for Crosscheck's highlights (or, on pages with no article, for a quiet
// spell), checks the page's text and its counter, and reports by navigating to the test
// server, which redirects to the next page of the tour. Reporting by navigation works under
// the strict-CSP page too (no fetch needed). Errors of the extension's own contexts come from
// Firefox's console, dumped to stdout (devtools.console.stdout.*).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostilePages, servePages } from '../fixtures/hostile-pages';
import { startTestServer, type GeneratedResponse, type TestServer } from '../fixtures/server';
import { FIREFOX, FIREFOX_BUILT as built, runFirefox, type FirefoxRun } from './firefox-run';

if (!FIREFOX) console.warn('\n!!! SKIP: no Firefox found (/usr/bin/firefox-esr); Firefox hostile-page tests skipped !!!\n');
else if (!built) console.warn('\n!!! SKIP: dist/firefox not built (run `npm run build`); Firefox hostile-page tests skipped !!!\n');

/**
 * Documents no reporter script can ride in (plain text, an XML data document, about:blank):
 * opened in tabs of their own beside the tour, so the extension meets them while the tour
 * runs; the test server says that Firefox fetched them, and Firefox's console that the
 * extension logged no error on them.
 */
const BESIDE = ['/gen/plain.txt', '/gen/doc.xml'];

/** The tour: page, and whether Crosscheck should mark it. */
const TOUR: { path: string; marks: boolean }[] = [
  { path: '/gen/unicode.html', marks: true },
  { path: '/gen/big-nodes.html', marks: true },
  { path: '/gen/deep.html', marks: true },
  { path: '/gen/mega-text.html', marks: true },
  { path: '/gen/frames.html', marks: true },
  { path: '/gen/shadow-svg.html', marks: true },
  { path: '/gen/forms.html', marks: true },
  { path: '/gen/re-render.html', marks: true },
  { path: '/gen/saboteur.html', marks: true },
  { path: '/gen/csp.html', marks: true },
  { path: '/gen/hostile-css.html', marks: true },
  { path: '/gen/payload.html', marks: true },
  { path: '/gen/article.xhtml', marks: true },
  { path: '/gen/pdf-like.html', marks: false },
];

interface Report {
  page: string;
  names: Record<string, number>;
  textUnchanged: boolean;
  counting: boolean;
  inEditable: number;
  pwned: unknown;
  errors: string[];
  waitedMs: number;
}

// Runs in the page's main world. Written in ES5 style with references taken before any page
// script runs (the saboteur page replaces Array.prototype.map, JSON.stringify, addEventListener…).
const REPORTER_JS = `(function () {
  var src = new URL(document.currentScript.src);
  var page = src.searchParams.get('page'), next = src.searchParams.get('next'), marks = src.searchParams.get('marks') === '1';
  var stringify = JSON.stringify, encode = encodeURIComponent, later = setTimeout, now = Date.now, loc = location;
  var registry = window.CSS && CSS.highlights;
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + String(e.reason)); });
  var started = now(), before = null;
  function text() { return document.body ? document.body.innerText : document.documentElement.textContent; }
  function names() {
    var out = {}, total = 0;
    if (registry) registry.forEach(function (h, k) { if (String(k).indexOf('crosscheck-') === 0) { out[k] = h.size; total += h.size; } });
    return { out: out, total: total };
  }
  function inEditable() {
    var bad = 0;
    if (registry) registry.forEach(function (h) { h.forEach(function (r) {
      var nodes = [r.startContainer, r.endContainer];
      for (var i = 0; i < nodes.length; i++) {
        var el = nodes[i].nodeType === 1 ? nodes[i] : nodes[i].parentElement;
        if (el && el.closest('[contenteditable], textarea, input')) bad++;
      }
    }); });
    return bad;
  }
  function count() { return Number(document.documentElement.getAttribute('data-count') || '0'); }
  function finish() {
    var c0 = count();
    later(function () {
      var report = { page: page, names: names().out, textUnchanged: text() === before, counting: count() > c0,
        inEditable: inEditable(), pwned: window.__pwned || null, errors: errors, waitedMs: now() - started };
      loc.href = '/report-and-go?r=' + encode(stringify(report)) + '&next=' + encode(next);
    }, 400);
  }
  function poll() {
    if (before === null && document.readyState === 'complete') { before = text(); started = now(); }
    if (before !== null) {
      var n = names().total, waited = now() - started;
      if (marks && n > 0) return later(finish, 1500);
      if ((!marks && waited > 4000) || waited > 45000) return finish();
    }
    later(poll, 200);
  }
  poll();
})();`;

/** The page at `path` with the reporter as the first script of its <head>. */
function withReporter(page: GeneratedResponse, path: string, next: string, marks: boolean): GeneratedResponse {
  const q = new URLSearchParams({ page: path, next, marks: marks ? '1' : '0' }).toString().replace(/&/g, '&amp;');
  const tag = `<script src="/ff/reporter.js?${q}"></script>`;
  const body = String(page.body).replace(/<head>/, `<head>${tag}`);
  return { ...page, body };
}

describe.skipIf(!FIREFOX || !built)('hostile pages (Firefox ESR, web-ext run)', () => {
  let server: TestServer;
  let other: TestServer;
  let ff: FirefoxRun | undefined;
  const reports: Report[] = [];
  const base = servePages(hostilePages(() => other.origin));
  const fetched = new Set<string>();
  const serve = (path: string): GeneratedResponse | undefined => {
    fetched.add(path);
    if (path === '/ff/reporter.js') return { body: REPORTER_JS, type: 'text/javascript' };
    if (path === '/ff/done') return { body: '<!doctype html><title>done</title><p>done</p>', type: 'text/html' };
    const i = TOUR.findIndex((t) => `/ff${t.path}` === path);
    if (i < 0) return base(path);
    const page = base(TOUR[i].path)!;
    const next = i + 1 < TOUR.length ? `/ff${TOUR[i + 1].path}` : '/ff/done';
    return withReporter(page, TOUR[i].path, next, TOUR[i].marks);
  };

  beforeAll(async () => {
    server = await startTestServer(0, serve);
    other = await startTestServer(0, serve);
    ff = runFirefox([`${server.origin}/ff${TOUR[0].path}`, ...BESIDE.map((p) => `${server.origin}${p}`), 'about:blank']);
    try {
      for (let i = 0; i < TOUR.length; i++) reports.push((await server.nextReport(90_000)) as Report);
    } catch (err) {
      console.log(`Firefox reported ${reports.length} of ${TOUR.length} pages; its output:\n${ff.output().slice(-4000)}`);
      throw err;
    }
    console.log(reports.map((r) => `Firefox ${r.page}: ${JSON.stringify(r.names)} in ${r.waitedMs} ms`).join('\n'));
  }, 15 * 60_000);

  afterAll(async () => {
    await ff?.stop();
    await server?.close();
    await other?.close();
  });

  for (const { path, marks } of TOUR) {
    it(`${path}: ${marks ? 'marked' : 'nothing marked'}, text unchanged, the page's script counts, no page error`, () => {
      const r = reports.find((x) => x.page === path);
      expect(r, `${path} reported`).toBeDefined();
      const total = Object.values(r!.names).reduce((a, b) => a + b, 0);
      if (marks) expect(total, `${path}: highlights`).toBeGreaterThan(0);
      else expect(total, `${path}: no highlights`).toBe(0);
      expect(r!.textUnchanged, `${path}: body text unchanged`).toBe(true);
      expect(r!.counting, `${path}: the page's script keeps counting`).toBe(true);
      expect(r!.inEditable, `${path}: nothing marked inside editable fields`).toBe(0);
      expect(r!.pwned, `${path}: no payload ran`).toBeNull();
      expect(r!.errors, `${path}: no uncaught error in the page`).toEqual([]);
    });
  }

  it(`${BESIDE.join(', ')} and about:blank were opened beside the tour`, () => {
    for (const path of BESIDE) expect(fetched.has(path), `${path} fetched`).toBe(true);
    // (about:blank is no request; web-ext's log names every start URL it opened)
    expect(ff!.output()).toMatch(/about:blank/);
  });

  it('the extension logged no error in Firefox (the tour, and the tabs beside it)', () => {
    // web-ext --verbose passes on what Firefox prints: `console.error: "Crosscheck: …"` for our
    // console calls, `JavaScript error: moz-extension://…` for an uncaught error of ours.
    const lines = ff!
      .output()
      .split('\n')
      .filter((l) => /Firefox std(out|err):/.test(l))
      .filter((l) => /JavaScript (error|warning): moz-extension:\/\//.test(l) || /console\.(error|warn)\b.*crosscheck/i.test(l));
    expect(lines).toEqual([]);
  });
});
