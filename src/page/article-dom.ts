// Small DOM predicates shared by article scoring and text building. Only standard DOM
// (nodeType, tagName, getAttribute, childNodes): the same code runs on a live page and on
// a linkedom document in Node.

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(n: Node): n is Element {
  return n.nodeType === ELEMENT_NODE;
}

export function isText(n: Node): n is Text {
  return n.nodeType === TEXT_NODE;
}

export function tagOf(el: Element): string {
  return (el.localName || el.tagName || '').toLowerCase();
}

/** Never text for the reader: code, metadata, embedded objects, form controls. */
const NEVER_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object',
  'embed', 'canvas', 'video', 'audio', 'picture', 'img', 'input', 'textarea', 'select', 'option',
  'button', 'math', 'map', 'dialog',
]);

/** Page furniture that is never part of an article body. */
const FURNITURE = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'figcaption']);

export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot',
  'td', 'th', 'tr', 'ul', 'caption', 'legend', 'menu', 'br',
]);

const STYLE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
// Text meant only for screen readers ("Share on Facebook", "Opens in a new window").
const HIDDEN_CLASS = /(?:^|\s)(?:sr-only|visually-?hidden|screen-?reader-?(?:text|only)|hidden|hide|u-hidden|off-?screen)(?:\s|$)/i;

/** Hidden by markup alone (no layout needed): hidden attribute, aria-hidden, inline style, sr-only class. */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && STYLE_HIDDEN.test(style)) return true;
  const cls = el.getAttribute('class');
  if (cls && HIDDEN_CLASS.test(cls)) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return false;
}

/** Elements whose text is never read as article text, wherever they are. */
export function isNeverText(el: Element): boolean {
  const tag = tagOf(el);
  if (NEVER_TEXT.has(tag)) return true;
  if (tag === 'svg') return true; // icons; <text> inside charts is not prose
  return isHidden(el);
}

export function isFurniture(el: Element): boolean {
  if (FURNITURE.has(tagOf(el))) return true;
  const role = el.getAttribute('role');
  return role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner' || role === 'search';
}

// Readability's class/id hints, trimmed to what matters for news pages.
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|paragraph|prose/i;
const NEGATIVE =
  /-ad-|^ad-|\bads?\b|hidden|banner|combx|comment|com-|contact|disqus|footer|footnote|gdpr|masthead|media|meta|nav|outbrain|promo|related|recirc|scroll|share|sharing|shoutbox|sidebar|skyscraper|sponsor|shopping|social|subscribe|newsletter|tags|taboola|tool|widget|byline|breadcrumb|caption|credit|signup|most-?popular|trending|popup|modal|cookie|consent|pagination|pager|\btoc\b|table-of-contents/i;

function hintString(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/** +25 per positive hint family, -25 per negative (class and id). */
export function classWeight(el: Element): number {
  const s = hintString(el);
  if (!s.trim()) return 0;
  let w = 0;
  if (NEGATIVE.test(s)) w -= 25;
  if (POSITIVE.test(s)) w += 25;
  return w;
}

/** A container inside the article body that is boilerplate by name (share bar, related links, comments). */
export function isNegativeByName(el: Element): boolean {
  const s = hintString(el);
  return s.trim() !== '' && NEGATIVE.test(s) && !POSITIVE.test(s);
}

/** Children of a node as an array (NodeList iteration differs a little between DOMs). */
export function childrenOf(n: Node): Node[] {
  const out: Node[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** Visits elements in document order without recursion; `skip` prunes a subtree. */
export function walkElements(root: Element, visit: (el: Element) => 'skip' | void): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (visit(n) === 'skip') continue;
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/** Raw text content (no layout), skipping never-text subtrees. */
export function plainText(root: Element): string {
  let out = '';
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) {
      out += n.data;
      continue;
    }
    if (!isElement(n) || (n !== root && isNeverText(n))) continue;
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

export function countWords(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/**
 * Text size and linked-text size of every element under a root, measured in one pass
 * (non-whitespace characters, so sizes add up). Link density is asked for many nested
 * containers; measuring each one separately is quadratic on long pages (Wikipedia).
 */
export class DomStats {
  private chars = new Map<Element, number>();
  private linked = new Map<Element, number>();

  constructor(root: Element) {
    // Post-order without recursion: children are finished before their parent.
    const order: Element[] = [];
    walkElements(root, (el) => {
      if (el !== root && isNeverText(el)) return 'skip';
      order.push(el);
    });
    for (let k = order.length - 1; k >= 0; k--) {
      const el = order[k];
      let c = 0;
      let l = 0;
      for (let n = el.firstChild; n; n = n.nextSibling) {
        if (isText(n)) c += n.data.replace(/\s+/g, '').length;
        else if (isElement(n) && this.chars.has(n)) {
          c += this.chars.get(n)!;
          l += this.linked.get(n)!;
        }
      }
      if (tagOf(el) === 'a') {
        // In-page anchors (footnotes, "#section") weigh less, as in Readability.
        l = (el.getAttribute('href') ?? '').startsWith('#') ? c * 0.3 : c;
      }
      this.chars.set(el, c);
      this.linked.set(el, l);
    }
  }

  textChars(el: Element): number {
    return this.chars.get(el) ?? 0;
  }

  /** Share of text that sits inside links (0..1). */
  linkDensity(el: Element): number {
    const c = this.chars.get(el);
    if (!c) return 0;
    return Math.min(1, this.linked.get(el)! / c);
  }
}
