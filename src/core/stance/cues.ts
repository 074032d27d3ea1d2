// Where a clause's negation cues stand. Rules ask this of the same clauses again and again
// (every statement a claim is compared with, and index statements across claims), so it is
// worked out once per clause.
import type { ClauseFeatures, UnitFeatures } from '../match/features';
import { isNegationCue } from '../extract/claims';
import { ClauseCache } from './kept';

const cache = new ClauseCache<number[]>((u, c) => {
  const cues: number[] = [];
  for (let i = c.from; i < c.to; i++) if (isNegationCue(u.tokens, i)) cues.push(i);
  return cues;
});

/** Token indices of the negation cues inside a clause of `u`. */
export function negationCues(u: UnitFeatures, c: ClauseFeatures): number[] {
  return cache.get(u, c);
}
