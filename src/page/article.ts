// The article text a content script analyses: the body of the article (not navigation,
// comments, share bars or related links), one line per block, whitespace collapsed, with
// a map from every text offset back to the DOM text node it came from.
//
// DOM-generic: standard DOM only (no layout, no innerText), so it runs on a live page and
// on a linkedom document in Node. The document is never modified.
import { directText } from './article-direct';
import { countWords, hasWords, isElement, isFurniture, isHidden, isNeverText, letterRuns, tagOf } from './article-dom';
import { isUnlikely, NODES_PER_STEP, PageScan } from './article-scan';
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

export interface ExtractOptions {
  /** false: always score the whole page (no fast path to a declared article container). */
  declared?: boolean;
}

/** The element a page marks as its article's body (the first one counts). */
const ARTICLE_BODY = '[itemprop~="articleBody"]';

/** Of the <p> text, the share a declared container must hold for the fast path. */
const DECLARED_SHARE = 0.8;
/** ...and at least this many characters of it. */
const DECLARED_MIN_CHARS = 500;
/** Shorter <p>s are no paragraphs to the scan (it trims them first; close enough here). */
const MIN_PARAGRAPH_CHARS = 25;

/**
 * The element the page declares as its article when it holds most of the page's <p> text
 * and sits outside anything the scan would skip or block (hidden parts, furniture,
 * unlikely containers): in the order article scoring trusts them, the first
 * itemprop=articleBody, else the <article> with the most such text, else <main>.
 * Measured with the browser's own calls (tag lookups, textContent), not a walk.
 */
export function* declaredContainer(
  doc: Document,
  body: Element,
  first: Element | null = doc.querySelector(ARTICLE_BODY),
): Steps<Element | null> {
  const articles = body.getElementsByTagName('article');
  const mains = body.getElementsByTagName('main');
  if (!first && !articles.length && !mains.length) return null;
  // What the scan would take as paragraphs: <p>s long enough (it trims them; close enough).
  const ps = body.getElementsByTagName('p');
  const chars = new Map<Element, number>();
  let total = 0;
  for (let i = 0; i < ps.length; i++) {
    if ((i & 63) === 63) yield;
    const n = (ps[i].textContent ?? '').length;
    if (n >= MIN_PARAGRAPH_CHARS) {
      chars.set(ps[i], n);
      total += n;
    }
  }
  // (In steps too: a feed page may hold thousands of <article>s.)
  function* inside(el: Element, mark?: Set<Element>): Steps<number> {
    const inner = el.getElementsByTagName('p');
    let n = 0;
    for (let i = 0; i < inner.length; i++) {
      if ((i & 255) === 255) yield;
      n += chars.get(inner[i]) ?? 0;
      mark?.add(inner[i]);
    }
    return n;
  }
  function* largest(els: ArrayLike<Element>): Steps<Element | null> {
    let top: Element | null = null;
    let topChars = 0;
    for (let i = 0; i < els.length; i++) {
      if ((i & 15) === 15) yield;
      const n = yield* inside(els[i]);
      if (n > topChars) [top, topChars] = [els[i], n];
    }
    return top;
  }
  const blocked = new Map<Element, boolean>();
  yield;
  // Scoring trusts an earlier kind that holds enough text even without most of the
  // prose: a later candidate must contain it, or scoring inside that one could differ.
  const earlier: Element[] = [];
  for (let kind = 0; kind < 3; kind++) {
    const candidate = kind === 0 ? first : yield* largest(kind === 1 ? articles : mains);
    if (!candidate) continue;
    const own = new Set<Element>();
    const have = yield* inside(candidate, own);
    if (have < DECLARED_MIN_CHARS) continue;
    if (earlier.some((e) => !candidate.contains(e))) return null;
    earlier.push(candidate);
    // The prose outside it, where the scan would read it (not in furniture, hidden parts...);
    // no need to look where when even all of it is little.
    let elsewhere = total - have;
    if (have < (have + elsewhere) * DECLARED_SHARE) {
      elsewhere = 0;
      let k = 0;
      for (const [p, n] of chars) {
        if (++k % 32 === 0) yield;
        if (!own.has(p) && !(yield* blockedBelow(p, body, blocked))) elsewhere += n;
      }
    }
    if (have < (have + elsewhere) * DECLARED_SHARE) continue;
    // Scoring takes the first itemprop=articleBody whatever its <p>s when it has paragraph
    // text: one with text outside the candidate could be its pick.
    if (first && !candidate.contains(first) && (first.textContent ?? '').trim()) return null;
    return (yield* blockedBelow(candidate, body, blocked)) ? null : candidate;
  }
  return null;
}

