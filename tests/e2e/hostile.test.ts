// Hostile pages, in real headless Chromium with the built extension. Every page is built
// here at run time and served from 127.0.0.1 (a second loopback port stands in for another
// origin). For each page: no uncaught error in the page or any extension context, the
// body's text is the same before and after, the page's own script keeps counting, and the
// content script finished (state `ready`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateReply } from '../../src/messaging/types';
import { readSeed } from '../fixtures/pages';
import { startTestServer, type GeneratedResponse, type TestServer } from '../fixtures/server';
import { CHROME_DIST, CHROMIUM_PATH, launchWithExtension, tabAnalysis, tabState, waitForState, askTab, type Session } from './harness';
import { readCard, waitFor } from './page-helpers';

const built = existsSync(join(CHROME_DIST, 'manifest.json'));
if (!CHROMIUM_PATH) console.warn('\n!!! SKIP: no Chromium found (/usr/bin/chromium); hostile-page e2e tests skipped !!!\n');
else if (!built) console.warn('\n!!! SKIP: dist/chrome not built (run `npm run build`); hostile-page e2e tests skipped !!!\n');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const seed = readSeed('000');
const ARTICLE = `<article><h1>${esc(seed.title)}</h1>\n${seed.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>`;

// The page's own script: counts on a timer into an attribute of <html> (not observed by the
// content script, not part of the body's text). Served as a file so a strict CSP allows it.
const COUNTER_JS = `(function(){var n=0;setInterval(function(){n++;document.documentElement.setAttribute('data-count',String(n));},25);})();`;
const COUNTER = '<script src="/gen/counter.js"></script>';

function html(body: string, opts: { title?: string; head?: string } = {}): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(opts.title ?? seed.title)}</title>${opts.head ?? ''}${COUNTER}</head>\n<body>\n${body}\n</body></html>`;
}

function bigNodesPage(): string {
  // ~200,000 nodes besides the article: 66,700 list items, each <li>, <a> and a text node.
  const items: string[] = [];
  for (let i = 0; i < 66_700; i++) items.push(`<li><a href="#i${i}">Item ${i}</a></li>`);
  return html(`<nav><ul>${items.join('')}</ul></nav>\n${ARTICLE}`);
}

function deepPage(): string {
  // The HTML parser flattens nesting beyond 512 levels, so the page's script builds it.
  // `display: contents`: Chromium's own layout crashes the tab on ~5,000 nested block boxes
  // (with or without an extension); the DOM depth is what our code has to survive.
  const script = `<script>
    (function(){
      var art = document.querySelector('article'), top = document.createElement('div'), cur = top;
      for (var i = 1; i < 5000; i++) { var d = document.createElement('div'); d.style.display = 'contents'; cur.appendChild(d); cur = d; }
      cur.appendChild(art); document.body.appendChild(top);
    })();
  </script>`;
  return html(`${ARTICLE}\n${script}`);
}

function megaTextPage(): string {
  const sentence = 'The committee met again on Tuesday and adjourned without a vote on the budget. ';
  const mega = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
  return html(`${ARTICLE}\n<div id="log">${mega}</div>`);
}

function framesPage(crossOrigin: string): string {
  return html(
    `${ARTICLE}\n<iframe id="same" src="/gen/frame.html" width="600" height="300"></iframe>\n` +
      `<iframe id="cross" src="${crossOrigin}/gen/frame.html" width="600" height="300"></iframe>`,
  );
}

function framePage(): string {
  return html(seed.paragraphs.slice(0, 6).map((p) => `<p>${esc(p)}</p>`).join('\n'));
}

function shadowSvgPage(): string {
  const inShadow = seed.paragraphs.slice(0, 4).map((p) => `<p>${esc(p)}</p>`).join('');
  return html(
    `${ARTICLE}\n<div id="host"><template shadowrootmode="open"><section>${inShadow}</section></template></div>\n` +
      `<svg width="800" height="60" xmlns="http://www.w3.org/2000/svg"><text x="0" y="20">${esc(seed.paragraphs[1])}</text></svg>\n` +
      `<div id="late"></div><script>document.getElementById('late').attachShadow({mode:'open'}).innerHTML = ${JSON.stringify(inShadow)};</script>`,
  );
}

function formsPage(): string {
  const p = seed.paragraphs;
  return html(
    `${ARTICLE}\n<div contenteditable="true" id="editable">${p.slice(0, 3).map((x) => `<p>${esc(x)}</p>`).join('')}</div>\n` +
      `<textarea id="ta" cols="80" rows="6">${esc(p.slice(0, 3).join('\n'))}</textarea>\n` +
      `<input id="in" size="120" value="${esc(p[1])}">\n` +
      `<div contenteditable="plaintext-only"><p>${esc(p[2])}</p></div>`,
  );
}

function unicodePage(): string {
  const p = seed.paragraphs;
  // A paragraph naming Zelensky with a soft hyphen inside the name.
  const zel = p.find((x) => /Zelenskiy/.test(x)) ?? p[0];
  const hyphened = esc(zel).replace(/Zelenskiy/g, 'Zelen&shy;skiy');
  return html(
    `<article><h1>${esc(seed.title)}</h1>\n` +
      `<p>${hyphened}</p>\n` +
      p.slice(0, 8).map((x) => `<p>${esc(x).replace(/ /g, (m, i: number) => (i % 7 === 0 ? '&nbsp;&nbsp;&nbsp;' : m))}</p>`).join('\n') +
      `\n<p dir="rtl" lang="ar">قال الرئيس إن المحادثات ستستمر الأسبوع المقبل في جنيف.</p>` +
      `<p dir="rtl" lang="he">הנשיא אמר כי השיחות יימשכו בשבוע הבא בז׳נבה.</p>` +
      `<p lang="zh">总统表示，谈判将于下周在日内瓦继续进行。《和平计划》有二十八点。</p>` +
      `<p lang="ja">大統領は来週ジュネーブで協議を続けると述べた。</p>` +
      `<p>Family 👨‍👩‍👧‍👦 and flags 🇺🇦🇺🇸, skin tones 👍🏽, ZWJ inside a word: Zelen\u200Dsky; combining: Zelénsky and Zele\u0301nsky, cafe\u0301, n\u0303, Z\u0336e\u0336l\u0336.</p>` +
      `<p>Entities: AT&amp;T &lt;b&gt;not bold&lt;/b&gt; &eacute;t&eacute; &#x1F600; &#8212; &quot;quoted&quot; &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; end.</p>` +
      `</article>`,
  );
}

