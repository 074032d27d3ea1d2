// Side panel (Chrome side_panel) / sidebar (Firefox sidebar_action) entry. Follows the
// active tab of its window; `?tabId=N` pins it to tab N instead (tests, panel opened as a tab).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { buildExport, EXPORT_EXTENSION, EXPORT_MIME, exportFileStem, type ExportFormat } from '../core/export';
import { sendToTab } from '../messaging/send';
import { useTabView } from '../popup/use-tab-view';
import { NO_FILTER, type ClaimFilter } from '../ui/claims';
import { t } from '../ui/i18n';
import { downloadText } from './download';
import { PanelView } from './PanelView';
import '../ui/theme.css';
import './sidepanel.css';

function Panel() {
  const { view } = useTabView({ followActiveTab: true });
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [notice, setNotice] = useState<string | null>(null);
  const pageKey = view.kind === 'ready' ? `${view.tabId} ${view.page?.url ?? ''}` : view.kind;
  // Another page has other entities: keep the stance choice, drop the entity one.
  useEffect(() => {
    setFilter((f) => (f.entity === null ? f : { ...f, entity: null }));
    setNotice(null);
  }, [pageKey]);

  const onFocusClaim = (claim: number) => {
    if (view.kind !== 'ready') return;
    setNotice(null);
    sendToTab(view.tabId, { type: 'crosscheck:focus-claim', claim }).then(
      (r) => r?.ok || setNotice(t('errorFocusClaim')),
      () => setNotice(t('errorFocusClaim')),
    );
  };
  const onExport = (format: ExportFormat) => {
    if (view.kind !== 'ready' || !view.page) return;
    const { url, title, analysis } = view.page;
    const text = buildExport(format, { url, title, analysis });
    downloadText(document, `${exportFileStem(url)}${EXPORT_EXTENSION[format]}`, EXPORT_MIME[format], text);
  };
  return (
    <PanelView
      view={view}
      filter={filter}
      onFilterChange={setFilter}
      onFocusClaim={onFocusClaim}
      onExport={onExport}
      notice={notice}
    />
  );
}

document.title = t('panelHeading');
render(<Panel />, document.getElementById('app')!);
