// The loader's one-pass term lists must be exactly what tokenizing each statement gives:
// the page side is tokenized in full, and a term missing from a list is a match never found.
import { describe, expect, it } from 'vitest';
import { contentTerms } from '../../src/core/text/terms';
import { tokenize } from '../../src/core/text/tokens';
import type { LoadedIndex } from '../../src/core/index/load';
import { seedIndex } from './seed';
import { article, indexOf } from './helpers';

function slowPostings(index: LoadedIndex): Map<string, number[]> {
  const out = new Map<string, number[]>();
  index.file.statements.forEach((_, i) => {
    for (const t of new Set(contentTerms(tokenize(index.statementText(i))).map((h) => h.term))) {
      let list = out.get(t);
      if (!list) out.set(t, (list = []));
      list.push(i);
    }
  });
  return out;
}

const sorted = (m: { keys(): Iterable<string>; get(t: string): number[] | undefined }) =>
  [...m.keys()].sort().map((t) => [t, m.get(t)]);

describe('index loader term lists', () => {
  it('equal tokenizing every statement of the seed index', () => {
    const index = seedIndex();
    expect(sorted(index.postings)).toEqual(sorted(slowPostings(index)));
  });

  it('equal it for compounds, contractions, acronyms, accents and odd punctuation', () => {
    const text = [
      'The U.S.-backed plan won’t work, Zelenskyy’s aide said (“three-way talks”) in Kyiv.',
      'NATO’s chief — Mark Rutte — said it’s “a non-starter”; the E.U. didn’t agree.',
      'Café owners in Zürich paid $90bn… or £67bn?! [sic] They’ve said they’d go; we will see.',
      "A 40-minute call, 10 days later: “No,” said the ex-president.\u00a0Kyiv\u2028replied. It's done.",
    ].join('\n\n');
    const index = indexOf(article('odd', text));
    expect(index.file.statements.length).toBeGreaterThan(2);
    expect(sorted(index.postings)).toEqual(sorted(slowPostings(index)));
  });
});
