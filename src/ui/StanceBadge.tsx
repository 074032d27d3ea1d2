// A stance shown with an icon and a word, never by colour alone.
import type { Stance } from '../core/types';
import type { StanceFilterValue } from './claims';
import { t } from './i18n';

const LABEL_KEY: Record<StanceFilterValue, string> = {
  corroborates: 'stanceCorroborates',
  conflicts: 'stanceConflicts',
  related: 'stanceRelated',
  none: 'uiStanceNone',
};

// 16x16 strokes: a tick, a cross, a link, a dash.
const ICON_PATH: Record<StanceFilterValue, string> = {
  corroborates: 'M3 8.5l3 3 7-7',
  conflicts: 'M4 4l8 8M12 4l-8 8',
  related: 'M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1a2.5 2.5 0 01-3.5-3.5l1-1',
  none: 'M4 8h8',
};

export function stanceLabel(stance: StanceFilterValue): string {
  return t(LABEL_KEY[stance]);
}

export function StanceIcon({ stance }: { stance: StanceFilterValue }) {
  return (
    <svg class="cc-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={ICON_PATH[stance]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}

export function StanceBadge({ stance }: { stance: Stance | 'none' }) {
  return (
    <span class={`cc-badge cc-badge--${stance}`}>
      <StanceIcon stance={stance} />
      <span>{stanceLabel(stance)}</span>
    </span>
  );
}
