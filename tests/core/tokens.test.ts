import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countWords, fold, tokenize, type Token } from '../../src/core/text/tokens';

// The tokenizer as first written: one regular expression for words and per-word rules. The
// fast tokenizer must give exactly the same tokens for any text.
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*/gu;
const slowFold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’]/g, "'");
const WHOLE: Record<string, string[]> = Object.assign(Object.create(null), { "won't": ['will', 'not'], "can't": ['can', 'not'], "shan't": ['shall', 'not'], "ain't": ['is', 'not'] });
const ENDINGS: [string, string][] = [["n't", 'not'], ["'ll", 'will'], ["'re", 'are'], ["'ve", 'have'], ["'d", 'would'], ["'m", 'am']];

type Plain = Omit<Token, 'facts'>;
/** A token without the facts it carries about its word (checked on their own). */
const plain = ({ facts: _facts, ...rest }: Token): Plain => rest;

function referenceTokenize(text: string): Plain[] {
  const out: Plain[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const end = start + raw.length;
    const gap = text.slice(last, start);
    last = end;
    const letters = raw.replace(/[^\p{L}]/gu, '');
    const cap = /^\p{Lu}/u.test(raw);
    const acronym = letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
    let norm = slowFold(raw);
    if (raw.includes('.')) norm = norm.replace(/\./g, '');
    const base = { start, end, raw, cap, acronym, gap };
    if (WHOLE[norm]) {
      out.push({ ...base, norm: WHOLE[norm][0], possessive: false }, { ...base, norm: WHOLE[norm][1], possessive: false, gap: '' });
    } else if (norm.endsWith("'s") || norm.endsWith("'")) {
      const stem = norm.replace(/'s?$/, '');
      if (['it', 'that', 'there', 'he', 'she', 'what', 'who', 'here', 'let'].includes(stem)) {
        out.push({ ...base, norm: stem, possessive: false }, { ...base, norm: stem === 'let' ? 'us' : 'is', possessive: false, gap: '' });
      } else out.push({ ...base, norm: stem, possessive: true });
    } else {
      const suf = ENDINGS.find(([s]) => norm.endsWith(s) && norm.length > s.length);
      if (suf) out.push({ ...base, norm: norm.slice(0, -suf[0].length), possessive: false }, { ...base, norm: suf[1], possessive: false, gap: '' });
      else out.push({ ...base, norm, possessive: false });
    }
  }
  return out;
}

const pieces = [
  'a', 'Z', 'U', 'S', '.', "'", '’', "'s", '’s', "n't", '’ll', ' ', '-', '\n', '1', '9', ',', 'é', 'É', 'e\u0301', '\u0301', 'ß', 'ǅ',
  'İ', 'ﬁ', '😀', '𝐀', '\ud800', '\udc00', '²', '“', '”', '"', '(', 'won’t', "It's", "let's", 'A.', 'U.S.', 'Ж', 'ж', '١', 'ʼ',
  'rock’n’roll', 'O’Neill', 'NATO', 'Zelenskyy', '中文', '\u00ad', '\u200d', 'constructor', 'Constructor’s',
];

describe('tokenize', () => {
  it('gives the same tokens as the one-pattern tokenizer on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(tokenize(text).map(plain)).toEqual(referenceTokenize(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('adds an offset to every span and keeps the written text', () => {
    const text = 'Zelensky’s aide said: “We won’t sign.” The U.S. didn’t comment.';
    const start = text.indexOf('“');
    const slice = text.slice(start);
    const shifted = tokenize(slice, start);
    expect(shifted.map(plain)).toEqual(referenceTokenize(slice).map((t) => ({ ...t, start: t.start + start, end: t.end + start })));
    for (const t of shifted) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });

  it('reads a word the same the second time (cached) as the first', () => {
    const text = 'NATO’s chief, Mark Rutte, wasn’t there; NATO’s chief wasn’t there.';
    expect(tokenize(text)).toEqual(tokenize(text));
    expect(tokenize(text).map(plain)).toEqual(referenceTokenize(text));
  });

  it('reads words that name Object.prototype properties as ordinary words', () => {
    const norms = tokenize('The constructor’s toString valueOf __proto__').map((t) => t.norm);
    expect(norms).toEqual(['the', 'constructor', 'tostring', 'valueof', 'proto']);
  });

  it('folds like NFD without marks, lower case, straight apostrophes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom(...pieces)), (s) => {
        expect(fold(s)).toBe(slowFold(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('countWords', () => {
  // the count as first written: matches of one pattern
  const WORDS = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;
  const referenceCount = (text: string) => [...text.matchAll(WORDS)].length;
  const joints = ["'", '’', '.', ',', '-', '--', ',,', ' ', '‘', '\u0301', '_'];

  it('counts what the one-pattern count counts, on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces, ...joints), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(countWords(text)).toBe(referenceCount(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts joined words once', () => {
    expect(countWords('The U.S. talks, worth $1,000.50, didn’t end -- yet.')).toBe(8);
    expect(countWords('𝐀𝐁 and 中文 e\u0301')).toBe(4);
  });
});
