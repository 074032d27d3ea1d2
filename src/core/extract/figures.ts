// Figures with their units, normalised: "$90 billion" -> 9e10 USD, "£67bn" -> 6.7e10 GBP,
// "40-minute" -> 40 minute, "six" -> 6 count, "10 days" -> 10 day.
import type { Figure } from '../index/schema';
import { tokenize, type Token } from '../text/tokens';
import { FIGURE_HINT } from '../text/words';
import { isContentWord, termOf } from '../text/terms';
import { mayHoldFigure, NUMBER_WORDS } from '../text/figure-words';

const SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};
const CURRENCY: Record<string, string> = { $: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY' };
const CURRENCY_WORDS: Record<string, string> = { dollars: 'USD', dollar: 'USD', pounds: 'GBP', euros: 'EUR', euro: 'EUR' };
const TIME_UNITS: Record<string, string> = {
  second: 'second', seconds: 'second', minute: 'minute', minutes: 'minute', hour: 'hour', hours: 'hour', day: 'day',
  days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
  decade: 'decade', decades: 'decade',
};
const PERCENT = new Set(['%', 'percent', 'per cent']);

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const WORDNUM = Object.keys(NUMBER_WORDS).join('|');
const FIGURE_SOURCE =
  String.raw`(?<cur>US\$|[$£€¥])\s?(?<cnum>${NUM})(?:\s?(?<cscale>thousand|million|billion|trillion|bn|mn|tn|[mbk])\b)?` +
    String.raw`|\b(?<article>an?)\s(?<aunit>second|minute|hour|day|week|month|year|decade)\b` +
    String.raw`|\b(?<num>${NUM}|${WORDNUM})\b(?:[\s-](?<scale>thousand|million|billion|trillion|bn)\b)?(?:[\s-]?(?<unit>%|per cent\b|percent\b|dollars?\b|pounds\b|euros?\b|(?:second|minute|hour|day|week|month|year|decade)s?\b))?`;
const FIGURE = new RegExp(FIGURE_SOURCE, 'giu');
/**
 * The same pattern without the u flag, which is faster. Its letters are all ASCII; /iu also
 * folds ſ (U+017F) onto s and the Kelvin sign (U+212A) onto k, and counts both as word
 * characters for \b. In a text with neither, the two find exactly the same matches.
 */
const FIGURE_PLAIN = new RegExp(FIGURE_SOURCE, 'gi');

function parseNumber(s: string): number {
  const w = NUMBER_WORDS[s.toLowerCase()];
  if (w !== undefined) return w;
  return Number(s.replace(/,/g, ''));
}

/** Seconds in each time unit, so that "an hour" and "40-minute" compare. */
export const SECONDS: Record<string, number> = {
  second: 1, minute: 60, hour: 3600, day: 86400, week: 604800, month: 2629800, year: 31557600, decade: 315576000,
};

/** Words between a figure and what it measures. */
const MEASURE_WORDS = new Set(['worth', 'value', 'total', 'in', 'of', 'more', 'additional', 'new', 'extra', 'further']);

/** The word a figure measures: the first content word after it, skipping names and brackets. */
function aboutAfter(text: string, end: number): string | null {
  const rest = text.slice(end, end + 80).replace(/\([^)]*\)/g, ' ');
  for (const t of tokenize(rest, 0, 5).slice(0, 5)) {
    if (/[.;:!?]/.test(t.gap)) return null;
    if (t.cap || t.acronym) continue; // "U.S.-Ukraine arms deal": skip the names
    if (MEASURE_WORDS.has(t.norm)) continue; // "$100 billion worth of weapons": what is worth it
    if (!isContentWord(t.norm)) continue;
    return termOf(t.norm);
  }
  return null;
}

/**
 * Finds the figures in a text. Years ("2022") and ordinal labels ("Article 5") are not figures.
 * `offset` is added to every start and end (for a slice of a longer text).
 */
export function findFigures(text: string, offset = 0): Figure[] {
  if (!mayHoldFigure(text)) return [];
  return figuresIn(text, offset);
}

/**
 * The figures of a sentence whose tokens are `tokens` (offsets into the text the sentence
 * starts at `offset` of): the tokens tell at once whether it can hold one.
 */
export function findFiguresOf(text: string, offset: number, tokens: Token[]): Figure[] {
  if (!tokensMayHoldFigure(text, offset, tokens)) return [];
  return figuresIn(text, offset);
}

const CURRENCY_SIGN = /[$£€¥]/;

/**
 * mayHoldFigure(text) or more, from the tokens: a digit, ſ, the Kelvin sign and a number word
 * are inside a written word (its facts say whether one may be there); a currency sign is
 * between words.
 */
function tokensMayHoldFigure(text: string, offset: number, tokens: Token[]): boolean {
  let last = 0;
  for (const t of tokens) {
    if ((t.facts.flags & FIGURE_HINT) !== 0) return true;
    if (t.gap.length && t.gap !== ' ' && CURRENCY_SIGN.test(t.gap)) return true;
    last = t.end - offset;
  }
  return CURRENCY_SIGN.test(last === 0 ? text : text.slice(last));
}

function figuresIn(text: string, offset: number): Figure[] {
  const out: Figure[] = [];
  const pattern = text.includes('\u017f') || text.includes('\u212a') ? FIGURE : FIGURE_PLAIN;
  for (const m of text.matchAll(pattern)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const raw = m[0];
    const end = start + raw.length;
    let value: number;
    let unit: string;
    if (g.article) {
      // "an hour", "a week": one of the unit
      value = 1;
      unit = TIME_UNITS[g.aunit.toLowerCase()];
    } else if (g.cur) {
      value = parseNumber(g.cnum) * (g.cscale ? SCALE[g.cscale.toLowerCase()] ?? 1 : 1);
      unit = CURRENCY[g.cur.replace('US', '')] ?? 'USD';
    } else {
      const numRaw = g.num;
      const isWord = /^\p{L}/u.test(numRaw);
      value = parseNumber(numRaw) * (g.scale ? SCALE[g.scale.toLowerCase()] ?? 1 : 1);
      const u = (g.unit ?? '').toLowerCase();
      if (PERCENT.has(u)) unit = 'percent';
      else if (CURRENCY_WORDS[u]) unit = CURRENCY_WORDS[u];
      else if (TIME_UNITS[u]) unit = TIME_UNITS[u];
      else {
        // a bare number: skip years, labels and "one" (too often not a count)
        if (!isWord && /^\d{4}$/.test(numRaw) && value >= 1800 && value <= 2100) continue;
        const before = text.slice(Math.max(0, start - 12), start);
        if (/\b(Article|No\.?|Section|Chapter|Phase|Round|Resolution)\s*$/i.test(before)) continue;
        if (isWord && value === 1) continue;
        if (/^[\s]*[-–]?\s*(like|on|way)\b/i.test(text.slice(end, end + 8))) continue; // "Five-like", "one-on-one", "three-way"
        unit = 'count';
      }
    }
    if (!Number.isFinite(value)) continue;
    if (text[start - 1] === '[' || text[end] === ']') continue; // a citation mark, "[93]"

    const about = aboutAfter(text, end);
    out.push({ text: raw, start: start + offset, end: end + offset, value, unit, about });
  }
  return out;
}
