// fuse.js rescoring of one statement: typo-tolerant, 0 when the claim's words are not there.
import { describe, expect, it } from 'vitest';
import { fuseScore } from '../../src/core/match/rescore';

const statement = 'Zelensky said security guarantees for Ukraine would be formalised within ten days.';

describe('fuseScore', () => {
  it('finds the words, also misspelt, and finds nothing in an unrelated statement', () => {
    const owner = {};
    const exact = fuseScore(owner, 'guarantees formalised', 1, statement);
    const misspelt = fuseScore(owner, 'guarantes formalized', 1, statement);
    const absent = fuseScore(owner, 'tariffs wheat', 1, statement);
    expect(exact).toBeGreaterThan(0.5);
    expect(misspelt).toBeGreaterThan(0.3);
    expect(misspelt).toBeLessThanOrEqual(exact);
    expect(absent).toBe(0);
  });

  it('gives the same score from a kept fuse.js index as from a new one', () => {
    const kept = {};
    const first = fuseScore(kept, 'security guarantees', 7, statement);
    expect(fuseScore(kept, 'security guarantees', 7, statement)).toBe(first);
    expect(fuseScore({}, 'security guarantees', 7, statement)).toBe(first);
    expect(fuseScore(kept, '   ', 7, statement)).toBe(0);
  });
});
