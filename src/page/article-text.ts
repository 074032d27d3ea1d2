// Builds the analysed text from DOM subtrees, with a map back to the text nodes.
//
// Mapping rule: every segment is an exact copy, `text.slice(start, end) ===
// node.data.slice(nodeOffset, nodeOffset + end - start)`. Characters the builder makes up
// (the "\n" between blocks, the single space that stands for a run of whitespace other
// than one plain space) belong to no segment; dropped characters (soft hyphen, zero-width
// marks) split segments. A Range for text offsets [s, e) therefore starts in the first
// segment ending after s and ends in the last segment starting before e.
import type { Steps } from './slices';
import { BLOCK_TAGS, eachText, ELEMENT_NODE, FURNITURE, TEXT_NODE, isFurniture, isNegativeByName, isNeverText, tagOf, countWords } from './article-dom';
import { NODES_PER_STEP, type PageScan } from './article-scan';

export interface Segment {
  node: Text;
  start: number;
  end: number;
  nodeOffset: number;
}

// Character classes of the builder: whitespace (collapsed) and invisible marks (soft hyphen,
// zero-width space/joiners, word joiner, BOM: dropped inside words). Tested by char code:
// a regex test per character was most of the time on long pages.
const NORMAL = 0;
const SPACE = 1;
const INVISIBLE = 2;

function charClass(c: number): number {
  if (c > 0x20 && c < 0xa0) return NORMAL;
  if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0) return SPACE;
  if (c < 0x2000) return c === 0xad ? INVISIBLE : NORMAL;
  if (c <= 0x200a || c === 0x202f || c === 0x205f || c === 0x3000) return SPACE;
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) return INVISIBLE;
  return NORMAL;
}

// Runs of each kind, found by the regex engine (one native call per run, not per character:
// pages carry long runs of indentation whitespace).
const SEPARATOR_RUN = /[ \t\n\r\f\u00a0\u00ad\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]+/y;
const TEXT_RUN = /[^ \t\n\r\f\u00a0\u00ad\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]+/y;

/** Any character but words and single plain spaces: other whitespace, invisible marks, two spaces. */
const SPECIAL = /[\t\n\r\f\u00a0\u00ad\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]| {2}/;
/** The same, searched for from a position (lastIndex). */
const NEXT_SPECIAL = new RegExp(SPECIAL.source, 'g');

/**
 * Where the words and single plain spaces from `from` (a word character) end: at the next
 * special character, less a plain space just before it (that space belongs to the
 * whitespace run that follows), or at the end of `data`.
 */
function plainStretchEnd(data: string, from: number): number {
  NEXT_SPECIAL.lastIndex = from;
  const m = NEXT_SPECIAL.exec(data);
  if (!m) return data.length;
  return data.charCodeAt(m.index - 1) === 0x20 ? m.index - 1 : m.index;
}

/** Whitespace the builder collapses, and nothing else (SPACE characters only). */
const SPACE_ONLY = /^[ \t\n\r\f\u00a0\u2000-\u200a\u202f\u205f\u3000]+$/;

/**
 * True when `data` is whitespace only, as the indentation between tags is (most text nodes
 * of a page): it adds no characters to the text, and nonSpaceLength() of it is 0.
 */
export function isSpaceOnly(data: string): boolean {
  return data.length > 0 && charClass(data.charCodeAt(0)) === SPACE && SPACE_ONLY.test(data);
}

function runEnd(re: RegExp, data: string, from: number): number {
  re.lastIndex = from;
  return re.test(data) ? re.lastIndex : from;
}

export class TextBuilder {
  // Pieces joined at the end: repeated `text +=` / `endsWith` on a growing string is
  // quadratic in V8 once the rope is flattened (seconds on a Wikipedia page).
  private parts: string[] = [];
  private length = 0;
  private last = '';
  segments: Segment[] = [];
  private pendingSpace = false;
  // The mapped run not yet copied into `parts`: node.data[runStart, runEnd).
  private runNode: Text | null = null;
  private runStart = 0;
  private runEnd = 0;

