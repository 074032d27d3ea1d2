// Words are numbered per index for the similarity; a numbering that grows past its bound (a
// long-lived background meeting many new words) starts afresh together with everything packed
// under it, so no sentence is ever compared through stale numbers.
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/engine';
import { setWordLimit } from '../../src/core/match/score';
import { article, indexOf } from './helpers';

const SOURCES = [
  article('a', 'The minister said the talks in Geneva ended without an agreement on the border. Officials expect a second round of talks next month.', 'Outlet A'),
  article('b', 'Talks in Geneva ended without agreement on the border, the minister said on Tuesday. A second round is expected next month, officials said.', 'Outlet B'),
  article('c', 'The harvest was the largest in a decade, farmers said. Grain prices fell by ten percent after the harvest.', 'Outlet C'),
];
const PAGE = 'The minister said talks in Geneva ended without any agreement on the border. Farmers said the harvest was the largest in a decade.';

/** A page of sentences with words nobody has seen (and one the index knows, so they are compared), to fill the numbering. */
function strangers(seed: number): string {
  const word = (k: number) => `q${(seed * 7919 + k * 104729).toString(36)}x`;
  return Array.from({ length: 12 }, (_, s) => `The ${word(s * 10)} talks in Geneva ${word(s * 10 + 1)} said ${word(s * 10 + 2)} ${word(s * 10 + 3)} and ${word(s * 10 + 4)} ${word(s * 10 + 5)}.`).join(' ');
}

let previous: number | null = null;
afterEach(() => {
  if (previous !== null) setWordLimit(previous);
  previous = null;
});

describe('word numbering', () => {
  it('gives the same analysis before and after it starts afresh', () => {
    const index = indexOf(...SOURCES);
    const before = JSON.stringify(analyze(PAGE, index));
    expect(JSON.parse(before).claims.some((c: { matches: unknown[] }) => c.matches.length > 0)).toBe(true);
    previous = setWordLimit(40);
    // each of these pages brings more new words than the bound: the numbering restarts
    // several times, between and within analyses
    for (let k = 0; k < 5; k++) expect(analyze(strangers(k), index).claims.length).toBeGreaterThan(0);
    expect(JSON.stringify(analyze(PAGE, index))).toBe(before);
    // and a fresh index (a numbering of its own) agrees
    expect(JSON.stringify(analyze(PAGE, indexOf(...SOURCES)))).toBe(before);
  });
});
