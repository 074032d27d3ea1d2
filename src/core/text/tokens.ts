// Word tokens with offsets into the original text. Every token's [start, end) slices the
// text it came from; `norm` is the lower-cased, diacritic-folded, contraction-expanded form.

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
}

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*/gu;
const APOS = /['’]/g;

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(APOS, "'");
}

const CONTRACTIONS: Record<string, string[]> = {
  "won't": ['will', 'not'],
  "can't": ['can', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
};
const SUFFIXES: [string, string][] = [
  ["n't", 'not'],
  ["'ll", 'will'],
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'d", 'would'],
  ["'m", 'am'],
];

/** Splits text into word tokens. Contractions become two tokens sharing the word's span. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
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
    let norm = fold(raw);
    if (raw.includes('.')) norm = norm.replace(/\./g, '');
    const base = { start, end, raw, cap, acronym, gap };
    const whole = CONTRACTIONS[norm];
    if (whole) {
      out.push({ ...base, norm: whole[0], possessive: false });
      out.push({ ...base, norm: whole[1], possessive: false, gap: '' });
      continue;
    }
    if (norm.endsWith("'s") || norm.endsWith("'")) {
      // possessive or "it's/that's": keep the stem; "it's" -> it + is
      const stem = norm.replace(/'s?$/, '');
      if (['it', 'that', 'there', 'he', 'she', 'what', 'who', 'here', 'let'].includes(stem)) {
        out.push({ ...base, norm: stem, possessive: false });
        out.push({ ...base, norm: stem === 'let' ? 'us' : 'is', possessive: false, gap: '' });
      } else out.push({ ...base, norm: stem, possessive: true });
      continue;
    }
    const suf = SUFFIXES.find(([s]) => norm.endsWith(s) && norm.length > s.length);
    if (suf) {
      out.push({ ...base, norm: norm.slice(0, -suf[0].length), possessive: false });
      out.push({ ...base, norm: suf[1], possessive: false, gap: '' });
      continue;
    }
    out.push({ ...base, norm, possessive: false });
  }
  return out;
}

/** Number of words as a reader would count them. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu)) n++;
  return n;
}
