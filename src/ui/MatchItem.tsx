// One matching statement from another outlet: who, stance, score, why, and the wording diff.
import type { MatchResult } from '../core/types';
import { formatScore, matchSource, type Openings } from './claims';
import { t } from './i18n';
import { StanceBadge } from './StanceBadge';
import { WordDiff } from './WordDiff';

export function MatchItem({ match, opening }: { match: MatchResult; opening?: string | null }) {
  const src = matchSource(match, opening);
  return (
    <li class={`cc-match cc-match--${match.stance}`}>
      <div class="cc-match__head">
        <StanceBadge stance={match.stance} />
        <span class="cc-match__source">
          {src.outlet && <strong class="cc-match__outlet">{src.outlet}</strong>}
          {src.outlet && src.title && ' · '}
          {src.title && <cite class="cc-match__title">{src.title}</cite>}
          {src.fallback && <span class="cc-match__opening">{src.fallback}</span>}
        </span>
        <span class="cc-match__score">{t('uiScore', formatScore(match.score))}</span>
      </div>
      <blockquote class="cc-match__statement">{match.statement}</blockquote>
      {match.reasons.length > 0 && (
        <ul class="cc-match__reasons" aria-label={t('uiReasons')}>
          {match.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {match.diff && match.diff.length > 0 && <WordDiff parts={match.diff} />}
    </li>
  );
}

export function MatchList({ matches, openings }: { matches: MatchResult[]; openings?: Openings }) {
  if (matches.length === 0) return <p class="cc-muted">{t('uiClaimNoMatches')}</p>;
  return (
    <ul class="cc-matches">
      {matches.map((m, i) => (
        <MatchItem key={`${m.doc}-${i}`} match={m} opening={openings?.[m.doc]} />
      ))}
    </ul>
  );
}
