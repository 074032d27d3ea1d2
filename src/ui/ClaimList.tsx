// Claims of a page, each with its matches. The claim text is a real button: a click or
// Enter asks the page to scroll to the claim and open its card.
import { useState } from 'preact/hooks';
import type { AnalysisResult, ClaimResult } from '../core/types';
import { leadingStance, visibleMatches, type ClaimFilter, NO_FILTER, type Openings } from './claims';
import { t } from './i18n';
import { MatchList } from './MatchItem';
import { StanceBadge } from './StanceBadge';

const KIND_KEY: Record<ClaimResult['kind'], string> = {
  quote: 'uiKindQuote',
  attributed: 'uiKindAttributed',
  figure: 'uiKindFigure',
  statement: 'uiKindStatement',
};

export interface ClaimItemProps {
  claim: ClaimResult;
  index: number;
  filter?: ClaimFilter;
  /** Show the matches under the claim (the side panel does, the popup does not). */
  showMatches?: boolean;
  onFocusClaim?: (index: number) => void;
  openings?: Openings;
  /** False when the claim is not marked on the page (nothing to scroll to). */
  onPage?: boolean;
}

/** Matches shown under a claim before "Show N more". */
export const FIRST_MATCHES = 3;

export function ClaimItem({
  claim,
  index,
  filter = NO_FILTER,
  showMatches = true,
  onFocusClaim,
  openings,
  onPage = true,
}: ClaimItemProps) {
  const [expanded, setExpanded] = useState(false);
  const matches = visibleMatches(claim, filter);
  const extra = Math.max(0, matches.length - FIRST_MATCHES);
  const hidden = expanded ? 0 : extra;
  return (
    <li class="cc-claim">
      <div class="cc-claim__head">
        <StanceBadge stance={leadingStance(claim)} />
        <span class="cc-claim__meta">
          {t(KIND_KEY[claim.kind] ?? 'uiKindStatement')}
          {claim.speaker && ` · ${t('uiSpeaker', claim.speaker)}`}
          {` · ${t('uiMatchCount', claim.matches.length)}`}
        </span>
      </div>
      {onFocusClaim && onPage ? (
        <button type="button" class="cc-claim__text cc-claim__focus" title={t('uiShowOnPage')} onClick={() => onFocusClaim(index)}>
          {claim.text}
        </button>
      ) : (
        <p class="cc-claim__text">{claim.text}</p>
      )}
      {onFocusClaim && !onPage && <p class="cc-muted cc-claim__note">{t('uiNotOnPage')}</p>}
      {showMatches && <MatchList matches={hidden ? matches.slice(0, FIRST_MATCHES) : matches} openings={openings} />}
      {showMatches && extra > 0 && (
        // Stays in place when pressed (so focus does not get lost) and collapses again.
        <button type="button" class="cc-button cc-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('uiShowFewerMatches') : t('uiShowMoreMatches', extra)}
        </button>
      )}
    </li>
  );
}

export interface ClaimListProps {
  analysis: AnalysisResult;
  /** Which claims to show, in this order (indexes into analysis.claims). */
  indices: number[];
  filter?: ClaimFilter;
  showMatches?: boolean;
  onFocusClaim?: (index: number) => void;
  label?: string;
  openings?: Openings;
  /** Claims marked on the page (PageAnalysis.highlighted); others cannot be scrolled to. */
  highlighted?: number[];
}

export function ClaimList({ analysis, indices, filter, showMatches, onFocusClaim, label, openings, highlighted }: ClaimListProps) {
  const marked = highlighted ? new Set(highlighted) : null;
  return (
    <ol class="cc-claims" aria-label={label}>
      {indices.map((i) => (
        <ClaimItem
          key={i}
          claim={analysis.claims[i]}
          index={i}
          filter={filter}
          showMatches={showMatches}
          onFocusClaim={onFocusClaim}
          openings={openings}
          onPage={!marked || marked.has(i)}
        />
      ))}
    </ol>
  );
}
