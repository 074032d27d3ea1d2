// Sentence splitting with offsets. Quoted speech that runs over several sentences stays
// with its attribution ("“… . …,” Trump said.") so the speaker travels with the words.

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
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}.]/u.test(text[j - 1])) j--;
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
const FULL_STOP = 0x2e;
const EXCLAMATION = 0x21;
const QUESTION = 0x3f;

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
    while (j < to && /["”’')\]]/.test(text[j])) {
      if (text[j] === '”' || text[j] === '"') closesQuote = true;
      j++;
    }
    if (j < to && !/\s/.test(text[j])) continue; // "U.S.-Ukraine", "3.5"
    let k = j;
    while (k < to && /\s/.test(text[k])) k++;
    if (k >= to) continue; // end of line ends the sentence anyway
    const next = text[k];
    if (!/[\p{Lu}\p{N}"“‘'(\[–—-]/u.test(next)) continue;
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
const CLAUSE_BREAK = /(?:[;:]\s+|\s[—–]\s|[.!?]\s+(?=["“]?\p{Lu})|,\s+(?=(?:but|though|although|while|whereas|however|yet|and by|as opposed to)\b)|,\s+and\s+(?=(?:he|she|they|it|we|I)\b|\p{Lu}\p{Ll}+\s+\p{Ll})|,\s+(?=\p{Ll}{3,}ing\s+(?:a|an|the|that|his|her|their|its)\b)|,\s+(?=(?:who|which|where)\s))/gu;

export function splitClauses(text: string, span: Span, minWords = 4): Span[] {
  const s = text.slice(span.start, span.end);
  const cuts: number[] = [];
  for (const m of s.matchAll(CLAUSE_BREAK)) cuts.push((m.index ?? 0) + m[0].length);
  if (cuts.length === 0) return [span];
  const parts: Span[] = [];
  let prev = 0;
  for (const c of [...cuts, s.length]) {
    const piece = s.slice(prev, c);
    const words = piece.split(/\s+/).filter(Boolean).length;
    if (words < minWords && parts.length > 0) {
      parts[parts.length - 1].end = span.start + c;
    } else {
      parts.push({ start: span.start + prev, end: span.start + c });
    }
    prev = c;
  }
  // a too-short first part joins the next one
  if (parts.length > 1) {
    const first = s.slice(parts[0].start - span.start, parts[0].end - span.start).split(/\s+/).filter(Boolean).length;
    if (first < minWords) {
      parts[1].start = parts[0].start;
      parts.shift();
    }
  }
  return parts.map((p) => trimSpan(text, p.start, p.end)).filter((p): p is Span => p !== null);
}
