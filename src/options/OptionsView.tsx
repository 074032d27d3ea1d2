// The options page. Pure view: main.tsx loads and saves.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Settings } from '../messaging/types';
import type { SettingsNotice } from '../storage/settings-schema';
import { parseSiteInput } from '../storage/settings-schema';
import { t } from '../ui/i18n';
import { StatusLine } from '../ui/Summary';

export interface OptionsViewProps {
  settings: Settings;
  notice: SettingsNotice;
  /** Result of the last save, announced politely. */
  saveStatus?: 'saved' | 'failed' | null;
  onChange: (change: Partial<Settings>) => void;
  onAddSite: (host: string) => void;
  onRemoveSite: (host: string) => void;
  /** Further sections (the user's own articles), shown before the shortcuts. */
  children?: ComponentChildren;
}

function sensitivityWords(v: number): string {
  if (v < 0.34) return t('optionsSensitivityMore');
  if (v > 0.66) return t('optionsSensitivityCloser');
  return t('optionsSensitivityBalanced');
}

export function OptionsView({ settings, notice, saveStatus, onChange, onAddSite, onRemoveSite, children }: OptionsViewProps) {
  const [siteInput, setSiteInput] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  // The slider moves freely; the value is saved when it is let go (change event).
  const [sensitivity, setSensitivity] = useState<number | null>(null);
  const shownSensitivity = sensitivity ?? settings.sensitivity;

  const addSite = (e: Event) => {
    e.preventDefault();
    const host = parseSiteInput(siteInput);
    if (!host) {
      setSiteError(t('optionsSiteInvalid'));
      return;
    }
    setSiteError(null);
    setSiteInput('');
    onAddSite(host);
  };

  return (
    <main class="cc-options">
      <h1 class="cc-title">{t('optionsTitle')}</h1>
      {notice && <StatusLine text={t(notice === 'old-version' ? 'optionsNoticeOld' : 'optionsNoticeCorrupted')} />}

      <section aria-labelledby="opt-general">
        <h2 id="opt-general" class="cc-subtitle">
          {t('optionsGeneral')}
        </h2>
        <Switch on={settings.enabled} label={t('optionsEnabled')} onToggle={(enabled) => onChange({ enabled })} />
        <Switch on={settings.markEntities} label={t('optionsMarkEntities')} onToggle={(markEntities) => onChange({ markEntities })} />
        <Switch on={settings.pageKeys} label={t('optionsPageKeys')} onToggle={(pageKeys) => onChange({ pageKeys })} />
      </section>

      <section aria-labelledby="opt-sensitivity">
        <h2 id="opt-sensitivity" class="cc-subtitle">
          <label for="sensitivity">{t('optionsSensitivity')}</label>
        </h2>
        <p id="sensitivity-help" class="cc-muted">
          {t('optionsSensitivityHelp')}
        </p>
        <div class="cc-slider">
          <span aria-hidden="true">{t('optionsSensitivityMore')}</span>
          <input
            id="sensitivity"
            type="range"
            min="0"
            max="1"
            step="0.05"
            value={shownSensitivity}
            aria-describedby="sensitivity-help"
            aria-valuetext={`${Math.round(shownSensitivity * 100)}%: ${sensitivityWords(shownSensitivity)}`}
            onInput={(e) => setSensitivity(Number((e.currentTarget as HTMLInputElement).value))}
            onChange={(e) => {
              const v = Number((e.currentTarget as HTMLInputElement).value);
              setSensitivity(null);
              onChange({ sensitivity: v });
            }}
          />
          <span aria-hidden="true">{t('optionsSensitivityCloser')}</span>
        </div>
        <p class="cc-muted" aria-hidden="true">
          {`${Math.round(shownSensitivity * 100)}% · ${sensitivityWords(shownSensitivity)}`}
        </p>
      </section>

      <section aria-labelledby="opt-sites">
        <h2 id="opt-sites" class="cc-subtitle">
          {t('optionsSites')}
        </h2>
        {settings.disabledSites.length === 0 ? (
          <p class="cc-muted">{t('optionsSitesEmpty')}</p>
        ) : (
          <ul class="cc-sites">
            {settings.disabledSites.map((host) => (
              <li key={host}>
                <span class="cc-sites__host">{host}</span>
                <button type="button" class="cc-button" aria-label={t('optionsSiteRemove', host)} onClick={() => onRemoveSite(host)}>
                  {t('optionsSiteRemoveShort')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="cc-site-form" onSubmit={addSite} noValidate>
          <label for="site-input">{t('optionsSiteInput')}</label>
          <div class="cc-actions">
            <input
              id="site-input"
              type="text"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              value={siteInput}
              aria-invalid={siteError ? 'true' : undefined}
              aria-describedby={siteError ? 'site-error' : undefined}
              onInput={(e) => setSiteInput((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="cc-button">
              {t('optionsSiteAdd')}
            </button>
          </div>
          {siteError && (
            <p id="site-error" class="cc-status cc-status--error" role="alert">
              {siteError}
            </p>
          )}
        </form>
      </section>

      {children}

      <section aria-labelledby="opt-shortcuts">
        <h2 id="opt-shortcuts" class="cc-subtitle">
          {t('optionsShortcuts')}
        </h2>
        <p>{t('optionsShortcutsChrome')}</p>
        <p>{t('optionsShortcutsFirefox')}</p>
      </section>

      <p class="cc-muted" role="status">
        {saveStatus === 'saved' ? t('optionsSaved') : ''}
      </p>
      {saveStatus === 'failed' && <StatusLine text={t('errorSaveSettings')} tone="error" />}
    </main>
  );
}

/** One on/off setting: a labelled checkbox styled as a switch. */
function Switch({ on, label, onToggle }: { on: boolean; label: string; onToggle: (on: boolean) => void }) {
  return (
    <p>
      <label class="cc-switch">
        <input type="checkbox" checked={on} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} />
        <span>{label}</span>
      </label>
    </p>
  );
}
