// Helpers for writing reasons with the words as the texts spell them.
import type { UnitFeatures, ClauseFeatures } from '../match/features';

/** The written word behind a term in a unit (first occurrence). */
export function wordFor(u: UnitFeatures, term: string, clause?: ClauseFeatures): string {
  const hits = clause ? clause.terms : u.terms;
  const h = hits.find((x) => x.term === term) ?? u.terms.find((x) => x.term === term);
  if (!h) return term.replace(/^g:/, '');
  return u.tokens[h.token].raw.replace(/['’]s$/, '');
}
