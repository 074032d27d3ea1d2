import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { declaredContainer, extractArticle, type ArticleText } from '../../src/page/article';
import { runToEnd } from '../../src/page/slices';
import { htmlToArticle } from '../../src/cli/html';

const OWN = resolve(__dirname, '../fixtures/articles');
const PAGES = resolve(__dirname, '../../../shared/fixtures/pages');

function load(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function own(name: string): ArticleText | null {
  return htmlToArticle(readFileSync(join(OWN, name), 'utf8'));
}

/** Every segment is an exact copy of its node's text, segments are ordered, and every
 * visible character of the text belongs to a segment (only separators are made up). */
function expectMapped(a: ArticleText): void {
  let prevEnd = 0;
  const covered = new Uint8Array(a.text.length);
  for (const s of a.segments) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(a.text.slice(s.start, s.end)).toBe(s.node.data.slice(s.nodeOffset, s.nodeOffset + s.end - s.start));
    covered.fill(1, s.start, s.end);
    prevEnd = s.end;
  }
  const unmapped = [...a.text].filter((ch, i) => !covered[i] && ch !== ' ' && ch !== '\n');
  expect(unmapped.join('')).toBe('');
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('extractArticle on small pages', () => {
  it('reads the article, not navigation, share bar, captions, related links, comments or footer', () => {
    const a = own('nav-article-comments.html')!;
    expect(a).not.toBeNull();
    expect(a.title).toBe('Harbour bridge reopens after repairs');
    expect(a.text).toContain('The old harbour bridge reopened to traffic on Tuesday morning');
    expect(a.text).toContain('Cyclists will have to wait a little longer');
    for (const junk of ['News desk', 'Share on Facebook', 'Picture caption', 'Related story', 'Commenter text', 'Copyright footer']) {
      expect(a.text).not.toContain(junk);
    }
    expectMapped(a);
  });

  it('puts one block per line and collapses whitespace within a block', () => {
    const a = own('nav-article-comments.html')!;
    const lines = a.text.split('\n');
    expect(lines.some((l) => l.startsWith('The town council said the repairs cost about 2.4 million'))).toBe(true);
    expect(a.text).not.toMatch(/ {2}|\n\n|^\s|\s$/);
  });

  it('skips hidden elements, form controls, editable areas, scripts and styles', () => {
    const a = own('hidden-and-input.html')!;
    expect(a).not.toBeNull();
    expect(a.text).toContain('The central library will stay open until nine');
    expect(a.text).toContain('lend laptops');
    expect(a.text).not.toContain('must not be read');
    expectMapped(a);
  });

  it('drops soft hyphens and zero-width spaces inside words, keeping offsets mappable', () => {
    const a = own('soft-hyphen.html')!;
    expect(a.text).toContain('President Volodymyr Zelensky met European leaders');
    expect(a.text).toContain('Zelensky thanked the leaders');
    expect(a.text).not.toMatch(/[\u00AD\u200B]/);
    expectMapped(a);
    // "Zelensky" spans two segments, one each side of the soft hyphen.
    const at = a.text.indexOf('Zelensky');
    const parts = a.segments.filter((s) => s.end > at && s.start < at + 8);
    expect(parts.length).toBe(2);
    expect(parts[0].end).toBe(parts[1].start);
  });

  it('returns null for a page without article text', () => {
    expect(own('empty.html')).toBeNull();
    expect(htmlToArticle('')).toBeNull();
    expect(htmlToArticle('<html><body></body></html>')).toBeNull();
  });

  it('reads a plain <pre> page, wrapped lines joined and blank lines as paragraph breaks', () => {
    const a = own('plain-pre.html')!;
    expect(a).not.toBeNull();
    const lines = a.text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('water board, which has grown');
    expectMapped(a);
  });

  it('reads text placed straight in <body>', () => {
    const body = Array.from({ length: 12 }, (_, i) => `Sentence number ${i + 1} of a page with no paragraph markup at all.`).join(' ');
    const a = htmlToArticle(`<html><body>${body}</body></html>`)!;
    expect(a).not.toBeNull();
    expect(a.text).toBe(body);
    expectMapped(a);
  });

  it('works on a DOM built by hand (no parser specifics)', () => {
    const doc = load('<html><body></body></html>');
    const art = doc.createElement('article');
    for (let i = 0; i < 4; i++) {
      const p = doc.createElement('p');
      p.appendChild(doc.createTextNode(`Paragraph ${i} says that the river rose by two metres overnight, `));
      const b = doc.createElement('b');
      b.appendChild(doc.createTextNode('flooding'));
      p.appendChild(b);
      p.appendChild(doc.createTextNode(' several streets near the old market.'));
      art.appendChild(p);
    }
    doc.body.appendChild(art);
    const a = extractArticle(doc)!;
    expect(a.text.split('\n')).toHaveLength(4);
    expect(a.text).toContain('overnight, flooding several streets');
    expectMapped(a);
  });
});

describe('the fast path to a declared article', () => {
  const para = (i: number) => `<p>Paragraph ${i} reports that the council approved the budget on Monday, after a long debate about roads, schools and the harbour.</p>`;
  const page = (inner: string) =>
    `<html><head><title>Budget approved</title></head><body><nav><a href="/">Home</a></nav><article><h1>Budget approved</h1>${inner}</article><footer><p>Footer text that is long enough to be a paragraph of its own.</p></footer></body></html>`;

  it('drops link lists (and keeps the text around them) exactly as scoring the whole page does', () => {
    const html = page(
      `${para(1)} Loose text then <div><a href="/a">Link one</a> <a href="/b">Link two</a> <a href="/c">Link three</a></div> and more loose text ` +
        `${para(2)}<div>Short block with <a href="/d">a link that is most of it</a></div>${para(3)}` +
        `<div> <b>Bold</b> <div><a href="/e">Nested link list</a><a href="/f">Another</a></div> tail words</div>` +
        `<pre>kept   as\n\nblocks</pre>${para(4)}<div class="x">ending <a href="/g">with links</a><a href="/h">only here</a></div>`,
    );
    const doc = load(html);
    expect(runToEnd(declaredContainer(doc, doc.body))?.tagName.toLowerCase()).toBe('article');
    const fast = extractArticle(doc)!;
    const whole = extractArticle(load(html), { declared: false })!;
    expect(fast.text).toBe(whole.text);
    expect(fast.segments.map((s) => [s.start, s.end, s.nodeOffset, s.node.data])).toEqual(whole.segments.map((s) => [s.start, s.end, s.nodeOffset, s.node.data]));
    expect(fast.text).not.toContain('Link one');
    expect(fast.text).toContain('and more loose text');
    expectMapped(fast);
  });

  it('gives what whole-page scoring gives when itemprop=articleBody holds its text in <div>s outside the <article>', () => {
    const divs = [1, 2, 3].map((i) => `<div>Block ${i} of the real story says the harbour reopened on Monday after weeks of repairs, costing about two million.</div>`).join('');
    const html = `<html><body><div itemprop="articleBody">${divs}</div><article>${[4, 5, 6, 7, 8, 9].map(para).join('')}</article></body></html>`;
    expect(extractArticle(load(html))?.text).toBe(extractArticle(load(html), { declared: false })?.text);
    expect(extractArticle(load(html))?.text).toContain('Block 1 of the real story');
  });

  it('measures a feed of thousands of <article>s in small steps', () => {
    const feed = Array.from({ length: 2000 }, (_, i) => `<article><p>Teaser ${i} about the council budget and the harbour bridge repairs.</p></article>`).join('');
    const doc = load(`<html><body>${feed}</body></html>`);
    const steps = declaredContainer(doc, doc.body);
    let n = 0;
    while (!steps.next().done) n++;
    expect(n).toBeGreaterThan(2000 / 16);
  });

  it('is not taken when most of the prose is outside the declared article', () => {
    const doc = load(`<html><body><article>${para(1)}${para(2)}</article><div>${[3, 4, 5, 6, 7, 8, 9].map(para).join('')}</div></body></html>`);
    expect(runToEnd(declaredContainer(doc, doc.body))).toBeNull();
  });
});

const pageFiles = existsSync(PAGES) ? readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort() : [];
if (!pageFiles.length) {
  console.warn(`SKIP: ${PAGES} not found — article extraction on real pages not tested`);
}

describe.skipIf(!pageFiles.length)('extractArticle on real news pages', () => {
  it('finds all 28 pages', () => {
    expect(pageFiles).toHaveLength(28);
  });

  it('takes the fast path (the declared article container) on most pages, with the same text and title as scoring the whole page', () => {
    let fast = 0;
    for (const file of pageFiles) {
      const doc = load(readFileSync(join(PAGES, file), 'utf8'));
      if (runToEnd(declaredContainer(doc, doc.body))) fast++;
      const a = extractArticle(doc);
      const whole = extractArticle(doc, { declared: false });
      expect(a?.text, file).toBe(whole?.text);
      expect(a?.title, file).toBe(whole?.title);
    }
    expect(fast).toBeGreaterThanOrEqual(20);
  });

  for (const file of pageFiles) {
    it(file, () => {
      const html = readFileSync(join(PAGES, file), 'utf8');
      const doc = load(html);
      const before = doc.documentElement.outerHTML;
      const a = extractArticle(doc);
      expect(a, 'an article is found').not.toBeNull();
      if (!a) return;
      expect(doc.documentElement.outerHTML, 'the page is not changed').toBe(before);
      expect(words(a.text)).toBeGreaterThanOrEqual(200);
      expect(a.title).toBeTruthy();
      expectMapped(a);

      // No code or markup leaks into the text.
      expect(a.text).not.toMatch(/\bfunction\s*\(|<\/?[a-z]+[ >]|\{\s*"[a-z]+"\s*:/i);

      // Navigation is not read: no line of the text is a navigation link.
      const lines = new Set(a.text.split('\n'));
      // (In-page links are a table of contents: their targets are the article's own headings.)
      const navLinks = Array.from(doc.querySelectorAll('nav a, [role="navigation"] a'))
        .filter((el) => !(el.getAttribute('href') ?? '').startsWith('#'))
        .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
        .filter((t) => t.length > 2);
      // A nav link may repeat a heading or table cell of the article itself (Wikipedia).
      const own = new Set(
        Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6, th, td, caption'))
          .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()),
      );
      const leaked = navLinks.filter((t) => lines.has(t) && !own.has(t));
      expect(leaked, 'navigation links read as article lines').toEqual([]);

      // Prose dominates: most of the text is in lines that look like sentences.
      const prose = a.text.split('\n').filter((l) => words(l) >= 12);
      const proseWords = prose.reduce((n, l) => n + words(l), 0);
      expect(proseWords / words(a.text)).toBeGreaterThan(0.6);
    });
  }
});
