import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextBuilder } from '../../src/page/article-text';

// Pieces that exercise every class of the builder: words, single and double spaces, other
// whitespace, no-break spaces, invisible marks.
const PIECES = ['word', 'Zelen', 'é', '.', ' ', '  ', '\n', '\t', '\u00a0', '\u00ad', '\u200b', ' x ', 'a b c', '\u2003', '\u3000', '\r\n  '];
const textNode = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((xs) => xs.join(''));
const input = fc.array(fc.oneof(textNode, fc.constant(null)), { maxLength: 12 }); // null: a block break

function build(items: (string | null)[], slow: boolean, checkpointAt = -1) {
  const b = new TextBuilder();
  let mark: ReturnType<TextBuilder['checkpoint']> | null = null;
  items.forEach((data, k) => {
    if (k === checkpointAt) mark = b.checkpoint();
    if (data === null) return b.breakBlock();
    const node = { data, length: data.length } as unknown as Text;
    // The run-by-run path: a first call that stops before the end, then the rest.
    if (slow && data.length > 1) {
      const at = b.addText(node, false, 0, data.length - 1);
      if (at < data.length) b.addText(node, false, at);
    } else b.addText(node, false);
  });
  if (mark) b.restore(mark);
  const out = b.finish();
  return { text: out.text, segments: out.segments.map((s) => [s.start, s.end, s.nodeOffset, s.node.data]) };
}

describe('TextBuilder', () => {
  it('reads a text node of words and single spaces in one step exactly as run by run', () => {
    fc.assert(fc.property(input, (items) => {
      expect(build(items, false)).toEqual(build(items, true));
    }), { numRuns: 500 });
  });

  it('goes back to a checkpoint as if nothing had been added after it', () => {
    fc.assert(
      fc.property(input, fc.nat(12), (items, at) => {
        const cut = Math.min(at, items.length);
        expect(build(items, false, cut)).toEqual(build(items.slice(0, cut), false));
      }),
      { numRuns: 500 },
    );
  });
});
