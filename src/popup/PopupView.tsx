// The popup: the current tab at a glance. Pure view; main.tsx feeds it.
import { ClaimList } from '../ui/ClaimList';
import { mostContested, summarizeClaims } from '../ui/claims';
import { t } from '../ui/i18n';
import { ClaimCounts, StatusLine } from '../ui/Summary';
import type { TabView } from './tab-view';

export interface PopupViewProps {
  view: TabView;
  /** Error or progress line from the last action, if any. */
  notice?: string | null;
  onSiteEnabled?: (host: string, enabled: boolean) => void;
  onOpenPanel?: () => void;
  onFocusClaim?: (index: number) => void;
  onOpenOptions?: () => void;
}

const MOST_CONTESTED = 5;

export function statusText(view: TabView): string | null {
  switch (view.kind) {
    case 'loading':
      return t('stateLoading');
    case 'not-web-page':
      return t('stateNotWebPage');
    case 'unavailable':
      return t('stateUnavailable');
    case 'globally-off':
      return t('stateGloballyOff');
    case 'site-off':
      return t('stateSiteOff', view.host);
    case 'analysing':
      return t('stateAnalysing');
    case 'no-claims':
      return t('stateNoClaims');
    case 'ready':
      return view.state.enabled ? null : t('stateHighlightsHidden');
  }
}

function hostOf(view: TabView): string | null {
  return 'host' in view ? view.host : null;
}

export function PopupView({ view, notice, onSiteEnabled, onOpenPanel, onFocusClaim, onOpenOptions }: PopupViewProps) {
  const host = hostOf(view);
  const status = statusText(view);
  const siteOn = view.kind !== 'site-off';
  const analysis = view.kind === 'ready' ? view.page?.analysis : undefined;
  const contested = analysis ? mostContested(analysis.claims, MOST_CONTESTED) : [];
  return (
    <main class="cc-popup">
      <h1 class="cc-title">{t('popupHeading')}</h1>
      {host && <p class="cc-host">{host}</p>}
      {status && <StatusLine text={status} />}
      {analysis && <ClaimCounts summary={summarizeClaims(analysis.claims)} />}
      {view.kind === 'ready' && !analysis && <p class="cc-muted">{t('stateClaimsMarked', view.state.claims)}</p>}
      {analysis && contested.length > 0 && (
        <section aria-labelledby="cc-contested">
          <h2 id="cc-contested" class="cc-subtitle">
            {t('popupMostContested')}
          </h2>
          <ClaimList
            analysis={analysis}
            indices={contested}
            showMatches={false}
            onFocusClaim={onFocusClaim}
            highlighted={view.kind === 'ready' ? view.page?.highlighted : undefined}
          />
        </section>
      )}
      {notice && <StatusLine text={notice} tone="error" />}
      <div class="cc-actions">
        {host && view.kind !== 'globally-off' && (
          <label class="cc-switch">
            <input
              type="checkbox"
              role="switch"
              checked={siteOn}
              onChange={(e) => onSiteEnabled?.(host, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span>{t('popupSiteSwitch', host)}</span>
          </label>
        )}
        {view.kind !== 'not-web-page' && view.kind !== 'loading' && (
          <button type="button" class="cc-button cc-button--primary" onClick={() => onOpenPanel?.()}>
            {t('popupOpenPanel')}
          </button>
        )}
        <button type="button" class="cc-button" onClick={() => onOpenOptions?.()}>
          {t('popupOptions')}
        </button>
      </div>
    </main>
  );
}