function reRenderPage(): string {
  // Re-renders the article's last paragraph (same text, new nodes) on every animation frame.
  const script = `<script>
    (function(){
      var ps = document.querySelectorAll('article p'), last = ps[ps.length - 1];
      (function frame(){ var n = document.createElement('p'); n.textContent = last.textContent; last.replaceWith(n); last = n; requestAnimationFrame(frame); })();
    })();
  </script>`;
  return html(`${ARTICLE}\n${script}`);
}

function saboteurPage(): string {
  // Runs before anything else: breaks globals a careless script would share with the page.
  const script = `<script>
    (function(){
      var boom = function(){ throw new Error('sabotaged by the page'); };
      var set = function(obj, key, value){ try { Object.defineProperty(obj, key, { value: value, writable: true, configurable: true }); } catch (e) { obj[key] = value; } };
      set(Array.prototype, 'map', boom); set(Array.prototype, 'forEach', boom); set(Array.prototype, 'filter', boom);
      set(JSON, 'parse', boom); set(JSON, 'stringify', boom);
      set(Node.prototype, 'appendChild', boom); set(Node.prototype, 'insertBefore', boom); set(Element.prototype, 'append', boom);
      set(window, 'MutationObserver', boom); set(window, 'WeakMap', boom); set(window, 'Highlight', boom);
      set(window, 'CSS', undefined); set(window, 'customElements', null);
      set(EventTarget.prototype, 'addEventListener', boom);
    })();
  </script>`;
  return html(ARTICLE, { head: script });
}

function pdfLikePage(): string {
  const pages: string[] = [];
  for (let i = 1; i <= 5; i++)
    pages.push(`<div class="page" data-page-number="${i}"><canvas width="612" height="792"></canvas><div class="textLayer"><span>${i}</span><span>/</span><span>5</span></div></div>`);
  return html(
    `<div id="toolbar"><button>Previous</button><button>Next</button><input value="1" size="3"> of 5 <button>Zoom in</button><button>Download</button><button>Print</button></div>\n` +
      `<div id="viewer">${pages.join('\n')}</div>`,
    { title: 'report-2024-final.pdf' },
  );
}

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  '</style><img src=x onerror=window.__pwned=4>',
  '"><svg onload=window.__pwned=5>',
];