  private flushRun(): void {
    if (!this.runNode) return;
    this.parts.push(this.runNode.data.slice(this.runStart, this.runEnd));
    this.runNode = null;
  }

  private push(s: string): void {
    this.flushRun();
    this.parts.push(s);
    this.length += s.length;
    this.last = s[s.length - 1];
  }

  /** Where the text stands now, to go back to with restore() (dropping what came after). */
  checkpoint(): Checkpoint {
    const lastSeg = this.segments[this.segments.length - 1];
    return {
      parts: this.parts.length,
      lastPart: this.parts[this.parts.length - 1],
      length: this.length,
      last: this.last,
      segments: this.segments.length,
      lastSeg,
      lastSegEnd: lastSeg ? lastSeg.end : 0,
      pendingSpace: this.pendingSpace,
      runNode: this.runNode,
      runStart: this.runStart,
      runEnd: this.runEnd,
    };
  }

  /**
   * Back to a checkpoint, as if nothing had been added since. Only the last part and the
   * last segment from before it can have changed since (a trimmed trailing space, a
   * segment or run grown in place); everything after it is dropped.
   */
  restore(c: Checkpoint): void {
    this.parts.length = Math.max(0, c.parts - 1);
    if (c.parts > 0) this.parts.push(c.lastPart);
    this.segments.length = Math.max(0, c.segments - 1);
    if (c.lastSeg) {
      // (trimming a trailing space may have shortened or dropped it)
      c.lastSeg.end = c.lastSegEnd;
      this.segments.push(c.lastSeg);
    }
    this.length = c.length;
    this.last = c.last;
    this.pendingSpace = c.pendingSpace;
    this.runNode = c.runNode;
    this.runStart = c.runStart;
    this.runEnd = c.runEnd;
  }

  /** Starts a new block: the next text goes on a new line. */
  breakBlock(): void {
    this.pendingSpace = false;
    this.trimTrailingSpace();
    if (this.length && this.last !== '\n') this.push('\n');
  }

  private atLineStart(): boolean {
    return this.length === 0 || this.last === '\n';
  }

  private trimTrailingSpace(): void {
    if (this.last !== ' ') return;
    this.flushRun();
    const top = this.parts.pop()!.slice(0, -1);
    this.length -= 1;
    if (top) this.parts.push(top);
    const prev = this.parts[this.parts.length - 1];
    this.last = prev ? prev[prev.length - 1] : '';
    const seg = this.segments[this.segments.length - 1];
    if (seg && seg.end > this.length) {
      seg.end = this.length;
      if (seg.end <= seg.start) this.segments.pop();
    }
  }

  /** node.data[offset, offset + len) copied as is; `lastChar` is its last character. */
  private emitMapped(node: Text, offset: number, len: number, lastChar: string): void {
    const start = this.length;
    if (this.runNode === node && this.runEnd === offset) this.runEnd += len;
    else {
      this.flushRun();
      this.runNode = node;
      this.runStart = offset;
      this.runEnd = offset + len;
    }
    this.length += len;
    this.last = lastChar;
    const seg = this.segments[this.segments.length - 1];
    if (seg && seg.node === node && seg.end === start && seg.nodeOffset + (seg.end - seg.start) === offset) {
      seg.end += len;
    } else {
      this.segments.push({ node, start, end: this.length, nodeOffset: offset });
    }
  }

  /**
   * The rest of a text node that addText(node, pre, 0, TEXT_PER_STEP) stopped in at `at`
   * (a log, a data dump), a piece per step: one node is never one long task.
   */
  *addRest(node: Text, pre: boolean, at: number): Steps<void> {
    while (at < node.length) {
      yield;
      at = this.addText(node, pre, at, at + TEXT_PER_STEP);
    }
  }

