// Sentence splitting with offsets. Quoted speech that runs over several sentences stays
// with its attribution ("“… . …,” Trump said.") so the speaker travels with the words.
import { classOf, isSpace, isSurrogate, LETTER, NUMBER, UPPER, wordRuns } from './chars';

export interface Span {
  start: number;
  end: number;
}

const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'prof', 'jr', 'sr', 'inc', 'ltd',
  'co', 'corp', 'vs', 'etc', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'approx', 'fig', 'mt', 'ft',
]);
/** A quote left open this long is taken as an unbalanced mark, not speech. */
const MAX_QUOTE_CHARS = 600;

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

/** The run of letters and dots (/[\p{L}.]/u, one code unit at a time) that ends at i, lower-cased. */
function wordBefore(text: string, i: number): string {
  let j = i;
  for (; j > 0; j--) {
    const c = text.charCodeAt(j - 1);
    if (c !== FULL_STOP && (isSurrogate(c) || (classOf(c) & LETTER) === 0)) break;
  }
  return text.slice(j, i).toLowerCase();
}

/** Splits text into sentences. Line breaks always end a sentence. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  for (;;) {
    const nl = text.indexOf('\n', lineStart);
    splitLine(text, lineStart, nl < 0 ? text.length : nl, out);
    if (nl < 0) return out;
    lineStart = nl + 1;
  }
}

const LDQUO = 0x201c; // “
const RDQUO = 0x201d; // ”
const QUOT = 0x22; // "
const RSQUO = 0x2019; // ’
const APOSTROPHE = 0x27;
const CLOSE_PAREN = 0x29;
const CLOSE_BRACKET = 0x5d;
const FULL_STOP = 0x2e;
const EXCLAMATION = 0x21;
const QUESTION = 0x3f;

/** Whether a sentence can open with the code unit: /[\p{Lu}\p{N}"“‘'(\[–—-]/u. */
function opensSentence(c: number): boolean {
  if (!isSurrogate(c) && (classOf(c) & (UPPER | NUMBER)) !== 0) return true;
  return c === QUOT || c === LDQUO || c === 0x2018 || c === APOSTROPHE || c === 0x28 || c === 0x5b || c === 0x2013 || c === 0x2014 || c === 0x2d;
}

function splitLine(text: string, from: number, to: number, out: Span[]) {
  let start = from;
  let inQuote = false;
  let quoteOpenedAt = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LDQUO || (c === QUOT && !inQuote)) {
      inQuote = true;
      quoteOpenedAt = i;
      continue;
    }
    if (c === RDQUO || (c === QUOT && inQuote)) {
      inQuote = false;
      continue;
    }
    if (inQuote && i - quoteOpenedAt > MAX_QUOTE_CHARS) inQuote = false;
    if (c !== FULL_STOP && c !== EXCLAMATION && c !== QUESTION) continue;
    // take closing quotes/brackets with the sentence
    let j = i + 1;
    let closesQuote = false;
    for (; j < to; j++) {
      const d = text.charCodeAt(j);
      if (d === RDQUO || d === QUOT) closesQuote = true;
      else if (d !== RSQUO && d !== APOSTROPHE && d !== CLOSE_PAREN && d !== CLOSE_BRACKET) break;
    }
    if (j < to && !isSpace(text.charCodeAt(j))) continue; // "U.S.-Ukraine", "3.5"
    let k = j;
    while (k < to && isSpace(text.charCodeAt(k))) k++;
    if (k >= to) continue; // end of line ends the sentence anyway
    if (!opensSentence(text.charCodeAt(k))) continue;
    if (c === FULL_STOP) {
      const w = wordBefore(text, i);
      if (ABBREV.has(w.replace(/\.$/, '')) || /^\p{L}$/u.test(w) || /^(\p{L}\.)+\p{L}$/u.test(w)) continue;
    }
    if (inQuote && !closesQuote) continue; // a sentence inside a quote: keep the quote whole
    if (closesQuote) inQuote = false;
    // "…,” he said." continues the sentence when the quote ends with a comma; a full stop
    // inside the quote followed by a lower-case attribution was handled above (next is lower case).
    const s = trimSpan(text, start, j);
    if (s) out.push(s);
    start = j;
  }
  const s = trimSpan(text, start, to);
  if (s) out.push(s);
}

/** Clause boundaries inside a sentence, for stance: "…, though …", "…; …", "… — …". */
const CLAUSE_BREAK_SOURCE = String.raw`(?:[;:]\s+|\s[—–]\s|[.!?]\s+(?=["“]?\p{Lu})|,\s+(?=(?:but|though|although|while|whereas|however|yet|and by|as opposed to)\b)|,\s+and\s+(?=(?:he|she|they|it|we|I)\b|\p{Lu}\p{Ll}+\s+\p{Ll})|,\s+(?=\p{Ll}{3,}ing\s+(?:a|an|the|that|his|her|their|its)\b)|,\s+(?=(?:who|which|where)\s))`;
/**
 * The same pattern, tried only where a break can begin: at ; : . ! ? or a comma, or at a
 * space before a dash. Tried there in order, from the end of the last break, it finds the
 * breaks a global search finds.
 */
const CLAUSE_BREAK_AT = new RegExp(CLAUSE_BREAK_SOURCE, 'uy');

/** Where each clause break in s ends. */
function clauseCuts(s: string): number[] {
  const cuts: number[] = [];
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const maybe =
      c === 0x3b || c === 0x3a || c === 0x2c || c === FULL_STOP || c === EXCLAMATION || c === QUESTION ||
      (isSpace(c) && (s.charCodeAt(i + 1) === 0x2014 || s.charCodeAt(i + 1) === 0x2013));
    if (!maybe) continue;
    CLAUSE_BREAK_AT.lastIndex = i;
    if (CLAUSE_BREAK_AT.test(s)) {
      cuts.push(CLAUSE_BREAK_AT.lastIndex);
      i = CLAUSE_BREAK_AT.lastIndex - 1;
    }
  }
  return cuts;
}

export function splitClauses(text: string, span: Span, minWords = 4): Span[] {
  const s = text.slice(span.start, span.end);
  const cuts = clauseCuts(s);
  if (cuts.length === 0) return [span];
  cuts.push(s.length);
  const parts: Span[] = [];
  let prev = 0;
  for (const c of cuts) {
    if (wordRuns(s, prev, c) < minWords && parts.length > 0) {
      parts[parts.length - 1].end = span.start + c;
    } else {
      parts.push({ start: span.start + prev, end: span.start + c });
    }
    prev = c;
  }
  // a too-short first part joins the next one
  if (parts.length > 1 && wordRuns(s, parts[0].start - span.start, parts[0].end - span.start) < minWords) {
    parts[1].start = parts[0].start;
    parts.shift();
  }
  return parts.map((p) => trimSpan(text, p.start, p.end)).filter((p): p is Span => p !== null);
}
