import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findFigures, findFiguresOf } from '../../src/core/extract/figures';
import { isContentWord, termOf } from '../../src/core/text/terms';
import { tokenize } from '../../src/core/text/tokens';
import type { Figure } from '../../src/core/index/schema';

// findFigures as first written: the /iu pattern run over every text, every token after a
// figure read. The fast version (a quick test for texts that cannot hold a figure, the
// pattern without u when that cannot change a match) must find exactly the same figures.
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const CURRENCY: Record<string, string> = { $: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY' };
const CURRENCY_WORDS: Record<string, string> = { dollars: 'USD', dollar: 'USD', pounds: 'GBP', euros: 'EUR', euro: 'EUR' };
const UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade'];
const TIME_UNITS: Record<string, string> = Object.fromEntries(UNITS.flatMap((u) => [[u, u], [u + 's', u]]));
const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const FIGURE = new RegExp(
  String.raw`(?<cur>US\$|[$£€¥])\s?(?<cnum>${NUM})(?:\s?(?<cscale>thousand|million|billion|trillion|bn|mn|tn|[mbk])\b)?` +
    String.raw`|\b(?<article>an?)\s(?<aunit>second|minute|hour|day|week|month|year|decade)\b` +
    String.raw`|\b(?<num>${NUM}|${Object.keys(NUMBER_WORDS).join('|')})\b(?:[\s-](?<scale>thousand|million|billion|trillion|bn)\b)?(?:[\s-]?(?<unit>%|per cent\b|percent\b|dollars?\b|pounds\b|euros?\b|(?:second|minute|hour|day|week|month|year|decade)s?\b))?`,
  'giu',
);
const MEASURE_WORDS = new Set(['worth', 'value', 'total', 'in', 'of', 'more', 'additional', 'new', 'extra', 'further']);
const parseNumber = (s: string) => NUMBER_WORDS[s.toLowerCase()] ?? Number(s.replace(/,/g, ''));

function aboutAfter(text: string, end: number): string | null {
  const rest = text.slice(end, end + 80).replace(/\([^)]*\)/g, ' ');
  for (const t of tokenize(rest).slice(0, 5)) {
    if (/[.;:!?]/.test(t.gap)) return null;
    if (t.cap || t.acronym || MEASURE_WORDS.has(t.norm) || !isContentWord(t.norm)) continue;
    return termOf(t.norm);
  }
  return null;
}

function referenceFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const raw = m[0];
    const end = start + raw.length;
    let value: number;
    let unit: string;
    if (g.article) {
      value = 1;
      unit = TIME_UNITS[g.aunit.toLowerCase()];
    } else if (g.cur) {
      value = parseNumber(g.cnum) * (g.cscale ? SCALE[g.cscale.toLowerCase()] ?? 1 : 1);
      unit = CURRENCY[g.cur.replace('US', '')] ?? 'USD';
    } else {
      const isWord = /^\p{L}/u.test(g.num);
      value = parseNumber(g.num) * (g.scale ? SCALE[g.scale.toLowerCase()] ?? 1 : 1);
      const u = (g.unit ?? '').toLowerCase();
      if (['%', 'percent', 'per cent'].includes(u)) unit = 'percent';
      else if (CURRENCY_WORDS[u]) unit = CURRENCY_WORDS[u];
      else if (TIME_UNITS[u]) unit = TIME_UNITS[u];
      else {
        if (!isWord && /^\d{4}$/.test(g.num) && value >= 1800 && value <= 2100) continue;
        if (/\b(Article|No\.?|Section|Chapter|Phase|Round|Resolution)\s*$/i.test(text.slice(Math.max(0, start - 12), start))) continue;
        if (isWord && value === 1) continue;
        if (/^[\s]*[-–]?\s*(like|on|way)\b/i.test(text.slice(end, end + 8))) continue;
        unit = 'count';
      }
    }
    if (!Number.isFinite(value)) continue;
    if (text[start - 1] === '[' || text[end] === ']') continue;
    out.push({ text: raw, start, end, value, unit, about: aboutAfter(text, end) });
  }
  return out;
}

const pieces = [
  'a', 'an', ' ', 'A', 'An', 'hour', 'HOUR', 'days', 'day', 'ſ', '\u212a', 'week', 'wee\u212a', '$', 'US$', '£', '€', '¥', '90', '1,000',
  '3.5', ' billion', 'bn', 'm', 'k', '%', ' per cent', 'percent', '-', 'one', 'ONE', 'Seven', 'seventeen', 'twenty', '_', 'é', '\u00a0',
  '\n', '(', ')', '[', ']', 'Article ', 'No. ', '2022', 'like', 'way', 'on', ' dollars', 'pounds', 'minute', 'decade', 'ſeven', '😀',
  '’', ' troops', ' of', ' weapons', 'Ukraine',
];

describe('findFigures', () => {
  it('finds exactly what the /iu pattern over the whole text finds', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme' })), { maxLength: 16 }), fc.nat(50), (parts, offset) => {
        const text = parts.join('');
        const shifted = referenceFigures(text).map((f) => ({ ...f, start: f.start + offset, end: f.end + offset }));
        expect(findFigures(text, offset)).toEqual(shifted);
      }),
      { numRuns: 4000 },
    );
  });

  it('finds the same in texts made of number words, units and articles', () => {
    const words = [...Object.keys(NUMBER_WORDS), ...UNITS, ...UNITS.map((u) => u + 's'), 'a', 'an', 'An', 'A', 'Hour', 'WEEK', 'ſix', 'wee\u212a', '7', 'billion', 'percent', 'x'];
    const gaps = [' ', ' ', '-', '', '_', '.', ', ', '\u00a0', 'é'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { minLength: 1, maxLength: 6 }), (pairs) => {
        const text = pairs.map(([w, g]) => w + g).join('');
        expect(findFigures(text)).toEqual(referenceFigures(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads figures in ordinary news text', () => {
    const text = 'The $90 billion deal, two weeks and an hour later, sent 40-minute talks and 3,000 troops; 12% of seven days.';
    expect(findFigures(text)).toEqual(referenceFigures(text));
    expect(findFigures(text).map((f) => [f.value, f.unit])).toEqual([
      [9e10, 'USD'], [2, 'week'], [1, 'hour'], [40, 'minute'], [3000, 'count'], [12, 'percent'], [7, 'day'],
    ]);
  });
});

describe('findFiguresOf (the tokens tell whether to look)', () => {
  const pieces = [
    '$', '£', '€', '¥', 'US$', 'us$', '5', '12', '1,000', '3.5', ' ', '-', '_', '%', 'per cent', 'five', 'Five', 'FIVE', 'éfive',
    'fiveé', 'five_', '_five', 'an hour', 'a week', 'hours', 'twenty-two', 'million', 'bn', 'ſ', 'K', 'Article ', '[', ']', '(', ')',
    'one', 'dozen', 'decade', 'weapons', 'worth', '’s', "'", 'G7', '٣', 'x', 'The', '.', ', ',
  ];
  it('finds what the /iu pattern over the whole text finds, on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme' })), { maxLength: 25 }), fc.nat(50), (parts, offset) => {
        const text = parts.join('');
        const shifted = referenceFigures(text).map((f) => ({ ...f, start: f.start + offset, end: f.end + offset }));
        expect(findFiguresOf(text, offset, tokenize(text, offset))).toEqual(shifted);
      }),
      { numRuns: 3000 },
    );
  });
});