function blocks(el: Element): boolean {
  return isNeverText(el) || isFurniture(el) || isUnlikely(el);
}

/**
 * True when the whole-page scan would not collect paragraphs inside `el` (it or an
 * ancestor below `body` is never-text, hidden, furniture or unlikely). `known` keeps the
 * answer per element: paragraphs share most of their ancestors. Yields every
 * NODES_PER_STEP ancestors (a page may nest its text thousands of levels deep).
 */
function* blockedBelow(el: Element, body: Element, known: Map<Element, boolean>): Steps<boolean> {
  const chain: Element[] = [];
  let answer = false;
  for (let e: Element | null = el; e && e !== body; e = e.parentElement) {
    const k = known.get(e);
    if (k !== undefined) {
      answer = k;
      break;
    }
    chain.push(e);
    if (chain.length % NODES_PER_STEP === 0) yield;
  }
  // From the top down: below a blocking element everything is blocked.
  for (let i = chain.length - 1; i >= 0; i--) {
    answer ||= blocks(chain[i]);
    known.set(chain[i], answer);
    if (i % NODES_PER_STEP === 0) yield;
  }
  return answer;
}

/**
 * True when scoring inside `container` would pick the container itself as soon as it holds
 * MIN_ARTICLE_WORDS of paragraphs (explicitRoot in article-score.ts): it is the first
 * itemprop=articleBody, or an <article> without that one inside.
 */
function isExplicitRoot(container: Element, first: Element | null): boolean {
  if (container === first) return true;
  return tagOf(container) === 'article' && !(first && container.contains(first));
}

/** The article found by scoring inside the scan's root, or null when there is none. */
function* articleIn(doc: Document, scan: PageScan): Steps<ArticleText | null> {
  yield* scan.walk();
  // (A bare `yield` between phases lets the slicer stop there if the slice is spent.)
  if (scan.totalParagraphWords < MIN_ARTICLE_WORDS) return null;
  yield;
  const roots = findArticleRoots(doc, scan.root, scan);
  if (!roots.length) return null;
  yield;
  const built = yield* buildText(roots, scan);
  if (!hasWords(built.text, MIN_ARTICLE_WORDS)) return null;
  yield;
  return { text: built.text, title: findTitle(doc, roots), segments: built.segments };
}

/**
 * The article on the page, or null when the page has no article text. A generator that
 * yields every few hundred nodes: `extractArticle` runs it at once, `extractArticleSliced`
 * (src/page/slices.ts) in time slices that leave the page's main thread free in between.
 */
export function* articleSteps(doc: Document, opts: ExtractOptions = {}): Steps<ArticleText | null> {
  // An empty document may have no root element at all (and linkedom throws on .body then).
  if (!doc.documentElement) return null;
  const body = doc.body ?? doc.documentElement;
  // Not in the task that started the run (the content script's start-up, a page change):
  // the extraction's first slice gets a task of its own.
  yield true;
  // Fast path: the page declares its article and that holds most of its prose; scoring
  // inside it alone finds the same article, without classifying the rest of the page.
  const first = opts.declared === false ? null : doc.querySelector(ARTICLE_BODY);
  const declared = opts.declared === false ? null : yield* declaredContainer(doc, body, first);
  if (declared) {
    if (isExplicitRoot(declared, first)) {
      // Scoring would take it as it is: read it in one walk.
      const built = yield* directText(declared, MIN_ARTICLE_WORDS);
      if (built && hasWords(built.text, MIN_ARTICLE_WORDS)) {
        yield;
        return { text: built.text, title: findTitle(doc, [declared]), segments: built.segments };
      }
    } else {
      const found = yield* articleIn(doc, new PageScan(declared));
      if (found) return found;
    }
  }
  const scan = new PageScan(body);
  const found = yield* articleIn(doc, scan);
  if (found) return found;

  // No paragraph markup (a plain-text page, a bare <pre>, text straight in <body>):
  // read the whole body, still without scripts, hidden parts or furniture.
  const built = yield* buildText([body], scan);
  if (!hasWords(built.text, MIN_ARTICLE_WORDS)) return null;
  return { text: built.text, title: findTitle(doc, []), segments: built.segments };
}

/** The article on the page, or null when the page has no article text (all at once). */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): ArticleText | null {
  return runToEnd(articleSteps(doc, opts));
}
