// The longest run of identical words two sentences share, against the plain dynamic programme.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { longestRun } from '../../src/core/match/score';
import type { UnitFeatures } from '../../src/core/match/features';

const unit = (norms: string[]) => ({ tokens: norms.map((norm) => ({ norm })) }) as unknown as UnitFeatures;

function plain(x: string[], y: string[]): number {
  let best = 0;
  const row = new Array<number>(y.length + 1).fill(0);
  for (let i = 0; i < x.length; i++)
    for (let j = y.length; j >= 1; j--) {
      row[j] = x[i] === y[j - 1] ? row[j - 1] + 1 : 0;
      best = Math.max(best, row[j]);
    }
  return best;
}

describe('longestRun', () => {
  it('finds a shared stretch, repeated words included', () => {
    expect(longestRun(unit('the talks in the white house ended'.split(' ')), unit('after the talks in the white house'.split(' ')))).toBe(6);
    expect(longestRun(unit('a a a b'.split(' ')), unit('a a b a a a a'.split(' ')))).toBe(3);
    expect(longestRun(unit([]), unit(['x']))).toBe(0);
    expect(longestRun(unit(['x']), unit(['y']))).toBe(0);
  });

  it('equals the plain dynamic programme on any two word sequences, call after call', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'the', 'of'), { maxLength: 40 });
    fc.assert(fc.property(words, words, (x, y) => longestRun(unit(x), unit(y)) === plain(x, y)), { numRuns: 500 });
  });
});
