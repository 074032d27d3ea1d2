// Filters for the claim list: stances (checkboxes) and one entity (select).
import type { AnalysisResult } from '../core/types';
import { entityOptions, STANCE_FILTER_VALUES, type ClaimFilter, type StanceFilterValue } from './claims';
import { t } from './i18n';
import { StanceIcon, stanceLabel } from './StanceBadge';

export interface FiltersProps {
  analysis: AnalysisResult;
  filter: ClaimFilter;
  onChange: (filter: ClaimFilter) => void;
  /** Prefix for element ids, so two filter blocks can share a page. */
  idPrefix?: string;
}

export function Filters({ analysis, filter, onChange, idPrefix = 'cc-filter' }: FiltersProps) {
  const entities = entityOptions(analysis);
  const toggle = (stance: StanceFilterValue, on: boolean) => {
    const stances = STANCE_FILTER_VALUES.filter((s) => (s === stance ? on : filter.stances.includes(s)));
    onChange({ ...filter, stances });
  };
  return (
    <div class="cc-filters">
      <fieldset class="cc-filters__stances">
        <legend>{t('uiFilterStance')}</legend>
        {STANCE_FILTER_VALUES.map((s) => (
          <label key={s} class={`cc-check cc-badge--${s}`}>
            <input
              type="checkbox"
              checked={filter.stances.includes(s)}
              onChange={(e) => toggle(s, (e.currentTarget as HTMLInputElement).checked)}
            />
            <StanceIcon stance={s} />
            {s === 'none' ? t('uiFilterNoMatches') : stanceLabel(s)}
          </label>
        ))}
      </fieldset>
      {entities.length > 0 && (
        <div class="cc-filters__entity">
          <label for={`${idPrefix}-entity`}>{t('uiFilterEntity')}</label>
          <select
            id={`${idPrefix}-entity`}
            value={filter.entity ?? ''}
            onChange={(e) => onChange({ ...filter, entity: (e.currentTarget as HTMLSelectElement).value || null })}
          >
            <option value="">{t('uiFilterAllEntities')}</option>
            {entities.map((e) => (
              <option key={e.id} value={e.id}>
                {`${e.name} (${e.claims})`}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
