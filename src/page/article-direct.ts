// The fast path's one walk: when the page declares its article container and scoring would
// take that container as it is (src/page/article-score.ts, explicit markup), its text is
// read in the same walk that measures what reading it needs. A container that turns out to
// be a list of links is dropped when the walk leaves it (the text goes back to where it
// stood before it), instead of measuring the whole subtree in a first pass and reading it
// in a second one. The text is the same as PageScan + buildText give for that root.
import { BLOCK_TAGS, countWords, ELEMENT_NODE, FURNITURE, isFurniture, nonSpaceLength, TEXT_NODE, tagOf, withSpecialAttributes } from './article-dom';
import { BLOCKING, classifier, isLeafy, NODES_PER_STEP, SKIP } from './article-scan';
import { CONTAINERS, isBoilerplateByName, isLinkHeavy, isSpaceOnly, TEXT_PER_STEP, TextBuilder, type Segment } from './article-text';
import type { Steps } from './slices';

const SPACES = /\s+/g;

/**
 * The text of `root`, one line per block, with its segments; null when the paragraphs
 * inside `root` (as PageScan counts them) come to fewer than `minWords` words.
 */
export function* directText(root: Element, minWords: number): Steps<{ text: string; segments: Segment[] } | null> {
  // one selector call over the container (tens of ms if it holds 200,000 nodes): a task of its own
  yield true;
  const special = withSpecialAttributes(root);
  const classify = classifier(special);
  yield true;
  const b = new TextBuilder();
  // Per open element (index = depth).
  const els: Element[] = [];
  const tags: string[] = [];
  const chars: number[] = [];
  const linked: number[] = [];
  const marks: (ReturnType<TextBuilder['checkpoint']> | null)[] = [];
  // Paragraph words, counted (as PageScan does) only until there are enough.
  let words = 0;
  let blockedAt = -1;
  let readingAt = -1;
  let reading: string[] = [];
  // Depth of the element whose text is not read (furniture, boilerplate by name); -1: none.
  let quietAt = -1;
  let pre = 0;
  let depth = -1;
  let steps = 0;

  const enter = (el: Element, tag: string, blocking: boolean): void => {
    const d = ++depth;
    els[d] = el;
    tags[d] = tag;
    chars[d] = 0;
    linked[d] = 0;
    marks[d] = null;
    if (words < minWords && blockedAt < 0) {
      if (blocking) blockedAt = d;
      else if (isLeafy(el, tag)) {
        blockedAt = readingAt = d;
        reading = [];
      }
    }
    if (quietAt >= 0) return;
    if (d > 0) {
      // (A role, the furniture attribute, puts an element in `special`: the others need no look.)
      if (FURNITURE.has(tag) || ((special ? special.has(el) : el.hasAttributes()) && isFurniture(el, tag)) || isBoilerplateByName(el, tag)) {
        quietAt = d;
        return;
      }
      if (CONTAINERS.has(tag)) marks[d] = b.checkpoint();
    }
    if (tag === 'br') b.breakBlock();
    else {
      if (BLOCK_TAGS.has(tag)) b.breakBlock();
      if (tag === 'pre') pre++;
    }
  };

  const leave = (): void => {
    const d = depth--;
    const el = els[d];
    const tag = tags[d];
    const c = chars[d];
    let l = linked[d];
    if (tag === 'a') l = (el.getAttribute('href') ?? '').startsWith('#') ? c * 0.3 : c;
    if (readingAt === d) {
      const text = reading.join('').replace(SPACES, ' ').trim();
      if (text.length >= 25) words += countWords(text);
      readingAt = -1;
      reading = [];
    }
    if (blockedAt === d) blockedAt = -1;
    if (d > 0) {
      chars[d - 1] += c;
      linked[d - 1] += l;
    }
    if (quietAt === d) quietAt = -1;
    else if (quietAt < 0 && tag !== 'br') {
      if (BLOCK_TAGS.has(tag)) b.breakBlock();
      if (tag === 'pre') pre--;
      const mark = marks[d];
      if (mark && isLinkHeavy(el, c ? Math.min(1, l / c) : 0)) b.restore(mark);
    }
    els[d] = null as unknown as Element; // let go of the node
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
        const t = n as Text;
        const data = t.data;
        if (readingAt >= 0) reading.push(data);
        if (pre === 0 && isSpaceOnly(data)) {
          // Indentation between tags (most text nodes): no characters, at most one space.
          if (quietAt < 0) b.addSpaceRun(t, data);
        } else {
          chars[depth] += nonSpaceLength(data);
          if (quietAt < 0) {
            const at = b.addText(t, pre > 0, 0, TEXT_PER_STEP);
            if (at < data.length) yield* b.addRest(t, pre > 0, at);
          }
        }
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
  if (words < minWords) return null;
  b.breakBlock();
  return b.finish();
}
