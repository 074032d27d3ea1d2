// Popup entry. Optional `?tabId=N` targets tab N instead of the active tab (a popup page
// opened as a tab in tests would otherwise look at itself).
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { sendToTab } from '../messaging/send';
import { t } from '../ui/i18n';
import { openOptions, openSidePanel, setSiteDisabled } from './browser-deps';
import { PopupView } from './PopupView';
import { useTabView } from './use-tab-view';
import '../ui/theme.css';
import './popup.css';

function Popup() {
  const { view, reload } = useTabView({ followActiveTab: false });
  const [notice, setNotice] = useState<string | null>(null);
  const tabId = 'tabId' in view ? view.tabId : undefined;

  const onSiteEnabled = (host: string, enabled: boolean) => {
    setNotice(null);
    setSiteDisabled(host, !enabled).then(reload, () => setNotice(t('errorSaveSettings')));
  };
  const onOpenPanel = () => {
    // No await before this call: the side panel API needs the click's user gesture.
    openSidePanel(tabId).then((ok) => (ok ? window.close() : setNotice(t('errorOpenPanel'))));
  };
  const onFocusClaim = (claim: number) => {
    if (tabId === undefined) return;
    sendToTab(tabId, { type: 'crosscheck:focus-claim', claim }).then(
      (r) => (r?.ok ? window.close() : setNotice(t('errorFocusClaim'))),
      () => setNotice(t('errorFocusClaim')),
    );
  };
  return (
    <PopupView
      view={view}
      notice={notice}
      onSiteEnabled={onSiteEnabled}
      onOpenPanel={onOpenPanel}
      onFocusClaim={onFocusClaim}
      onOpenOptions={openOptions}
    />
  );
}

document.title = t('popupHeading');
render(<Popup />, document.getElementById('app')!);
