// What the readers ask of a word again and again (a stop word? a negator? a speech verb?
// which term does it give?), worked out once per word and carried by each of its tokens,
// so that a sentence's passes read a field instead of looking the word up in a table each.
import type { Modality } from '../index/schema';
import {
  DEMONYMS, MODAL_WORDS, NEGATING_VERBS, NEGATORS, NON_NEGATING_AFTER_NOT, SPEECH_VERBS, STOPWORDS, TITLE_WORDS,
  WEEKDAYS_MONTHS,
} from './lexicon';
import { contentTermOf, stem } from './terms';
import { mayHoldFigure } from './figure-words';

export const STOPWORD = 1;
export const NEGATOR = 2;
/** A verb whose stem denies or avoids its object (NEGATING_VERBS). */
export const NEGATING_VERB = 4;
/** A word that opens a new clause for negation scope ("but", "because"). */
export const CLAUSE_WORD = 8;
/** "he" or "she". */
export const PRONOUN = 16;
/** A speech verb as its norm (SPEECH_VERBS). */
export const SPEECH_VERB = 32;
export const TITLE = 64;
export const WEEKDAY_MONTH = 128;
/** A word after "not" that makes it a contrast, not a negation ("not only"). */
export const CONTRAST_AFTER_NOT = 256;
/**
 * The written word may be (part of) a figure: mayHoldFigure(raw). Depends on how the word is
 * written, not on its norm, so only the first token of a written word carries it.
 */
export const FIGURE_HINT = 512;

/** Words that end a negation's scope ("not this, but that"). */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set(['but', 'though', 'although', 'while', 'whereas', 'because', 'however', 'yet']);
export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);

export interface WordFacts {
  /** The word classes above, as bits. */
  flags: number;
  /** Its content term (a stem or a thesaurus group), or null for a word that is not a content word. */
  term: string | null;
  /** The modality it expresses (MODAL_WORDS), or null. */
  modal: Exclude<Modality, 'fact'> | null;
  /** The country or region it is the demonym of (DEMONYMS), or null. */
  demonym: string | null;
  /**
   * Scratch of the similarity (match/score.ts): which of its word numberings last numbered
   * this norm (its serial; 0: none) and the number it gave, so that a token's norm is looked
   * up once per numbering, not per sentence packed. Not a fact of the word.
   */
  numberedIn: number;
  number: number;
}

function readFacts(norm: string): WordFacts {
  const flags =
    (STOPWORDS.has(norm) ? STOPWORD : 0) |
    (NEGATORS.has(norm) ? NEGATOR : 0) |
    (NEGATING_VERBS.has(stem(norm)) ? NEGATING_VERB : 0) |
    (CLAUSE_WORDS.has(norm) ? CLAUSE_WORD : 0) |
    (PRONOUNS.has(norm) ? PRONOUN : 0) |
    (SPEECH_VERBS.has(norm) ? SPEECH_VERB : 0) |
    (TITLE_WORDS.has(norm) ? TITLE : 0) |
    (WEEKDAYS_MONTHS.has(norm) ? WEEKDAY_MONTH : 0) |
    (NON_NEGATING_AFTER_NOT.has(norm) ? CONTRAST_AFTER_NOT : 0);
  return { flags, term: contentTermOf(norm), modal: MODAL_WORDS[norm] ?? null, demonym: DEMONYMS[norm] ?? null, numberedIn: 0, number: -1 };
}

/** The facts a written word's first token carries: its norm's, and whether it may be a figure. */
export function writtenFacts(raw: string, norm: string): WordFacts {
  const f = factsOf(norm);
  if (!mayHoldFigure(raw)) return f;
  // the fields in readFacts' order, so that every facts object has one shape
  return { flags: f.flags | FIGURE_HINT, term: f.term, modal: f.modal, demonym: f.demonym, numberedIn: 0, number: -1 };
}

/** Norm -> its facts (they depend on the norm only). */
const cache = new Map<string, WordFacts>();
export function factsOf(norm: string): WordFacts {
  let f = cache.get(norm);
  if (f === undefined) {
    f = readFacts(norm);
    if (cache.size >= 50_000) cache.clear();
    cache.set(norm, f);
  }
  return f;
}
