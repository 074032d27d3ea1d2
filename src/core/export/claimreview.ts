// schema.org ClaimReview JSON-LD: one ClaimReview per claim that has matches. Crosscheck
// compares wording with other outlets' statements in its bundled index; it does not judge
// truth, so the rating is a stance summary in words (alternateName) with no numeric
// ratingValue, and the review says so.
import type { ClaimResult, EntityResult, MatchResult, Stance } from '../types';
import { stanceCounts, type ExportPage } from './page';

export const AUTOMATED_NOTE =
  'Automated comparison by Crosscheck with statements from other outlets in its bundled index. ' +
  'It shows agreement or disagreement between reports, not a verdict on whether the claim is true.';

type JsonLd = Record<string, unknown>;

const STANCE_WORDS: Record<Stance, [string, string]> = {
  corroborates: ['corroborates', 'corroborate'],
  conflicts: ['conflicts', 'conflict'],
  related: ['is related', 'are related'],
};

/** "2 statements corroborate, 1 conflicts" - the order a reader cares about: conflicts first. */
export function stanceSummary(claim: ClaimResult): string {
  const counts = stanceCounts(claim);
  const parts: string[] = [];
  for (const stance of ['conflicts', 'corroborates', 'related'] as const) {
    const n = counts[stance];
    if (n === 0) continue;
    const [one, many] = STANCE_WORDS[stance];
    parts.push(`${n} ${n === 1 ? 'statement' : 'statements'} ${n === 1 ? one : many}`);
  }
  return parts.length ? parts.join(', ') : 'no matching statements';
}

function speakerNode(speaker: string, entities: EntityResult[]): JsonLd {
  const known = entities.find((e) => e.name.toLowerCase() === speaker.toLowerCase());
  const type = known?.type === 'organization' ? 'Organization' : 'Person';
  return { '@type': type, name: speaker };
}

function matchNode(m: MatchResult): JsonLd {
  const node: JsonLd = { '@type': 'CreativeWork', identifier: m.doc, text: m.statement };
  if (m.title) node.name = m.title;
  if (m.outlet) node.publisher = { '@type': 'Organization', name: m.outlet };
  return node;
}

export function buildClaimReviews(page: ExportPage, now: Date = new Date()): JsonLd[] {
  const date = now.toISOString().slice(0, 10);
  return page.analysis.claims
    .filter((c) => c.matches.length > 0)
    .map((claim) => {
      const appearance: JsonLd = { '@type': 'CreativeWork', url: page.url };
      if (page.title) appearance.headline = page.title;
      const item: JsonLd = { '@type': 'Claim', appearance };
      if (claim.speaker) item.author = speakerNode(claim.speaker, page.analysis.entities);
      const summary = stanceSummary(claim);
      return {
        '@type': 'ClaimReview',
        url: page.url,
        datePublished: date,
        claimReviewed: claim.text,
        itemReviewed: item,
        author: { '@type': 'Organization', name: 'Crosscheck (automated comparison)' },
        reviewRating: {
          '@type': 'Rating',
          alternateName: `${summary} (automated comparison, not a verdict)`,
          ratingExplanation: AUTOMATED_NOTE,
        },
        reviewBody: AUTOMATED_NOTE,
        isBasedOn: claim.matches.map(matchNode),
      };
    });
}

export function buildClaimReviewExport(page: ExportPage, now: Date = new Date()): string {
  const doc = { '@context': 'https://schema.org', '@graph': buildClaimReviews(page, now) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