  /**
   * Appends a text node, collapsing whitespace (or, in <pre>, keeping blank lines as
   * breaks). Adds the node's text from `from`, stopping at the first run boundary at or after
   * `until`; returns where it stopped (the text's length when done). A long text node is
   * read in pieces, so one node is never one long task.
   */
  addText(node: Text, pre: boolean, from = 0, until = Infinity): number {
    const data = node.data;
    const n = data.length;
    let i = from;
    // Whitespace only (indentation between tags): the one run the loop below would see.
    if (from === 0 && n <= until && !pre && isSpaceOnly(data)) {
      this.addSpaceRun(node, data);
      return n;
    }
    // Most text nodes are words and single plain spaces: all of it is copied as it is (but
    // for a leading space at a line start or after a space), in one step, not run by run.
    if (from === 0 && n <= until && !pre && n > 0 && !SPECIAL.test(data)) {
      if (data.charCodeAt(0) === 0x20) {
        if (this.atLineStart() || this.last === ' ') {
          if (n === 1) return n;
          i = 1;
        }
        // A word follows the space: no made-up space goes before it.
        if (n > 1) this.pendingSpace = false;
      } else if (this.pendingSpace) {
        if (!this.atLineStart() && this.last !== ' ') this.push(' ');
        this.pendingSpace = false;
      }
      this.emitMapped(node, i, n - i, data[n - 1]);
      return n;
    }
    while (i < n && i < until) {
      const code = data.charCodeAt(i);
      const cls = charClass(code);
      if (cls === SPACE) {
        const j = runEnd(SEPARATOR_RUN, data, i);
        let newlines = 0;
        if (pre) for (let k = i; k < j && newlines < 2; k++) if (data.charCodeAt(k) === 0x0a) newlines++;
        if (pre && newlines >= 2) {
          this.breakBlock();
        } else if (!this.atLineStart() && this.last !== ' ') {
          // A single plain space maps to itself; anything else becomes an unmapped space.
          if (j - i === 1 && code === 0x20) this.emitMapped(node, i, 1, ' ');
          else this.pendingSpace = true;
        }
        i = j;
        continue;
      }
      if (cls === INVISIBLE) {
        i++;
        continue;
      }
      // Words and the single plain spaces between them, up to the next special character,
      // map one to one: one copy, not one per word (most words of a news page sit in text
      // nodes that hold a special character somewhere). A node longer than this step's
      // share goes word by word, so no search scans past the share.
      const j = n <= until ? plainStretchEnd(data, i) : runEnd(TEXT_RUN, data, i);
      if (this.pendingSpace) {
        if (!this.atLineStart() && this.last !== ' ') this.push(' ');
        this.pendingSpace = false;
      }
      this.emitMapped(node, i, j - i, data[j - 1]);
      i = j;
    }
    return i;
  }

  /** A text node that isSpaceOnly(), outside <pre>: one space at most (as addText reads it). */
  addSpaceRun(node: Text, data: string): void {
    if (this.atLineStart() || this.last === ' ') return;
    // A single plain space maps to itself; anything else becomes an unmapped space.
    if (data.length === 1 && data.charCodeAt(0) === 0x20) this.emitMapped(node, 0, 1, ' ');
    else this.pendingSpace = true;
  }

  finish(): { text: string; segments: Segment[] } {
    this.breakBlock();
    this.flushRun();
    let text = this.parts.join('');
    if (text.endsWith('\n')) text = text.slice(0, -1);
    return { text, segments: this.segments };
  }
}

interface Checkpoint {
  parts: number;
  lastPart: string;
  length: number;
  last: string;
  segments: number;
  lastSeg: Segment | undefined;
  lastSegEnd: number;
  pendingSpace: boolean;
  runNode: Text | null;
  runStart: number;
  runEnd: number;
}

/** Boilerplate inside the article container: share bars, related-link lists, captions, ads. */
export const CONTAINERS = new Set(['ul', 'ol', 'dl', 'div', 'section', 'table', 'header', 'aside']);

/** Boilerplate by tag or name alone: figures and captions; containers named like a share bar. */
export function isBoilerplateByName(el: Element, tag: string): boolean {
  if (tag === 'figure' || tag === 'figcaption') return true;
  // Names only count on containers: inline links are often classed "meta-org" and the like.
  return CONTAINERS.has(tag) && el.hasAttributes() && isNegativeByName(el);
}

