// Finds the element(s) holding the article body, Readability-style: paragraphs vote for
// their ancestors (more text and commas = more votes), containers are weighted by tag and
// class/id hints, and link-heavy containers lose. Explicit markup (itemprop=articleBody,
// a single <article>) wins when it holds enough text.
import {
  BLOCK_TAGS, classWeight, countWords, isElement, isFurniture, isNeverText, plainText, tagOf,
  walkElements, childrenOf, type DomStats,
} from './article-dom';

/** Below this many words in paragraph-like blocks, a page is not an article. */
export const MIN_ARTICLE_WORDS = 50;

// Unlikely containers by name (Readability's list), unless the name also says "article".
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|recirc|most-?popular|outbrain|taboola/i;
const MAYBE = /and|article|body|column|content|main|shadow|story|entry|post/i;

function isUnlikely(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return false;
  const s = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return UNLIKELY.test(s) && !MAYBE.test(s);
}

function hasBlockChild(el: Element): boolean {
  for (const c of childrenOf(el)) {
    if (isElement(c) && BLOCK_TAGS.has(tagOf(c)) && tagOf(c) !== 'br') return true;
  }
  return false;
}

export interface Paragraph {
  el: Element;
  text: string;
  words: number;
}

/** Paragraph-like blocks outside furniture, hidden parts and unlikely containers. */
export function collectParagraphs(body: Element): Paragraph[] {
  const out: Paragraph[] = [];
  walkElements(body, (el) => {
    if (el !== body && (isNeverText(el) || isFurniture(el) || isUnlikely(el))) return 'skip';
    const tag = tagOf(el);
    const leafy = tag === 'p' || tag === 'pre' || ((tag === 'div' || tag === 'td' || tag === 'section') && !hasBlockChild(el));
    if (!leafy) return;
    const text = plainText(el).replace(/\s+/g, ' ').trim();
    if (text.length >= 25) out.push({ el, text, words: countWords(text) });
    return 'skip';
  });
  return out;
}

function tagBase(el: Element): number {
  switch (tagOf(el)) {
    case 'article': return 15;
    case 'main': return 8;
    case 'div': case 'section': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

function ancestors(el: Element, max: number): Element[] {
  const out: Element[] = [];
  let p = el.parentNode;
  while (p && isElement(p) && out.length < max) {
    out.push(p);
    p = p.parentNode;
  }
  return out;
}

function paragraphWordsIn(root: Element, paragraphs: Paragraph[]): number {
  let n = 0;
  for (const p of paragraphs) if (root === p.el || root.contains(p.el)) n += p.words;
  return n;
}

/** Explicit article markup with enough paragraph text, if any. */
function explicitRoot(doc: Document, paragraphs: Paragraph[]): Element | null {
  const body = doc.querySelector('[itemprop~="articleBody"]');
  if (body && paragraphWordsIn(body, paragraphs) >= MIN_ARTICLE_WORDS) return body;
  const articles = Array.from(doc.querySelectorAll('article'));
  let best: Element | null = null;
  let bestWords = 0;
  for (const a of articles) {
    const w = paragraphWordsIn(a, paragraphs);
    if (w > bestWords) [best, bestWords] = [a, w];
  }
  const total = paragraphs.reduce((n, p) => n + p.words, 0);
  // An <article> counts when it holds most of the page's prose (not a teaser among many).
  if (best && bestWords >= MIN_ARTICLE_WORDS && bestWords >= total * 0.5) return best;
  return null;
}

/** The element(s) to read, in document order; empty when nothing qualifies. */
export function findArticleRoots(doc: Document, body: Element, paragraphs: Paragraph[], stats: DomStats): Element[] {
  const explicit = explicitRoot(doc, paragraphs);
  if (explicit) return [explicit];

  const scores = new Map<Element, number>();
  const init = (el: Element) => {
    if (!scores.has(el)) scores.set(el, tagBase(el) + classWeight(el));
  };
  for (const p of paragraphs) {
    const commas = (p.text.match(/[,،、，]/g) ?? []).length;
    const score = 1 + commas + Math.min(Math.floor(p.text.length / 100), 3);
    const anc = ancestors(p.el, 5);
    anc.forEach((a, level) => {
      init(a);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(a, scores.get(a)! + score / divider);
    });
  }
  let top: Element | null = null;
  let topScore = -Infinity;
  for (const [el, s] of scores) {
    const final = s * (1 - stats.linkDensity(el));
    scores.set(el, final);
    if (final > topScore) [top, topScore] = [el, final];
  }
  if (!top) return [];

  // When the top candidate holds little of the prose, its parent usually holds the rest.
  let words = paragraphWordsIn(top, paragraphs);
  const total = paragraphs.reduce((n, p) => n + p.words, 0);
  while (top.parentNode && isElement(top.parentNode) && top !== body && words < total * 0.4) {
    const parent: Element = top.parentNode;
    const pw = paragraphWordsIn(parent, paragraphs);
    if (pw <= words || stats.linkDensity(parent) > 0.4) break;
    top = parent;
    words = pw;
  }

  // Siblings that also look like article text (a body split into several containers).
  const parent = top.parentNode;
  if (!parent || !isElement(parent) || top === body) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const roots: Element[] = [];
  for (const sib of childrenOf(parent)) {
    if (!isElement(sib)) continue;
    if (sib === top) {
      roots.push(sib);
      continue;
    }
    if (isNeverText(sib) || isFurniture(sib) || isUnlikely(sib)) continue;
    const s = scores.get(sib);
    if (s !== undefined && s >= threshold) {
      roots.push(sib);
      continue;
    }
    if (tagOf(sib) === 'p') {
      const text = plainText(sib).replace(/\s+/g, ' ').trim();
      const ld = stats.linkDensity(sib);
      if ((text.length > 80 && ld < 0.25) || (text.length > 0 && ld === 0 && /\.( |$)/.test(text))) roots.push(sib);
    }
  }
  return roots;
}

/** Page words in paragraphs: the cheap "is this an article at all" gate. */
export function paragraphWords(paragraphs: Paragraph[]): number {
  return paragraphs.reduce((n, p) => n + p.words, 0);
}
