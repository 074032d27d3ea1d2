// Finds the element(s) holding the article body, Readability-style: paragraphs vote for
// their ancestors (more text and commas = more votes), containers are weighted by tag and
// class/id hints, and link-heavy containers lose. Explicit markup (itemprop=articleBody,
// a single <article>) wins when it holds enough text.
import { classWeight, isElement, isFurniture, isNeverText, plainText, tagOf, childrenOf } from './article-dom';
import { isUnlikely, type PageScan } from './article-scan';

/** Below this many words in paragraph-like blocks, a page is not an article. */
export const MIN_ARTICLE_WORDS = 50;

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

/** Explicit article markup with enough paragraph text, if any. */
function explicitRoot(doc: Document, scan: PageScan): Element | null {
  // (Only elements the scan measured: a scan of part of the page knows nothing outside it.)
  const body = doc.querySelector('[itemprop~="articleBody"]');
  if (body && scan.measured(body) && scan.paragraphWordsIn(body) >= MIN_ARTICLE_WORDS) return body;
  const articles = Array.from(doc.querySelectorAll('article'));
  let best: Element | null = null;
  let bestWords = 0;
  for (const a of articles) {
    if (!scan.measured(a)) continue;
    const w = scan.paragraphWordsIn(a);
    if (w > bestWords) [best, bestWords] = [a, w];
  }
  const total = scan.totalParagraphWords;
  // An <article> counts when it holds most of the page's prose (not a teaser among many).
  if (best && bestWords >= MIN_ARTICLE_WORDS && bestWords >= total * 0.5) return best;
  return null;
}

/** The element(s) to read, in document order; empty when nothing qualifies. */
export function findArticleRoots(doc: Document, body: Element, scan: PageScan): Element[] {
  const stats = scan;
  const explicit = explicitRoot(doc, scan);
  if (explicit) return [explicit];

  const scores = new Map<Element, number>();
  const init = (el: Element) => {
    if (!scores.has(el)) scores.set(el, tagBase(el) + classWeight(el));
  };
  for (const p of scan.paragraphs) {
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
  let words = scan.paragraphWordsIn(top);
  const total = scan.totalParagraphWords;
  while (top.parentNode && isElement(top.parentNode) && top !== body && words < total * 0.4) {
    const parent: Element = top.parentNode;
    const pw = scan.paragraphWordsIn(parent);
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