/** A container whose text is mostly links: "Related", "More from", or short link-heavy blocks. */
export function isLinkHeavy(el: Element, ld: number): boolean {
  if (ld > 0.5) return true;
  if (ld > 0.25) return isShortWithoutSentence(el);
  return false;
}

const SHORT_WORDS = 40;
const SENTENCE_END = /[.!?]["”’)]?\s/;

/**
 * Under SHORT_WORDS words and no sentence end in the element's text. Reads the text in
 * growing pieces and stops as soon as the answer is no: a prefix's words are words of
 * the whole text, and a sentence end inside it stays one (these link-heavy containers are
 * often whole navigation boxes, long to read in full).
 */
function isShortWithoutSentence(el: Element): boolean {
  const parts: string[] = [];
  let chars = 0;
  let checkAt = 512;
  const enough = () => {
    const text = parts.join('').replace(/\s+/g, ' ').trim();
    return countWords(text) >= SHORT_WORDS || SENTENCE_END.test(text);
  };
  let long = false;
  eachText(el, (data) => {
    parts.push(data);
    chars += data.length;
    if (chars < checkAt) return true;
    if (enough()) {
      long = true;
      return false;
    }
    checkAt *= 2;
    return true;
  });
  if (long) return false;
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return countWords(text) < SHORT_WORDS && !SENTENCE_END.test(text + ' ');
}

/** Characters of one text node read in one step (about a millisecond's work). */
export const TEXT_PER_STEP = 16_384;

/** Skipped wherever it is below a root: never text, furniture, boilerplate. */
function isSkipped(el: Element, tag: string, stats: PageScan): boolean {
  // Elements the scan measured are known not to be never-text.
  if (!stats.measured(el) && isNeverText(el)) return true;
  // isFurniture, then isInnerBoilerplate, asking the DOM for attributes once.
  if (FURNITURE.has(tag) || tag === 'figure' || tag === 'figcaption') return true;
  const attrs = el.hasAttributes();
  if (attrs && isFurniture(el, tag)) return true;
  if (!CONTAINERS.has(tag)) return false;
  if (attrs && isNegativeByName(el)) return true;
  return isLinkHeavy(el, stats.linkDensity(el));
}

/**
 * Reads the text of the given roots, in document order, one line per block. A generator
 * that yields every NODES_PER_STEP nodes (src/page/slices.ts runs it whole or in slices).
 */
export function* buildText(roots: Element[], stats: PageScan): Steps<{ text: string; segments: Segment[] }> {
  const b = new TextBuilder();
  let steps = 0;
  for (const root of roots) {
    let pre = 0;
    const rootTag = tagOf(root);
    if (rootTag === 'br') {
      b.breakBlock();
      b.breakBlock();
      continue;
    }
    if (BLOCK_TAGS.has(rootTag)) b.breakBlock();
    if (rootTag === 'pre') pre++;
    let cur: Node = root;
    let next: Node | null = root.firstChild;
    for (;;) {
      if (++steps >= NODES_PER_STEP) {
        steps = 0;
        yield;
      }
      if (next) {
        const n: Node = next;
        next = n.nextSibling;
        const type = n.nodeType; // read once: every DOM property read is a call into the browser
        if (type === TEXT_NODE) {
          const at = b.addText(n as Text, pre > 0, 0, TEXT_PER_STEP);
          if (at < (n as Text).length) yield* b.addRest(n as Text, pre > 0, at);
        }
        else if (type === ELEMENT_NODE) {
          const el = n as Element;
          const tag = tagOf(el);
          if (isSkipped(el, tag, stats)) continue;
          if (tag === 'br') b.breakBlock();
          else {
            if (BLOCK_TAGS.has(tag)) b.breakBlock();
            if (tag === 'pre') pre++;
            cur = n;
            next = n.firstChild;
          }
        }
      } else {
        // All children of `cur` done: close it.
        const tag = tagOf(cur as Element);
        if (BLOCK_TAGS.has(tag)) b.breakBlock();
        if (tag === 'pre') pre--;
        if (cur === root) break;
        next = cur.nextSibling;
        cur = cur.parentNode as Node;
      }
    }
    b.breakBlock();
  }
  return b.finish();
}
