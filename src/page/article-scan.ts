// One pass over the page body that gathers everything article scoring needs: the
// paragraph-like blocks (outside furniture, hidden parts and unlikely containers), and for
// every element its text size, linked-text size and paragraph words. Asked for many nested
// containers, these would be quadratic to measure one by one on long pages (Wikipedia).
//
// The walk follows firstChild / nextSibling / parentNode (no child arrays, no recursion) and
// is a generator: it yields every NODES_PER_STEP nodes so a caller can cut it into time slices
// (src/page/slices.ts). Standard DOM only, so it also runs on a linkedom document in Node.
import type { Steps } from './slices';
import { BLOCK_TAGS, countWords, ELEMENT_NODE, FURNITURE, isFurniture, isHidden, isHidingClass, isNeverTextTag, nonSpaceLength, TEXT_NODE, withSpecialAttributes, tagOf } from './article-dom';

export interface Paragraph {
  el: Element;
  text: string;
  words: number;
}

export const SKIP = 0;
export const OPEN = 1;
export const BLOCKING = 2;

const SPACES = /\s+/g;

/** Nodes visited between two yields of a walk. */
export const NODES_PER_STEP = 64;

// Unlikely containers by name (Readability's list), unless the name also says "article".
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|recirc|most-?popular|outbrain|taboola/i;
const MAYBE = /and|article|body|column|content|main|shadow|story|entry|post/i;

export function isUnlikely(el: Element, tag = tagOf(el)): boolean {
  if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return false;
  const s = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return UNLIKELY.test(s) && !MAYBE.test(s);
}

// What a class string says, kept per string: pages repeat the same class names on many
// elements, and two regexes per element were a good part of a long page's walk.
const HIDING_CLASS = 1;
const UNLIKELY_NAME = 2;
const MAYBE_NAME = 4;
const classBits = new Map<string, number>();

function bitsOfClass(cls: string): number {
  let bits = classBits.get(cls);
  if (bits === undefined) {
    bits = (isHidingClass(cls) ? HIDING_CLASS : 0) | (UNLIKELY.test(cls) ? UNLIKELY_NAME : 0) | (MAYBE.test(cls) ? MAYBE_NAME : 0);
    if (classBits.size > 5000) classBits.clear();
    classBits.set(cls, bits);
  }
  return bits;
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const t = tagOf(c);
    if (t !== 'br' && BLOCK_TAGS.has(t)) return true;
  }
  return false;
}

/** A paragraph-like block: <p>, <pre>, or a <div>/<td>/<section> without block children. */
export function isLeafy(el: Element, tag: string): boolean {
  return tag === 'p' || tag === 'pre' || ((tag === 'div' || tag === 'td' || tag === 'section') && !hasBlockChild(el));
}

/**
 * What the walk does with an element: SKIP (never text, hidden), OPEN, or BLOCKING
 * (furniture / unlikely: measured, but no paragraphs inside). `special` holds the
 * elements with an attribute that can hide them or make them furniture
 * (withSpecialAttributes; null: check every element); `blocked`: inside a BLOCKING one.
 */
export function classifier(special: Set<Element> | null): (el: Element, tag: string, blocked: boolean) => number {
  return (el, tag, blocked) => {
    if (isNeverTextTag(tag)) return SKIP;
    if (!el.hasAttributes()) return !blocked && FURNITURE.has(tag) ? BLOCKING : OPEN;
    const cls = el.getAttribute('class');
    const bits = cls ? bitsOfClass(cls) : 0;
    const isSpecial = special === null || special.has(el);
    if (isSpecial ? isHidden(el) : bits & HIDING_CLASS) return SKIP;
    if (blocked) return OPEN;
    if (isSpecial ? isFurniture(el, tag) : FURNITURE.has(tag)) return BLOCKING;
    if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return OPEN;
    // isUnlikely: unlikely by class or id, and neither says "article" and the like (no
    // name in either list holds a space, so testing each equals testing "class id").
    if (bits & MAYBE_NAME) return OPEN;
    const id = el.getAttribute('id');
    if (!id) return bits & UNLIKELY_NAME ? BLOCKING : OPEN;
    return (bits & UNLIKELY_NAME || UNLIKELY.test(id)) && !MAYBE.test(id) ? BLOCKING : OPEN;
  };
}

export class PageScan {
  readonly paragraphs: Paragraph[] = [];
  // Per measured element (by index): text size, linked-text size, paragraph words.
  private readonly index = new Map<Element, number>();
  private readonly chars: number[] = [];
  private readonly linked: number[] = [];
  private readonly words: number[] = [];

