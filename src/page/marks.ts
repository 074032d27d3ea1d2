// From an analysis to what gets marked: which claims, with which stance, and the counts the
// state message reports (shared/contracts.md §2). Pure: no DOM beyond Range building.
import type { AnalysisResult, ClaimResult, Stance } from '../core/types';

/** The stance a claim is marked with: a disagreement is what a reader most needs to see. */
export function dominantStance(claim: ClaimResult): Stance | null {
  if (claim.matches.length === 0) return null;
  if (claim.matches.some((m) => m.stance === 'conflicts')) return 'conflicts';
  if (claim.matches.some((m) => m.stance === 'corroborates')) return 'corroborates';
  return 'related';
}

/** Claims worth marking (at least one match), in page order, as indexes into analysis.claims. */
export function markableClaims(analysis: AnalysisResult): number[] {
  return analysis.claims
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.matches.length > 0)
    .sort((a, b) => a.c.start - b.c.start)
    .map(({ i }) => i);
}

export interface MarkCounts {
  entities: number;
  claims: number;
  matches: { corroborates: number; conflicts: number; related: number };
}

/**
 * Counts what is highlighted: distinct entities with at least one marked mention, marked
 * claims, and the matches of marked claims by stance.
 */
export function countMarks(analysis: AnalysisResult, markedClaims: readonly number[], markedEntities: readonly number[]): MarkCounts {
  const matches = { corroborates: 0, conflicts: 0, related: 0 };
  for (const i of markedClaims) for (const m of analysis.claims[i].matches) matches[m.stance]++;
  return { entities: markedEntities.length, claims: markedClaims.length, matches };
}
