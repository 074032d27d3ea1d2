// Claim counts at a glance and one-line status messages.
import type { ClaimSummary } from './claims';
import { t } from './i18n';
import { StanceIcon } from './StanceBadge';

export function ClaimCounts({ summary }: { summary: ClaimSummary }) {
  const rows = [
    ['conflicts', 'uiCountConflicts', summary.conflicts],
    ['corroborates', 'uiCountCorroborates', summary.corroborates],
    ['related', 'uiCountRelated', summary.related],
  ] as const;
  return (
    <ul class="cc-counts" aria-label={t('uiCountsLabel', summary.total)}>
      {rows.map(([stance, key, n]) => (
        <li key={stance} class={`cc-count cc-badge--${stance}`}>
          <StanceIcon stance={stance} />
          <span class="cc-count__n">{n}</span>
          <span class="cc-count__label">{t(key)}</span>
        </li>
      ))}
    </ul>
  );
}

export function StatusLine({ text, tone = 'info' }: { text: string; tone?: 'info' | 'error' }) {
  return (
    <p class={`cc-status cc-status--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
