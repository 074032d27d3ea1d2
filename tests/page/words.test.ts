import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, hasWords, letterRuns, nonSpaceLength } from '../../src/page/article-dom';

// The scanners replace regexes that were slow on a page's first pass; they must count the same.
const WORDS = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const pieces = fc.constantFrom('’', '“', '—', '\u00b2', '\u00bd', '\u00aa', '\u00b5', '\u2070', '\u2071', 'a', 'Z', '9', 'é', 'ß', 'Ж', '中', '٣', '𝐀', '😀', "'", '’', '.', '-', ' ', '\u00a0', '\n', ',', '\ud800', '\u00ad', '\ufeff', '\u2003');
const text = fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }).map((a) => a.join(''));

describe('word and character counts', () => {
  it('countWords counts what the word regex matches', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(countWords(s)).toBe((s.match(WORDS) ?? []).length);
      }),
      { numRuns: 2000 },
    );
    expect(countWords("Zelensky's well-known 2.5 per-cent … rock’n’roll")).toBe(5);
  });

  it('letterRuns finds the runs of letters and digits', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(letterRuns(s)).toEqual(s.match(/[\p{L}\p{N}]+/gu) ?? []);
      }),
    );
  });

  it('knows every Latin-1, Latin Extended and General Punctuation character as the regex does', () => {
    // (These ranges are answered from a table, not the Unicode-property regex.)
    for (const [from, to] of [[0x80, 0x24f], [0x2000, 0x206f]]) {
      for (let cp = from; cp <= to; cp++) {
        const s = `a${String.fromCodePoint(cp)}b`;
        expect(letterRuns(s), `U+${cp.toString(16)}`).toEqual(s.match(/[\p{L}\p{N}]+/gu) ?? []);
      }
    }
  });

  it('hasWords agrees with countWords', () => {
    fc.assert(
      fc.property(text, fc.nat(12), (s, n) => {
        expect(hasWords(s, n)).toBe(countWords(s) >= n);
      }),
    );
  });

  it('nonSpaceLength counts what removing \\s leaves', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(nonSpaceLength(s)).toBe(s.replace(/\s+/g, '').length);
        const long = `${s}\u3000 \n`.repeat(12);
        expect(nonSpaceLength(long)).toBe(long.replace(/\s+/g, '').length);
      }),
      { numRuns: 2000 },
    );
  });
});
