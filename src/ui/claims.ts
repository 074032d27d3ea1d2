// Pure helpers behind the claim views: stance summaries, "most contested" order, filters.
import type { AnalysisResult, ClaimResult, MatchResult, Stance } from '../core/types';

export type StanceFilterValue = Stance | 'none';
export const STANCES: readonly Stance[] = ['conflicts', 'corroborates', 'related'];
export const STANCE_FILTER_VALUES: readonly StanceFilterValue[] = [...STANCES, 'none'];

export interface ClaimFilter {
  /** Stances to show; 'none' keeps claims without matches. */
  stances: StanceFilterValue[];
  /** Entity id the claim must mention, or null for any. */
  entity: string | null;
}

export const NO_FILTER: ClaimFilter = { stances: [...STANCE_FILTER_VALUES], entity: null };

export interface ClaimSummary {
  total: number;
  /** Claims with at least one match of that stance (a claim can count in several). */
  corroborates: number;
  conflicts: number;
  related: number;
  /** Claims no other outlet in the index reports. */
  none: number;
}

export function hasStance(claim: ClaimResult, stance: Stance): boolean {
  return claim.matches.some((m) => m.stance === stance);
}

export function summarizeClaims(claims: ClaimResult[]): ClaimSummary {
  const s: ClaimSummary = { total: claims.length, corroborates: 0, conflicts: 0, related: 0, none: 0 };
  for (const c of claims) {
    if (c.matches.length === 0) s.none++;
    for (const st of STANCES) if (hasStance(c, st)) s[st]++;
  }
  return s;
}

/** The stance a claim is shown under in one word: conflicts win, then corroboration. */
export function leadingStance(claim: ClaimResult): StanceFilterValue {
  return STANCES.find((st) => hasStance(claim, st)) ?? 'none';
}

/** Indexes of claims with matches, most contested first: conflicts, then more matches. */
export function mostContested(claims: ClaimResult[], limit = Infinity): number[] {
  const conflicts = (c: ClaimResult) => c.matches.filter((m) => m.stance === 'conflicts').length;
  return claims
    .map((c, i) => i)
    .filter((i) => claims[i].matches.length > 0)
    .sort((a, b) => {
      const ca = claims[a];
      const cb = claims[b];
      return (
        Number(conflicts(cb) > 0) - Number(conflicts(ca) > 0) ||
        cb.matches.length - ca.matches.length ||
        conflicts(cb) - conflicts(ca) ||
        a - b
      );
    })
    .slice(0, limit);
}

/** Matches of a claim that pass the stance filter, closest first. */
export function visibleMatches(claim: ClaimResult, filter: ClaimFilter): MatchResult[] {
  return claim.matches.filter((m) => filter.stances.includes(m.stance)).sort((a, b) => b.score - a.score);
}

/** Indexes (into analysis.claims) of the claims that pass the filter, in page order. */
export function filterClaims(analysis: AnalysisResult, filter: ClaimFilter): number[] {
  const out: number[] = [];
  analysis.claims.forEach((claim, i) => {
    if (filter.entity !== null && !(claim.entities ?? []).includes(filter.entity)) return;
    const passes =
      claim.matches.length === 0 ? filter.stances.includes('none') : visibleMatches(claim, filter).length > 0;
    if (passes) out.push(i);
  });
  return out;
}

export interface EntityOption {
  id: string;
  name: string;
  /** Claims that mention it. */
  claims: number;
}

/** Entities mentioned in at least one claim, by name. */
export function entityOptions(analysis: AnalysisResult): EntityOption[] {
  const counts = new Map<string, number>();
  for (const c of analysis.claims) for (const id of new Set(c.entities ?? [])) counts.set(id, (counts.get(id) ?? 0) + 1);
  return analysis.entities
    .filter((e) => counts.has(e.id))
    .map((e) => ({ id: e.id, name: e.name, claims: counts.get(e.id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** First words of a text, with an ellipsis when cut. */
export function openingWords(text: string, words = 8): string {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  return parts.length <= words ? parts.join(' ') : `${parts.slice(0, words).join(' ')}…`;
}

/**
 * What names a match: its outlet, else its title, else the opening words of its document
 * (PageAnalysis.openings), else of the statement itself.
 */
export function matchSource(
  m: MatchResult,
  opening?: string | null,
): { outlet: string | null; title: string | null; fallback: string | null } {
  if (m.outlet || m.title) return { outlet: m.outlet, title: m.title, fallback: null };
  // The background's openings are already cut to a few words: mark them as cut.
  const fallback = opening?.trim() ? `${opening.trim().replace(/[\s.,;:…]+$/, '')}…` : openingWords(m.statement);
  return { outlet: null, title: null, fallback };
}

/** Opening words of matched documents, by doc id (PageAnalysis.openings). */
export type Openings = Record<string, string>;

export function formatScore(score: number): string {
  return `${Math.round(Math.min(1, Math.max(0, score)) * 100)}%`;
}
