// The side panel: every claim of the tab with its matches, filters, export. Pure view.
import type { ExportFormat } from '../core/export';
import { statusText } from '../popup/PopupView';
import type { TabView } from '../popup/tab-view';
import { ClaimList } from '../ui/ClaimList';
import { filterClaims, type ClaimFilter } from '../ui/claims';
import { Filters } from '../ui/Filters';
import { t } from '../ui/i18n';
import { StatusLine } from '../ui/Summary';

export interface PanelViewProps {
  view: TabView;
  filter: ClaimFilter;
  onFilterChange: (f: ClaimFilter) => void;
  onFocusClaim?: (index: number) => void;
  onExport?: (format: ExportFormat) => void;
  notice?: string | null;
}

const EXPORTS: [ExportFormat, string][] = [
  ['json', 'panelExportJson'],
  ['csv', 'panelExportCsv'],
  ['jsonld', 'panelExportClaimReview'],
];

export function PanelView({ view, filter, onFilterChange, onFocusClaim, onExport, notice }: PanelViewProps) {
  const status = statusText(view);
  const page = view.kind === 'ready' ? view.page : null;
  const analysis = page?.analysis;
  const shown = analysis ? filterClaims(analysis, filter) : [];
  return (
    <main class="cc-panel">
      <h1 class="cc-title">{t('panelHeading')}</h1>
      {'host' in view && view.host && <p class="cc-host">{view.host}</p>}
      {status && <StatusLine text={status} />}
      {notice && <StatusLine text={notice} tone="error" />}
      {view.kind === 'ready' && !analysis && <p class="cc-muted">{t('stateClaimsMarked', view.state.claims)}</p>}
      {analysis && (
        <>
          <section aria-labelledby="cc-filters-h">
            <h2 id="cc-filters-h" class="cc-subtitle">
              {t('panelFilters')}
            </h2>
            <Filters analysis={analysis} filter={filter} onChange={onFilterChange} idPrefix="cc-panel" />
          </section>
          <section aria-labelledby="cc-claims-h">
            <h2 id="cc-claims-h" class="cc-subtitle">
              {t('panelClaims')}
            </h2>
            <p class="cc-muted" role="status">
              {t('uiFilterShowing', [shown.length, analysis.claims.length])}
            </p>
            {onFocusClaim && shown.length > 0 && <p class="cc-muted">{t('panelFocusHint')}</p>}
            {shown.length === 0 ? (
              <p>{t('uiFilterNothing')}</p>
            ) : (
              <ClaimList
                analysis={analysis}
                indices={shown}
                filter={filter}
                onFocusClaim={onFocusClaim}
                openings={page?.openings}
                highlighted={page?.highlighted}
              />
            )}
          </section>
          <section aria-labelledby="cc-export-h" class="cc-export">
            <h2 id="cc-export-h" class="cc-subtitle">
              {t('panelExport')}
            </h2>
            <p class="cc-muted">{t('panelExportNote')}</p>
            <div class="cc-actions">
              {EXPORTS.map(([format, key]) => (
                <button key={format} type="button" class="cc-button" onClick={() => onExport?.(format)}>
                  {t(key)}
                </button>
              ))}
            </div>
          </section>
        </>
      )}
    </main>
  );
}
