// The article text a content script analyses: the body of the article (not navigation,
// comments, share bars or related links), one line per block, whitespace collapsed, with
// a map from every text offset back to the DOM text node it came from.
//
// DOM-generic: standard DOM only (no layout, no innerText), so it runs on a live page and
// on a linkedom document in Node. The document is never modified.
import { countWords, hasWords, isElement, isHidden, letterRuns } from './article-dom';
import { PageScan } from './article-scan';
import { findArticleRoots, MIN_ARTICLE_WORDS } from './article-score';
import { buildText } from './article-text';
import { runToEnd, type Steps } from './slices';

export interface TextSegment {
  node: Text;
  /** Offsets into ArticleText.text; text.slice(start, end) equals node.data.slice(nodeOffset, nodeOffset + end - start). */
  start: number;
  end: number;
  /** Where in node.data the segment begins. */
  nodeOffset: number;
}

export interface ArticleText {
  text: string;
  title: string | null;
  segments: TextSegment[];
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
  return t || null;
}

function metaContent(doc: Document, selector: string): string | null {
  return clean(doc.querySelector(selector)?.getAttribute('content'));
}

function words(s: string): Set<string> {
  return new Set(letterRuns(s.toLowerCase()));
}

/**
 * Headline: the <h1> that agrees with og:title / <title> (pages also use <h1> for logos
 * and slideshow captions), else og:title, else an <h1> in the article, else <title>.
 */
function findTitle(doc: Document, roots: Element[]): string | null {
  const ref = metaContent(doc, 'meta[property="og:title"]') ?? metaContent(doc, 'meta[name="twitter:title"]');
  const docTitle = clean(doc.querySelector('title')?.textContent);
  // Headlines are short; long <h1>s are slideshow captions or whole teasers.
  const h1s = Array.from(doc.querySelectorAll('h1')).filter((h) => !isHidden(h) && countWords(h.textContent ?? '') <= 30);
  const against = ref ?? docTitle;
  if (against) {
    const want = words(against);
    let best: string | null = null;
    let bestShare = 0;
    for (const h of h1s) {
      const t = clean(h.textContent);
      if (!t) continue;
      const have = words(t);
      let common = 0;
      for (const w of have) if (want.has(w)) common++;
      // Share of the h1's words found in the reference, and of the reference in the h1.
      const share = Math.min(common / Math.max(1, have.size), common / Math.max(1, Math.min(want.size, have.size * 2)));
      if (share > bestShare) [best, bestShare] = [t, share];
    }
    if (best && bestShare >= 0.6) return best;
  }
  // The nearest <h1> around the article body (headline sits just above it).
  let scope: Node | null = roots[0] ?? null;
  for (let level = 0; scope && isElement(scope) && level < 6; level++, scope = scope.parentNode) {
    const h = h1s.find((x) => scope === x || (scope as Element).contains(x));
    const t = clean(h?.textContent);
    if (t) return t;
  }
  if (ref) return ref;
  const first = h1s.map((h) => clean(h.textContent)).find((t) => t);
  return first ?? docTitle;
}

/**
 * The article on the page, or null when the page has no article text. A generator that
 * yields every few hundred nodes: `extractArticle` runs it at once, `extractArticleSliced`
 * (src/page/slices.ts) in time slices that leave the page's main thread free in between.
 */
export function* articleSteps(doc: Document): Steps<ArticleText | null> {
  // An empty document may have no root element at all (and linkedom throws on .body then).
  if (!doc.documentElement) return null;
  const body = doc.body ?? doc.documentElement;
  const scan = new PageScan(body);
  yield* scan.walk();

  // (A bare `yield` between phases lets the slicer stop there if the slice is spent.)
  if (scan.totalParagraphWords >= MIN_ARTICLE_WORDS) {
    yield;
    const roots = findArticleRoots(doc, body, scan);
    if (roots.length) {
      yield;
      const built = yield* buildText(roots, scan);
      if (hasWords(built.text, MIN_ARTICLE_WORDS)) {
        yield;
        return { text: built.text, title: findTitle(doc, roots), segments: built.segments };
      }
    }
  }

  // No paragraph markup (a plain-text page, a bare <pre>, text straight in <body>):
  // read the whole body, still without scripts, hidden parts or furniture.
  const built = yield* buildText([body], scan);
  if (!hasWords(built.text, MIN_ARTICLE_WORDS)) return null;
  return { text: built.text, title: findTitle(doc, []), segments: built.segments };
}

/** The article on the page, or null when the page has no article text (all at once). */
export function extractArticle(doc: Document): ArticleText | null {
  return runToEnd(articleSteps(doc));
}
