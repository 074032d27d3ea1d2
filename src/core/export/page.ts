// What every export describes: one analysed page.
import type { AnalysisResult, ClaimResult, Stance } from '../types';

export interface ExportPage {
  url: string;
  title: string | null;
  analysis: AnalysisResult;
}

/** How many matches of each stance a claim has. */
export function stanceCounts(claim: ClaimResult): Record<Stance, number> {
  const counts: Record<Stance, number> = { corroborates: 0, conflicts: 0, related: 0 };
  for (const m of claim.matches) if (m.stance in counts) counts[m.stance] += 1;
  return counts;
}

/** A safe file name stem for a page: crosscheck-<host>-<yyyy-mm-dd>. */
export function exportFileStem(url: string, now: Date = new Date()): string {
  let host = 'page';
  try {
    host = new URL(url).hostname.replace(/[^a-z0-9.-]/gi, '') || 'page';
  } catch {
    // not a URL: keep "page"
  }
  return `crosscheck-${host}-${now.toISOString().slice(0, 10)}`;
}
