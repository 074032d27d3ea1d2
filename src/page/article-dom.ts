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
export const FURNITURE = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'figcaption']);

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

/** A class that hides text from sight ("sr-only", "visually-hidden", "hidden"). */
export function isHidingClass(cls: string): boolean {
  return HIDDEN_CLASS.test(cls);
}

/**
 * Every element that isHidden() or isFurniture() can call so for an attribute other than
 * class or id matches this: the browser's selector engine finds them all in one call
 * (cheap: presence tests only), so a walk needs only the class of the others.
 */
const SPECIAL_ATTRIBUTES = '[hidden],[aria-hidden],[contenteditable],[style],[role]';

/** The elements under `root` with such an attribute, or null where the DOM cannot say. */
export function withSpecialAttributes(root: Element): Set<Element> | null {
  try {
    return new Set(root.querySelectorAll(SPECIAL_ATTRIBUTES) as unknown as Iterable<Element>);
  } catch {
    return null;
  }
}

/** Tags whose text is never read: code, metadata, embedded objects, form controls, icons. */
export function isNeverTextTag(tag: string): boolean {
  return NEVER_TEXT.has(tag) || tag === 'svg'; // <text> inside charts is not prose
}

/** Elements whose text is never read as article text, wherever they are. */
export function isNeverText(el: Element): boolean {
  return isNeverTextTag(tagOf(el)) || isHidden(el);
}

export function isFurniture(el: Element, tag = tagOf(el)): boolean {
  if (FURNITURE.has(tag)) return true;
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

// The answer per class string, for elements without an id (most of them): pages repeat
// the same class names on many containers.
const negativeByClass = new Map<string, boolean>();

function negativeHint(s: string): boolean {
  return s.trim() !== '' && NEGATIVE.test(s) && !POSITIVE.test(s);
}

/** A container inside the article body that is boilerplate by name (share bar, related links, comments). */
export function isNegativeByName(el: Element): boolean {
  const id = el.getAttribute('id');
  if (id) return negativeHint(`${el.getAttribute('class') ?? ''} ${id}`);
  const cls = el.getAttribute('class') ?? '';
  let yes = negativeByClass.get(cls);
  if (yes === undefined) {
    yes = negativeHint(`${cls} `);
    if (negativeByClass.size > 5000) negativeByClass.clear();
    negativeByClass.set(cls, yes);
  }
  return yes;
}

/** Children of a node as an array (NodeList iteration differs a little between DOMs). */
export function childrenOf(n: Node): Node[] {
  const out: Node[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/**
 * Calls `visit` with the data of each text node below `root` in document order, skipping
 * never-text subtrees; stops early when `visit` returns false.
 */
export function eachText(root: Element, visit: (data: string) => boolean): void {
  let cur: Node = root;
  let next: Node | null = root.firstChild;
  for (;;) {
    if (next) {
      const n: Node = next;
      if (isText(n)) {
        if (!visit(n.data)) return;
        next = n.nextSibling;
      } else if (isElement(n) && !isNeverText(n) && n.firstChild) {
        cur = n;
        next = n.firstChild;
      } else next = n.nextSibling;
    } else {
      if (cur === root) return;
      next = cur.nextSibling;
      cur = cur.parentNode as Node;
    }
  }
}

/** Raw text content (no layout), skipping never-text subtrees. */
export function plainText(root: Element): string {
  const parts: string[] = [];
  eachText(root, (data) => parts.push(data) > 0);
  return parts.join('');
}

// Words as /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu finds them, counted by a scanner: a
// Unicode-property regex is slow to compile and run on a page's first (cold) pass, so
// only characters beyond ASCII ask one, and its answers are kept.
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const wordCharCache = new Map<number, boolean>();

/**
 * Letter or digit, for the non-ASCII characters news text is mostly made of, without the
 * regex (compiling it costs milliseconds on a page's first pass, and titles alone carry
 * curly quotes and dashes): Latin-1 and Latin Extended-A/B, and General Punctuation (no
 * letter or digit in it). -1: ask the regex. (A unit test checks every code point here.)
 */
function commonWordChar(c: number): number {
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe) ? 1 : 0;
  if (c <= 0x24f) return c === 0xd7 || c === 0xf7 ? 0 : 1;
  if (c >= 0x2000 && c <= 0x206f) return 0;
  return -1;
}

/** Length (1 or 2 code units) of the letter or digit at s[i], or 0 when it is none. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0;
  const common = commonWordChar(c);
  if (common >= 0) return common;
  const cp = s.codePointAt(i)!;
  let yes = wordCharCache.get(cp);
  if (yes === undefined) {
    yes = LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
    wordCharCache.set(cp, yes);
  }
  return yes ? (cp > 0xffff ? 2 : 1) : 0;
}

function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2d; // ' ’ . -
}

/** Counts words up to `max` (stops there). */
function scanWords(s: string, max: number): number {
  let n = 0;
  let i = 0;
  const len = s.length;
  while (i < len && n < max) {
    let w = wordCharAt(s, i);
    if (!w) {
      i++;
      continue;
    }
    // letters/digits, then (joiner + letters/digits)*
    for (;;) {
      while (w) {
        i += w;
        w = i < len ? wordCharAt(s, i) : 0;
      }
      if (i + 1 < len && isJoiner(s.charCodeAt(i)) && (w = wordCharAt(s, i + 1))) {
        i += 1;
        continue;
      }
      break;
    }
    n++;
  }
  return n;
}

/** The runs of letters and digits in `s` (what /[\p{L}\p{N}]+/gu matches). */
export function letterRuns(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    let w = wordCharAt(s, i);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    while (w) {
      i += w;
      w = i < s.length ? wordCharAt(s, i) : 0;
    }
    out.push(s.slice(start, i));
  }
  return out;
}

// Most text is ASCII plus punctuation (curly quotes, dashes, no-break spaces): there the
// words are exactly what an ASCII-only regex finds, and that one is cheap to compile.
const MAYBE_NON_ASCII_WORD = /[^\x00-\x7f\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2000-\u206f]/;
const ASCII_WORD = /[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/g;

function countAsciiWords(s: string, max: number): number {
  ASCII_WORD.lastIndex = 0;
  let n = 0;
  while (n < max && ASCII_WORD.test(s)) n++;
  ASCII_WORD.lastIndex = 0;
  return n;
}

export function countWords(s: string): number {
  return MAYBE_NON_ASCII_WORD.test(s) ? scanWords(s, Infinity) : countAsciiWords(s, Infinity);
}

/** countWords(s) >= min, without reading a long text to its end. */
export function hasWords(s: string, min: number): boolean {
  return (MAYBE_NON_ASCII_WORD.test(s) ? scanWords(s, min) : countAsciiWords(s, min)) >= min;
}

const HAS_NON_SPACE = /\S/;
const SPACES = /\s+/g;

/**
 * Characters that are not whitespace, as `s.replace(/\s+/g, '').length` counts them, without
 * building the string: JS \s is the Unicode White_Space set plus U+FEFF.
 */
export function nonSpaceLength(s: string): number {
  // Two calls into the regex engine, not a loop per character: most text nodes of a page
  // are indentation between tags, and a cold loop is slow on a page's first pass.
  return HAS_NON_SPACE.test(s) ? s.replace(SPACES, '').length : 0;
}
