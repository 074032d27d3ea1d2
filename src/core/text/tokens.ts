// Word tokens with offsets into the original text. Every token's [start, end) slices the
// text it came from; `norm` is the lower-cased, diacritic-folded, contraction-expanded form.

import { classOf, isAsciiAlnum, isSurrogate, LETTER, MARK, NUMBER, UPPER } from './chars';
import { factsOf, writtenFacts, type WordFacts } from './words';

export interface Token {
  start: number;
  end: number;
  /** The text as written (for a contraction piece, the whole written word). */
  raw: string;
  /** Lower case, diacritics folded, apostrophes normalised. */
  norm: string;
  /** First letter is upper case. */
  cap: boolean;
  /** All letters upper case (NATO, ICC, U.S.). */
  acronym: boolean;
  /** Written with a possessive 's (Ukraine’s). */
  possessive: boolean;
  /** Characters between the previous token and this one ("" at the start). */
  gap: string;
  /** What the readers ask of `norm`, worked out once per word. */
  facts: WordFacts;
}

/**
 * What a word is. The reader below (wordEnd) finds exactly the matches of this pattern; it
 * asks the pattern itself (sticky, at the same position) only for initials and for text
 * outside the Basic Multilingual Plane.
 */
const WORD_AT = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*/uy;
const APOS = /['’]/g;
const MARKS = /\p{M}+/gu;
const NOT_LETTER = /[^\p{L}]/gu;
const STARTS_UPPER = /^\p{Lu}/u;
const HAS_UPPER = /\p{Lu}/u;
const ASCII = /^[\x00-\x7f]*$/;

export function fold(s: string): string {
  // NFD, mark removal and the apostrophe change do nothing to ASCII text
  if (ASCII.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(MARKS, '').toLowerCase().replace(APOS, "'");
}

const CONTRACTIONS = new Map<string, string[]>([
  ["won't", ['will', 'not']],
  ["can't", ['can', 'not']],
  ["shan't", ['shall', 'not']],
  ["ain't", ['is', 'not']],
]);
const SUFFIXES: [string, string][] = [
  ["n't", 'not'],
  ["'ll", 'will'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'d", 'would'],
  ["'m", 'am'],
];
const IS_AFTER = new Set(['it', 'that', 'there', 'he', 'she', 'what', 'who', 'here', 'let']);

/** What one written word becomes: one token, or two for a contraction. Depends on the word only. */
interface WordInfo {
  /** The word as written: the table's own copy, which every token of the word shares. */
  raw: string;
  cap: boolean;
  acronym: boolean;
  norm: string;
  possessive: boolean;
  /** The second piece of a contraction ("not", "is", "will"), or null. */
  second: string | null;
  facts: WordFacts;
  secondFacts: WordFacts | null;
}

function info(raw: string, cap: boolean, acronym: boolean, norm: string, possessive: boolean, second: string | null): WordInfo {
  return { raw, cap, acronym, norm, possessive, second, facts: writtenFacts(raw, norm), secondFacts: second === null ? null : factsOf(second) };
}

function readWord(raw: string): WordInfo {
  const letters = raw.replace(NOT_LETTER, '');
  const cap = STARTS_UPPER.test(raw);
  const acronym = letters.length >= 2 && letters === letters.toUpperCase() && HAS_UPPER.test(letters);
  let norm = fold(raw);
  if (raw.includes('.')) norm = norm.replace(/\./g, '');
  const whole = CONTRACTIONS.get(norm);
  if (whole) return info(raw, cap, acronym, whole[0], false, whole[1]);
  if (norm.endsWith("'s") || norm.endsWith("'")) {
    // possessive or "it's/that's": keep the stem; "it's" -> it + is
    const stem = norm.replace(/'s?$/, '');
    if (IS_AFTER.has(stem)) return info(raw, cap, acronym, stem, false, stem === 'let' ? 'us' : 'is');
    return info(raw, cap, acronym, stem, true, null);
  }
  const suf = SUFFIXES.find(([s]) => norm.endsWith(s) && norm.length > s.length);
  if (suf) return info(raw, cap, acronym, norm.slice(0, -suf[0].length), false, suf[1]);
  return info(raw, cap, acronym, norm, false, null);
}

/** Written word -> what it becomes (news text repeats its words; reading one is the costly part). */
const words = new Map<string, WordInfo>();
function wordInfo(raw: string): WordInfo {
  let w = words.get(raw);
  if (w === undefined) {
    // V8 cuts a slice of 13 characters or more as a view of the whole text: keep a copy, so
    // that this table (and the stems and terms made from the word) never hold a page's text
    const word = raw.length >= 13 ? [...raw].join('') : raw;
    w = readWord(word);
    if (words.size >= 50_000) words.clear();
    words.set(word, w);
  }
  return w;
}

const QUOTE = 39; // '
const RSQUO = 0x2019; // ’

const NO_WORD = -2;
const ASK_PATTERN = -1;

/**
 * End of the word the pattern matches at `i`, read character by character: NO_WORD when
 * none starts there, ASK_PATTERN for what this reader leaves to the pattern itself
 * (initials like "U.S.", where the first alternative may apply, and characters outside the
 * Basic Multilingual Plane).
 */
function wordEnd(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (isSurrogate(c)) return ASK_PATTERN;
  const k = classOf(c);
  if ((k & (LETTER | NUMBER)) === 0) return NO_WORD;
  if ((k & UPPER) !== 0 && text.charCodeAt(i + 1) === 46) return ASK_PATTERN;
  // [\p{L}\p{N}][\p{L}\p{M}\p{N}]*
  let j = i + 1;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d < 128) {
      if (!isAsciiAlnum(d)) break;
    } else if (isSurrogate(d)) return ASK_PATTERN;
    else if ((classOf(d) & (LETTER | MARK | NUMBER)) === 0) break;
    j++;
  }
  // (?:['’]\p{L}+)*
  let end = j;
  while (end < n) {
    const a = text.charCodeAt(end);
    if (a !== QUOTE && a !== RSQUO) break;
    let m = end + 1;
    while (m < n) {
      const d = text.charCodeAt(m);
      if (isSurrogate(d)) return ASK_PATTERN;
      if ((classOf(d) & LETTER) === 0) break;
      m++;
    }
    if (m === end + 1) break; // no letter after the apostrophe
    end = m;
  }
  return end;
}

function token(start: number, end: number, raw: string, cap: boolean, acronym: boolean, gap: string, norm: string, possessive: boolean, facts: WordFacts): Token {
  return { start, end, raw, cap, acronym, gap, norm, possessive, facts };
}

/**
 * Splits text into word tokens. Contractions become two tokens sharing the word's span.
 * `offset` is added to every start and end (for a slice of a longer text). With `limit`,
 * stops once it has that many tokens (one more when the last word is a contraction).
 */
export function tokenize(text: string, offset = 0, limit = Infinity): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let last = 0;
  let i = 0;
  while (i < n && out.length < limit) {
    const c = text.charCodeAt(i);
    if (c < 128 && !isAsciiAlnum(c)) {
      i++;
      continue;
    }
    let end = wordEnd(text, i, n);
    if (end === NO_WORD) {
      i++;
      continue;
    }
    if (end === ASK_PATTERN) {
      WORD_AT.lastIndex = i;
      const m = WORD_AT.exec(text);
      if (!m) {
        // step over a whole code point, as the pattern does
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
        continue;
      }
      end = i + m[0].length;
    }
    // the token keeps the table's copy of the word; the slice made to find it dies young
    const w = wordInfo(text.slice(i, end));
    const raw = w.raw;
    const gap = last === i ? '' : text.slice(last, i);
    const s = i + offset;
    const e = end + offset;
    out.push(token(s, e, raw, w.cap, w.acronym, gap, w.norm, w.possessive, w.facts));
    if (w.second !== null) out.push(token(s, e, raw, w.cap, w.acronym, '', w.second, false, w.secondFacts!));
    last = end;
    i = end;
  }
  return out;
}

/**
 * Number of words as a reader would count them: the matches of
 * /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*\/gu ("U.S.", "1,000" and "don’t" are one word
 * each). Read character by character: a run of letters and digits is a new word unless one
 * of those joining marks, right after the previous run, leads into it.
 */
export function countWords(text: string): number {
  let n = 0;
  let inRun = false;
  // the previous character is a joining mark that ends a run
  let joins = false;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) word = isAsciiAlnum(c);
    else if (!isSurrogate(c)) word = (classOf(c) & (LETTER | NUMBER)) !== 0;
    else {
      // a pair outside the Basic Multilingual Plane is one character; a lone half is none
      const d = text.charCodeAt(i + 1);
      if (c <= 0xdbff && (d & 0xfc00) === 0xdc00) {
        word = LETTER_OR_NUMBER.test(text.slice(i, i + 2));
        i++;
      } else word = false;
    }
    if (word) {
      if (!inRun && !joins) n++;
      inRun = true;
    } else {
      joins = inRun && (c === QUOTE || c === RSQUO || c === 46 || c === 44 || c === 45);
      inRun = false;
    }
  }
  return n;
}
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
