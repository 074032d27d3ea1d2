// Builds the analysed text from DOM subtrees, with a map back to the text nodes.
//
// Mapping rule: every segment is an exact copy, `text.slice(start, end) ===
// node.data.slice(nodeOffset, nodeOffset + end - start)`. Characters the builder makes up
// (the "\n" between blocks, the single space that stands for a run of whitespace other
// than one plain space) belong to no segment; dropped characters (soft hyphen, zero-width
// marks) split segments. A Range for text offsets [s, e) therefore starts in the first
// segment ending after s and ends in the last segment starting before e.
import { BLOCK_TAGS, childrenOf, isElement, isFurniture, isNegativeByName, isNeverText, isText, plainText, tagOf, countWords, type DomStats } from './article-dom';

export interface Segment {
  node: Text;
  start: number;
  end: number;
  nodeOffset: number;
}

// Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible inside words.
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/;
const WS = /[ \t\n\r\f\u00A0\u2000-\u200A\u202F\u205F\u3000]/;

class TextBuilder {
  // Pieces joined at the end: repeated `text +=` / `endsWith` on a growing string is
  // quadratic in V8 once the rope is flattened (seconds on a Wikipedia page).
  private parts: string[] = [];
  private length = 0;
  private last = '';
  segments: Segment[] = [];
  private pendingSpace = false;

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
    this.last = s[s.length - 1];
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

  private emitMapped(node: Text, offset: number, chunk: string): void {
    const start = this.length;
    this.push(chunk);
    const seg = this.segments[this.segments.length - 1];
    if (seg && seg.node === node && seg.end === start && seg.nodeOffset + (seg.end - seg.start) === offset) {
      seg.end += chunk.length;
    } else {
      this.segments.push({ node, start, end: this.length, nodeOffset: offset });
    }
  }

  /** Appends a text node, collapsing whitespace (or, in <pre>, keeping blank lines as breaks). */
  addText(node: Text, pre: boolean): void {
    const data = node.data;
    let i = 0;
    while (i < data.length) {
      const ch = data[i];
      if (WS.test(ch)) {
        let j = i;
        let newlines = 0;
        while (j < data.length && (WS.test(data[j]) || INVISIBLE.test(data[j]))) {
          if (data[j] === '\n') newlines++;
          j++;
        }
        if (pre && newlines >= 2) {
          this.breakBlock();
        } else if (!this.atLineStart() && this.last !== ' ') {
          // A single plain space maps to itself; anything else becomes an unmapped space.
          if (j - i === 1 && ch === ' ') this.emitMapped(node, i, ' ');
          else this.pendingSpace = true;
        }
        i = j;
        continue;
      }
      if (INVISIBLE.test(ch)) {
        i++;
        continue;
      }
      let j = i;
      while (j < data.length && !WS.test(data[j]) && !INVISIBLE.test(data[j])) j++;
      if (this.pendingSpace) {
        if (!this.atLineStart() && this.last !== ' ') this.push(' ');
        this.pendingSpace = false;
      }
      this.emitMapped(node, i, data.slice(i, j));
      i = j;
    }
  }

  finish(): { text: string; segments: Segment[] } {
    this.breakBlock();
    let text = this.parts.join('');
    if (text.endsWith('\n')) text = text.slice(0, -1);
    return { text, segments: this.segments };
  }
}

/** Boilerplate inside the article container: share bars, related-link lists, captions, ads. */
const CONTAINERS = new Set(['ul', 'ol', 'dl', 'div', 'section', 'table', 'header', 'aside']);

function isInnerBoilerplate(el: Element, stats: DomStats): boolean {
  const tag = tagOf(el);
  if (tag === 'figure' || tag === 'figcaption') return true;
  // Names only count on containers: inline links are often classed "meta-org" and the like.
  if (!CONTAINERS.has(tag)) return false;
  if (isNegativeByName(el)) return true;
  const ld = stats.linkDensity(el);
  // Lists of links ("Related", "More from"), or short link-heavy blocks.
  if (ld > 0.5) return true;
  if (ld > 0.25) {
    const text = plainText(el).replace(/\s+/g, ' ').trim();
    if (countWords(text) < 40 && !/[.!?]["”’)]?\s/.test(text + ' ')) return true;
  }
  return false;
}

/** Reads the text of the given roots, in document order, one line per block. */
export function buildText(roots: Element[], stats: DomStats | null): { text: string; segments: Segment[] } {
  const b = new TextBuilder();
  // Explicit stack: ['enter', node] visits; ['leave', el] closes a block.
  type Step = { node: Node; leave: boolean; pre: boolean };
  for (const root of roots) {
    const stack: Step[] = [{ node: root, leave: false, pre: false }];
    while (stack.length) {
      const { node, leave, pre } = stack.pop()!;
      if (isText(node)) {
        b.addText(node, pre);
        continue;
      }
      if (!isElement(node)) continue;
      const tag = tagOf(node);
      const block = BLOCK_TAGS.has(tag);
      if (leave) {
        if (block) b.breakBlock();
        continue;
      }
      if (node !== root && (isNeverText(node) || (stats !== null && (isFurniture(node) || isInnerBoilerplate(node, stats))))) continue;
      if (tag === 'br') {
        b.breakBlock();
        continue;
      }
      if (block) b.breakBlock();
      const inPre = pre || tag === 'pre';
      stack.push({ node, leave: true, pre: inPre });
      const kids = childrenOf(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], leave: false, pre: inPre });
    }
    b.breakBlock();
  }
  return b.finish();
}