  constructor(readonly root: Element) {}

  /** True for elements the walk measured: under the root and outside never-text parts. */
  measured(el: Element): boolean {
    return this.index.has(el);
  }

  textChars(el: Element): number {
    const i = this.index.get(el);
    return i === undefined ? 0 : this.chars[i];
  }

  /** Share of text that sits inside links (0..1). */
  linkDensity(el: Element): number {
    const i = this.index.get(el);
    if (i === undefined || !this.chars[i]) return 0;
    return Math.min(1, this.linked[i] / this.chars[i]);
  }

  /** Words of the paragraphs at or inside `el`. */
  paragraphWordsIn(el: Element): number {
    const i = this.index.get(el);
    if (i !== undefined) return this.words[i];
    // Outside the walked body (or in a never-text part, where no paragraph is).
    let n = 0;
    for (const p of this.paragraphs) if (el === p.el || el.contains(p.el)) n += p.words;
    return n;
  }

  get totalParagraphWords(): number {
    return this.paragraphs.reduce((n, p) => n + p.words, 0);
  }

  /** Walks the root's subtree; yields every NODES_PER_STEP nodes. */
  *walk(): Steps<void> {
    const root = this.root;
    // Per open element (index = depth): text size, linked size, paragraph words.
    const open: Element[] = [];
    const tags: string[] = [];
    // Elements with an attribute besides class/id that can hide them or make them furniture.
    // one selector call over the whole page (tens of ms on 200,000 nodes): a task of its own
    yield true;
    const special = withSpecialAttributes(root);
    yield true;
    const classify = classifier(special);
    const cs: number[] = [];
    const ls: number[] = [];
    const ws: number[] = [];
    // Depth of the element that stops paragraph collection in its subtree (furniture,
    // unlikely, or a paragraph being read), and of the paragraph being read; -1 for none.
    let blockedAt = -1;
    let readingAt = -1;
    let reading: string[] = [];
    let steps = 0;

    const enter = (el: Element, tag: string, blocking: boolean) => {
      const d = open.length;
      open.push(el);
      tags.push(tag);
      cs.push(0);
      ls.push(0);
      ws.push(0);
      if (blockedAt >= 0) return;
      if (blocking) {
        blockedAt = d;
        return;
      }
      if (isLeafy(el, tag)) {
        blockedAt = readingAt = d;
        reading = [];
      }
    };

    const leave = () => {
      const d = open.length - 1;
      const el = open.pop()!;
      const tag = tags.pop()!;
      const c = cs.pop()!;
      let l = ls.pop()!;
      let w = ws.pop()!;
      if (tag === 'a') {
        // In-page anchors (footnotes, "#section") weigh less, as in Readability.
        l = (el.getAttribute('href') ?? '').startsWith('#') ? c * 0.3 : c;
      }
      if (readingAt === d) {
        const text = (reading.length === 1 ? reading[0] : reading.join('')).replace(SPACES, ' ').trim();
        if (text.length >= 25) {
          const words = countWords(text);
          this.paragraphs.push({ el, text, words });
          w += words;
        }
        readingAt = -1;
        reading = [];
      }
      if (blockedAt === d) blockedAt = -1;
      this.index.set(el, this.chars.length);
      this.chars.push(c);
      this.linked.push(l);
      this.words.push(w);
      if (d > 0) {
        cs[d - 1] += c;
        ls[d - 1] += l;
        ws[d - 1] += w;
      }
    };

    enter(root, tagOf(root), false);
    let cur: Node = root;
    let next: Node | null = root.firstChild;
    for (;;) {
      if (++steps >= NODES_PER_STEP) {
        steps = 0;
        yield;
      }
      if (next) {
        const n: Node = next;
        const type = n.nodeType; // read once: every DOM property read is a call into the browser
        if (type === TEXT_NODE) {
          const data = (n as Text).data;
          cs[cs.length - 1] += nonSpaceLength(data);
          if (readingAt >= 0) reading.push(data);
          next = n.nextSibling;
        } else if (type === ELEMENT_NODE) {
          const el = n as Element;
          const tag = tagOf(el);
          const kind = classify(el, tag, blockedAt >= 0);
          if (kind === SKIP) next = el.nextSibling;
          else {
            enter(el, tag, kind === BLOCKING);
            cur = el;
            next = el.firstChild;
          }
        } else next = n.nextSibling;
      } else {
        leave();
        if (cur === root) break;
        next = cur.nextSibling;
        cur = cur.parentNode as Node;
      }
    }
  }
}
