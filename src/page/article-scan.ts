// One pass over the page body that gathers everything article scoring needs: the
// paragraph-like blocks (outside furniture, hidden parts and unlikely containers), and for
// every element its text size, linked-text size and paragraph words. Asked for many nested
// containers, these would be quadratic to measure one by one on long pages (Wikipedia).
//
// The walk follows firstChild / nextSibling / parentNode (no child arrays, no recursion) and
// is a generator: it yields every few hundred nodes so a caller can cut it into time slices
// (src/page/slices.ts). Standard DOM only, so it also runs on a linkedom document in Node.
import { BLOCK_TAGS, countWords, FURNITURE, isElement, isFurniture, isHidden, isHidingClass, isNeverTextTag, isText, nonSpaceLength, withHidingAttributes, tagOf } from './article-dom';

export interface Paragraph {
  el: Element;
  text: string;
  words: number;
}

/** Nodes visited between two yields of a walk. */
export const NODES_PER_STEP = 256;

// Unlikely containers by name (Readability's list), unless the name also says "article".
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|recirc|most-?popular|outbrain|taboola/i;
const MAYBE = /and|article|body|column|content|main|shadow|story|entry|post/i;

// Pages repeat the same class names on many elements: the answer per class string (for
// elements without an id) is kept for the page's walk.
const unlikelyByClass = new Map<string, boolean>();

export function isUnlikely(el: Element, tag = tagOf(el)): boolean {
  if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return false;
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if (!cls && !id) return false;
  if (!id) {
    let v = unlikelyByClass.get(cls!);
    if (v === undefined) {
      v = UNLIKELY.test(cls!) && !MAYBE.test(cls!);
      if (unlikelyByClass.size > 5000) unlikelyByClass.clear();
      unlikelyByClass.set(cls!, v);
    }
    return v;
  }
  const s = `${cls ?? ''} ${id}`;
  return UNLIKELY.test(s) && !MAYBE.test(s);
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (isElement(c)) {
      const t = tagOf(c);
      if (t !== 'br' && BLOCK_TAGS.has(t)) return true;
    }
  }
  return false;
}

/** A paragraph-like block: <p>, <pre>, or a <div>/<td>/<section> without block children. */
function isLeafy(el: Element, tag: string): boolean {
  return tag === 'p' || tag === 'pre' || ((tag === 'div' || tag === 'td' || tag === 'section') && !hasBlockChild(el));
}

export class PageScan {
  readonly paragraphs: Paragraph[] = [];
  private readonly chars = new Map<Element, number>();
  private readonly linked = new Map<Element, number>();
  private readonly words = new Map<Element, number>();

  constructor(readonly root: Element) {}

  /** True for elements the walk measured: under the root and outside never-text parts. */
  measured(el: Element): boolean {
    return this.chars.has(el);
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

  /** Words of the paragraphs at or inside `el`. */
  paragraphWordsIn(el: Element): number {
    const w = this.words.get(el);
    if (w !== undefined) return w;
    // Outside the walked body (or in a never-text part, where no paragraph is).
    let n = 0;
    for (const p of this.paragraphs) if (el === p.el || el.contains(p.el)) n += p.words;
    return n;
  }

  get totalParagraphWords(): number {
    return this.paragraphs.reduce((n, p) => n + p.words, 0);
  }

  /** Walks the root's subtree; yields every NODES_PER_STEP nodes. */
  *walk(): Generator<void, void, void> {
    const root = this.root;
    // Per open element (index = depth): text size, linked size, paragraph words.
    const open: Element[] = [];
    const tags: string[] = [];
    const hidingAttributes = withHidingAttributes(root);
    const hidden = (el: Element): boolean => {
      if (!el.hasAttributes()) return false;
      if (hidingAttributes === null || hidingAttributes.has(el)) return isHidden(el);
      const cls = el.getAttribute('class');
      return !!cls && isHidingClass(cls);
    };
    const cs: number[] = [];
    const ls: number[] = [];
    const ws: number[] = [];
    // Depth of the element that stops paragraph collection in its subtree (furniture,
    // unlikely, or a paragraph being read), and of the paragraph being read; -1 for none.
    let blockedAt = -1;
    let readingAt = -1;
    let reading: string[] = [];
    let steps = 0;

    const enter = (el: Element, tag: string) => {
      const d = open.length;
      open.push(el);
      tags.push(tag);
      cs.push(0);
      ls.push(0);
      ws.push(0);
      if (blockedAt >= 0) return;
      // (No attributes: no role, class or id to look at.)
      if (el !== root && (el.hasAttributes() ? isFurniture(el, tag) || isUnlikely(el, tag) : FURNITURE.has(tag))) {
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
        const text = reading.join('').replace(/\s+/g, ' ').trim();
        if (text.length >= 25) {
          const words = countWords(text);
          this.paragraphs.push({ el, text, words });
          w += words;
        }
        readingAt = -1;
        reading = [];
      }
      if (blockedAt === d) blockedAt = -1;
      this.chars.set(el, c);
      this.linked.set(el, l);
      this.words.set(el, w);
      if (d > 0) {
        cs[d - 1] += c;
        ls[d - 1] += l;
        ws[d - 1] += w;
      }
    };

    enter(root, tagOf(root));
    let cur: Node = root;
    let next: Node | null = root.firstChild;
    for (;;) {
      if (++steps >= NODES_PER_STEP) {
        steps = 0;
        yield;
      }
      if (next) {
        const n: Node = next;
        if (isText(n)) {
          const data = n.data;
          cs[cs.length - 1] += nonSpaceLength(data);
          if (readingAt >= 0) reading.push(data);
          next = n.nextSibling;
        } else if (isElement(n)) {
          const tag = tagOf(n);
          if (isNeverTextTag(tag) || hidden(n)) next = n.nextSibling;
          else {
            enter(n, tag);
            cur = n;
            next = n.firstChild;
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
