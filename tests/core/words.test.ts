import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../src/core/text/tokens';
import { isContentWord, stem, termOf } from '../../src/core/text/terms';
import {
  DEMONYMS, MODAL_WORDS, NEGATING_VERBS, NEGATORS, NON_NEGATING_AFTER_NOT, SPEECH_VERBS, STOPWORDS, TITLE_WORDS, WEEKDAYS_MONTHS,
} from '../../src/core/text/lexicon';
import {
  CLAUSE_WORD, CLAUSE_WORDS, CONTRAST_AFTER_NOT, FIGURE_HINT, NEGATING_VERB, NEGATOR, PRONOUN, PRONOUNS, SPEECH_VERB, STOPWORD, TITLE, WEEKDAY_MONTH,
} from '../../src/core/text/words';
import { mayHoldFigure } from '../../src/core/text/figure-words';

const seedDir = join(import.meta.dirname, '../../seeds');
const seedText = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seedDir, f), 'utf8')).join('\n');

describe('word facts', () => {
  it('every token carries what the word lists say of its norm', () => {
    const text = seedText + ' He won’t refuse; not only that, she declined. It’s no longer Tuesday. Constructor’s toString __proto__';
    const seen = new Set<string>();
    const tokens = tokenize(text);
    tokens.forEach((t, i) => {
      // the first token of a written word also says whether the word may be a figure
      const first = !(i > 0 && tokens[i - 1].end === t.end);
      const key = `${first ? t.raw : ''}|${t.norm}`;
      if (seen.has(key)) return;
      seen.add(key);
      const n = t.norm;
      const want =
        (STOPWORDS.has(n) ? STOPWORD : 0) | (NEGATORS.has(n) ? NEGATOR : 0) | (NEGATING_VERBS.has(stem(n)) ? NEGATING_VERB : 0) |
        (CLAUSE_WORDS.has(n) ? CLAUSE_WORD : 0) | (PRONOUNS.has(n) ? PRONOUN : 0) | (SPEECH_VERBS.has(n) ? SPEECH_VERB : 0) |
        (TITLE_WORDS.has(n) ? TITLE : 0) | (WEEKDAYS_MONTHS.has(n) ? WEEKDAY_MONTH : 0) | (NON_NEGATING_AFTER_NOT.has(n) ? CONTRAST_AFTER_NOT : 0) |
        (first && mayHoldFigure(t.raw) ? FIGURE_HINT : 0);
      const { numberedIn: _table, number: _number, ...facts } = t.facts;
      expect({ norm: n, ...facts }).toEqual({
        norm: n,
        flags: want,
        term: isContentWord(n) ? termOf(n) : null,
        modal: MODAL_WORDS[n] ?? null,
        demonym: DEMONYMS[n] ?? null,
      });
    });
    expect(seen.size).toBeGreaterThan(500);
  });

  it('a written word that may be a figure says so on its first token', () => {
    const hinted = (text: string) => tokenize(text).filter((t) => t.facts.flags & FIGURE_HINT).map((t) => t.raw);
    expect(hinted('Five of 12 ministers met for an hour; the G7’s twenty-two él cinco thirteen’s')).toEqual(['Five', '12', 'hour', 'G7’s', 'twenty', 'two', 'thirteen’s']);
  });

  it('a contraction’s second piece carries its own word’s facts', () => {
    const [, not] = tokenize('won’t');
    expect(not.norm).toBe('not');
    expect(not.facts.flags & NEGATOR).toBe(NEGATOR);
    const [he] = tokenize('He said');
    expect(he.facts.flags & PRONOUN).toBe(PRONOUN);
  });
});