function payloadPage(): string {
  // Each payload inside the seed's sentences (as page text, escaped in the markup).
  const ps = seed.paragraphs.map((p, i) => `<p>${esc(p.replace(/\.(\s|$)/, `. ${PAYLOADS[i % PAYLOADS.length]} $1`))}</p>`);
  return html(`<article><h1>${esc(seed.title)} ${esc(PAYLOADS[0])}</h1>\n${ps.join('\n')}</article>`, {
    title: `${seed.title} ${PAYLOADS[3]}`,
  });
}

const XML_DOC = `<?xml version="1.0" encoding="UTF-8"?>\n<catalog><book id="b1"><title>${esc(seed.paragraphs[0])}</title><price>10.00</price></book><book id="b2"><title>Another book</title><price>12.50</price></book></catalog>`;
// An article served as XHTML (XML syntax, application/xhtml+xml) is still a page to read.
const XHTML_DOC = `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/><title>${esc(seed.title)}</title><script src="/gen/counter.js"></script></head><body>${ARTICLE}</body></html>`;
const PLAIN_TEXT = '# server.conf\nlisten 8080\nworkers 4\nlog_level warn\n\n[cache]\nsize = 512MB\nttl = 3600\n';

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
  const pages = new Map<string, () => GeneratedResponse>();
  const cache = new Map<string, GeneratedResponse>();
  const serve = (path: string): GeneratedResponse | undefined => {
    const make = pages.get(path);
    if (!make) return undefined;
    let r = cache.get(path);
    if (!r) cache.set(path, (r = make()));
    return r;
  };
  const htmlResponse = (body: string, headers?: Record<string, string>) => ({ body, type: 'text/html; charset=utf-8', headers });

  beforeAll(async () => {
    pages.set('/gen/counter.js', () => ({ body: COUNTER_JS, type: 'text/javascript' }));
    pages.set('/gen/frame.html', () => htmlResponse(framePage()));
    pages.set('/gen/big-nodes.html', () => htmlResponse(bigNodesPage()));
    pages.set('/gen/deep.html', () => htmlResponse(deepPage()));
    pages.set('/gen/mega-text.html', () => htmlResponse(megaTextPage()));
    pages.set('/gen/shadow-svg.html', () => htmlResponse(shadowSvgPage()));
    pages.set('/gen/forms.html', () => htmlResponse(formsPage()));
    pages.set('/gen/unicode.html', () => htmlResponse(unicodePage()));
    pages.set('/gen/re-render.html', () => htmlResponse(reRenderPage()));
    pages.set('/gen/saboteur.html', () => htmlResponse(saboteurPage()));
    pages.set('/gen/pdf-like.html', () => htmlResponse(pdfLikePage()));
    pages.set('/gen/payload.html', () => htmlResponse(payloadPage()));
    pages.set('/gen/csp.html', () =>
      htmlResponse(html(ARTICLE), { 'content-security-policy': "default-src 'none'; script-src 'self'" }),
    );
    pages.set('/gen/hostile-css.html', () =>
      htmlResponse(
        html(ARTICLE, {
          head:
            '<style>crosscheck-card, crosscheck-card * { display: none !important; all: unset !important; opacity: 0 !important; }' +
            ' html * { font-size: 3px !important; } :host { display: none !important; } div { border: 0 !important; }</style>',
        }),
      ),
    );
    pages.set('/gen/plain.txt', () => ({ body: PLAIN_TEXT, type: 'text/plain; charset=utf-8' }));
    pages.set('/gen/article.xhtml', () => ({ body: XHTML_DOC, type: 'application/xhtml+xml; charset=utf-8' }));
    pages.set('/gen/doc.xml', () => ({ body: XML_DOC, type: 'application/xml; charset=utf-8' }));
    server = await startTestServer(0, serve);
    other = await startTestServer(0, serve);
    pages.set('/gen/frames.html', () => htmlResponse(framesPage(other.origin)));
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
    const { page, state } = await visit('/gen/big-nodes.html', { done: marked, timeoutMs: 30_000 });
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
    const { page, state } = await visit('/gen/mega-text.html', { done: marked, timeoutMs: 30_000 });
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
    // Highlight styles applied: a marked entity's text has the highlight colour under it.
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
