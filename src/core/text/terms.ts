// Content terms: what two statements are compared by. A term is a stem, or the id of a
// thesaurus group when the word belongs to one.
import { stemmer } from 'stemmer';
import { IRREGULAR, STOPWORDS, SYNONYM_GROUPS, NEGATORS } from './lexicon';
import type { Token } from './tokens';

function baseForm(norm: string): string {
  const w = IRREGULAR[norm] ?? norm;
  // British -our spellings (labour, favour, behaviour) fold to -or before stemming
  if (w.length >= 6 && w.endsWith('our') && !w.endsWith('hour')) return w.slice(0, -3) + 'or';
  return w;
}

const stemCache = new Map<string, string>();
export function stem(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = stemmer(baseForm(norm));
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

const GROUP_OF = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const id = 'g:' + group[0];
  for (const w of group) GROUP_OF.set(stem(w.replace(/-/g, '')), id);
}

/** The comparison key of one word (already folded). */
export function termOf(norm: string): string {
  const s = stem(norm);
  return GROUP_OF.get(s) ?? s;
}

const DIGIT = /\d/;
const LETTER = /\p{L}/u;
export function isContentWord(norm: string): boolean {
  if (norm.length < 2 && !DIGIT.test(norm)) return false;
  if (STOPWORDS.has(norm) || NEGATORS.has(norm)) return false;
  return LETTER.test(norm);
}

/** A word's term, or null for a word that is not a content word (a token carries it in its facts). */
export function contentTermOf(norm: string): string | null {
  return isContentWord(norm) ? termOf(norm) : null;
}

export interface TermHit {
  term: string;
  /** Index of the (first) token the term comes from. */
  token: number;
}

/**
 * Content terms of a token run, including joined hyphen compounds ("three-way" -> threeway).
 * With `skip`, the terms whose (first) token it holds are left out.
 */
export function contentTerms(tokens: Token[], from = 0, to = tokens.length, skip?: (token: number) => boolean): TermHit[] {
  const out: TermHit[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (i + 1 < to && tokens[i + 1].gap === '-') {
      // compound: add the joined form too, so "three-way" meets "threeway" / its group
      let j = i + 1;
      let joined = t.norm;
      while (j < to && tokens[j].gap === '-') joined += tokens[j++].norm;
      const g = GROUP_OF.get(stem(joined));
      if (g) {
        if (!skip?.(i)) out.push({ term: g, token: i });
        i = j - 1;
        continue;
      }
    }
    const term = t.facts.term;
    if (term !== null && !skip?.(i)) out.push({ term, token: i });
  }
  return out;
}
