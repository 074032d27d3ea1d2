import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitClauses, splitSentences, type Span } from '../../src/core/text/sentences';
import { isSpace, wordRuns } from '../../src/core/text/chars';

// The splitters as first written, a regular expression per character: the faster readers
// must cut exactly where these cut.
const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'prof', 'jr', 'sr', 'inc', 'ltd',
  'co', 'corp', 'vs', 'etc', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'approx', 'fig', 'mt', 'ft',
]);
function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}.]/u.test(text[j - 1])) j--;
  return text.slice(j, i).toLowerCase();
}
function referenceSentences(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  for (;;) {
    const nl = text.indexOf('\n', lineStart);
    referenceLine(text, lineStart, nl < 0 ? text.length : nl, out);
    if (nl < 0) return out;
    lineStart = nl + 1;
  }
}
function referenceLine(text: string, from: number, to: number, out: Span[]) {
  let start = from;
  let inQuote = false;
  let quoteOpenedAt = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '“' || (ch === '"' && !inQuote)) {
      inQuote = true;
      quoteOpenedAt = i;
      continue;
    }
    if (ch === '”' || (ch === '"' && inQuote)) {
      inQuote = false;
      continue;
    }
    if (inQuote && i - quoteOpenedAt > 600) inQuote = false;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    let closesQuote = false;
    while (j < to && /["”’')\]]/.test(text[j])) {
      if (text[j] === '”' || text[j] === '"') closesQuote = true;
      j++;
    }
    if (j < to && !/\s/.test(text[j])) continue;
    let k = j;
    while (k < to && /\s/.test(text[k])) k++;
    if (k >= to) continue;
    if (!/[\p{Lu}\p{N}"“‘'(\[–—-]/u.test(text[k])) continue;
    if (ch === '.') {
      const w = wordBefore(text, i);
      if (ABBREV.has(w.replace(/\.$/, '')) || /^\p{L}$/u.test(w) || /^(\p{L}\.)+\p{L}$/u.test(w)) continue;
    }
    if (inQuote && !closesQuote) continue;
    if (closesQuote) inQuote = false;
    const s = trimSpan(text, start, j);
    if (s) out.push(s);
    start = j;
  }
  const s = trimSpan(text, start, to);
  if (s) out.push(s);
}
const CLAUSE_BREAK = /(?:[;:]\s+|\s[—–]\s|[.!?]\s+(?=["“]?\p{Lu})|,\s+(?=(?:but|though|although|while|whereas|however|yet|and by|as opposed to)\b)|,\s+and\s+(?=(?:he|she|they|it|we|I)\b|\p{Lu}\p{Ll}+\s+\p{Ll})|,\s+(?=\p{Ll}{3,}ing\s+(?:a|an|the|that|his|her|their|its)\b)|,\s+(?=(?:who|which|where)\s))/gu;
function referenceClauses(text: string, span: Span, minWords = 4): Span[] {
  const s = text.slice(span.start, span.end);
  const cuts: number[] = [];
  for (const m of s.matchAll(CLAUSE_BREAK)) cuts.push((m.index ?? 0) + m[0].length);
  if (cuts.length === 0) return [span];
  const parts: Span[] = [];
  let prev = 0;
  for (const c of [...cuts, s.length]) {
    const words = s.slice(prev, c).split(/\s+/).filter(Boolean).length;
    if (words < minWords && parts.length > 0) parts[parts.length - 1].end = span.start + c;
    else parts.push({ start: span.start + prev, end: span.start + c });
    prev = c;
  }
  if (parts.length > 1) {
    const first = s.slice(parts[0].start - span.start, parts[0].end - span.start).split(/\s+/).filter(Boolean).length;
    if (first < minWords) {
      parts[1].start = parts[0].start;
      parts.shift();
    }
  }
  return parts.map((p) => trimSpan(text, p.start, p.end)).filter((p): p is Span => p !== null);
}

const pieces = [
  'a', 'Z', 'The', 'talks', 'he', 'It', 'walking', 'the', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '.', '. ', '!', '?',
  ',', ', ', ';', ':', ' — ', ' – ', '-', '—', '“', '”', '"', '‘', '’', "'", '(', ')', '[', ']', 'Mr.', 'Dr', 'U.S.', 'e.g.',
  'A.', 'x.y.z', '3.5', '12', 'İ', 'É', 'é', 'ß', '𝐀', '\ud800', '\udc00', 'Ж', ', but ', ', and he ', ', and Trump said ',
  ', which ', ', taking the ', ' as opposed to ', 'however', 'Trump said.', '“We will.” ', '.” Trump', ',” he said. ',
];
const texts = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 40 }).map((p) => p.join(''));

describe('splitSentences', () => {
  it('cuts where the regular-expression splitter cuts, on any text', () => {
    fc.assert(fc.property(texts, (text) => {
      expect(splitSentences(text)).toEqual(referenceSentences(text));
    }), { numRuns: 3000 });
  });

  it('keeps abbreviations, initials and quoted speech inside one sentence', () => {
    const text = 'Mr. Smith met U.S. envoys on Monday. “We talked. It went well,” he said. Then J. Doe left!';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Mr. Smith met U.S. envoys on Monday.',
      '“We talked. It went well,” he said.',
      'Then J. Doe left!',
    ]);
  });
});

describe('splitClauses', () => {
  it('cuts where the global-search splitter cuts, on any sentence', () => {
    fc.assert(
      fc.property(texts, fc.nat(6), fc.integer({ min: 1, max: 5 }), (text, pad, minWords) => {
        const padded = ' '.repeat(pad) + text;
        const span = { start: pad, end: padded.length };
        expect(splitClauses(padded, span, minWords)).toEqual(referenceClauses(padded, span, minWords));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts at a contrast and keeps short pieces with their neighbour', () => {
    const text = 'The talks were long, but the leaders agreed on a plan; yes, fine.';
    expect(splitClauses(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end))).toEqual([
      'The talks were long,',
      'but the leaders agreed on a plan; yes, fine.',
    ]);
  });
});

describe('character classes', () => {
  it('isSpace is /\\s/ for every code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('wordRuns counts what split(/\\s+/).filter(Boolean) counts', () => {
    fc.assert(fc.property(texts, (text) => {
      expect(wordRuns(text)).toBe(text.split(/\s+/).filter(Boolean).length);
    }), { numRuns: 1000 });
  });
});
