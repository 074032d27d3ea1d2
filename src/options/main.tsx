// Options page entry: loads settings (repairing corrupted or old ones, with a notice),
// saves every change as one queued read-modify-write, follows changes made elsewhere.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../messaging/types';
import type { SettingsNotice } from '../storage/settings-schema';
import { loadAndRepairSettings, onSettingsChanged, updateSettings } from '../storage/settings-store';
import { t } from '../ui/i18n';
import { Corpus } from './Corpus';
import { startBuild } from './corpus-client';
import { OptionsView } from './OptionsView';
import '../ui/theme.css';
import './options.css';

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<SettingsNotice>(null);
  const [saveStatus, setSaveStatus] = useState<'saved' | 'failed' | null>(null);

  useEffect(() => {
    void loadAndRepairSettings().then((read) => {
      setSettings(read.settings);
      setNotice(read.notice);
    });
    return onSettingsChanged((s) => setSettings(s));
  }, []);

  const save = (change: (s: Settings) => Settings) => {
    setSaveStatus(null);
    updateSettings(change).then(
      (s) => {
        setSettings(s);
        setSaveStatus('saved');
      },
      () => setSaveStatus('failed'),
    );
  };

  return (
    <OptionsView
      settings={settings ?? DEFAULT_SETTINGS}
      notice={notice}
      saveStatus={saveStatus}
      onChange={(change) => save((s) => ({ ...s, ...change }))}
      onAddSite={(host) => save((s) => ({ ...s, disabledSites: [...s.disabledSites.filter((h) => h !== host), host] }))}
      onRemoveSite={(host) => save((s) => ({ ...s, disabledSites: s.disabledSites.filter((h) => h !== host) }))}
    >
      <Corpus />
    </OptionsView>
  );
}

// Test hook: e2e tests start a build job that fails inside the worker (a crashed import).
(globalThis as { crosscheckOptions?: unknown }).crosscheckOptions = { startBuild };

document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
