// Popup, side panel and options views: clear states, real controls, text stays text.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { click, flush, isChecked, mount, setupDom, setValue, unmount } from './dom';
import { installI18n } from './i18n-stub';
import { SAMPLE, XSS } from '../export/sample-analysis';
import { DEFAULT_SETTINGS, type PageAnalysis, type StateReply } from '../../src/messaging/types';

vi.mock('webextension-polyfill', () => ({ default: {} }));
setupDom();
const { PopupView } = await import('../../src/popup/PopupView');
const { PanelView } = await import('../../src/sidepanel/PanelView');
const { OptionsView } = await import('../../src/options/OptionsView');
const { NO_FILTER } = await import('../../src/ui/claims');
import type { TabView } from '../../src/popup/tab-view';

const STATE: StateReply = {
  ready: true,
  url: 'https://news.example.com/a',
  enabled: true,
  entities: 2,
  claims: 3,
  matches: { corroborates: 1, conflicts: 1, related: 1 },
};
const PAGE: PageAnalysis = { url: STATE.url, title: 'T', analysis: SAMPLE, highlighted: [0, 1, 2] };
export const READY: TabView = { kind: 'ready', tabId: 9, host: 'news.example.com', state: STATE, page: PAGE };

let uninstall: () => void;
beforeAll(() => {
  uninstall = installI18n();
});
afterAll(() => uninstall());

describe('popup', () => {
  it('shows counts, the most contested claims first, the site switch and the panel button', () => {
    const onSite = vi.fn();
    const onPanel = vi.fn();
    const onFocus = vi.fn();
    const el = mount(<PopupView view={READY} onSiteEnabled={onSite} onOpenPanel={onPanel} onFocusClaim={onFocus} />);
    const counts = [...el.querySelectorAll('.cc-count')].map((c) => c.textContent);
    expect(counts).toEqual(['1with conflicts', '1corroborated', '1with related reports']);
    const claims = [...el.querySelectorAll('.cc-claim__focus')].map((b) => b.textContent);
    expect(claims).toEqual([SAMPLE.claims[0].text, SAMPLE.claims[1].text]); // conflict first; no-match claim left out
    expect(el.textContent).toContain(XSS);
    expect(el.querySelectorAll('img')).toHaveLength(0);
    const sw = el.querySelector('input[role=switch]') as HTMLInputElement;
    expect(isChecked(sw)).toBe(true);
    expect(sw.closest('label')?.textContent).toBe('Crosscheck on news.example.com');
    setValue(sw, false);
    expect(onSite).toHaveBeenCalledWith('news.example.com', false);
    click([...el.querySelectorAll('button')].find((b) => b.textContent === 'Open side panel')!);
    expect(onPanel).toHaveBeenCalled();
    click(el.querySelector('.cc-claim__focus'));
    expect(onFocus).toHaveBeenCalledWith(0);
    unmount(el);
  });

  const states: [TabView, string][] = [
    [{ kind: 'loading' }, 'Looking at this tab…'],
    [{ kind: 'not-web-page' }, 'Crosscheck works on web pages (http and https) only.'],
    [{ kind: 'unavailable', tabId: 1, host: null }, 'Crosscheck cannot read this page yet. If it is a web page, reload it.'],
    [{ kind: 'analysing', tabId: 1, host: 'a.org' }, 'Analysing this page…'],
    [{ kind: 'site-off', tabId: 1, host: 'a.org' }, 'Crosscheck is off on a.org.'],
    [{ kind: 'globally-off', tabId: 1, host: 'a.org' }, 'Crosscheck is switched off. Turn it on in the options.'],
    [{ kind: 'no-claims', tabId: 1, host: 'a.org', state: { ...STATE, claims: 0 } }, 'No claims found on this page.'],
  ];
  it.each(states)('says clearly what is going on: %o', (view, text) => {
    const el = mount(<PopupView view={view} />);
    expect(el.querySelector('[role=status]')?.textContent).toBe(text);
    const sw = el.querySelector('input[role=switch]') as HTMLInputElement | null;
    if (view.kind === 'site-off') expect(sw && !isChecked(sw)).toBe(true);
    if (view.kind === 'not-web-page' || view.kind === 'loading' || view.kind === 'globally-off') expect(sw).toBeNull();
    unmount(el);
  });
});

describe('side panel', () => {
  it('lists every claim with matches, filters them and exports', async () => {
    let filter = NO_FILTER;
    const onExport = vi.fn();
    const onFocus = vi.fn();
    const render = () =>
      mount(
        <PanelView
          view={READY}
          filter={filter}
          onFilterChange={(f) => (filter = f)}
          onFocusClaim={onFocus}
          onExport={onExport}
        />,
      );
    let el = render();
    expect(el.querySelectorAll('.cc-claim')).toHaveLength(3);
    expect(el.querySelectorAll('.cc-match')).toHaveLength(3);
    expect(el.textContent).toContain('Showing 3 of 3 claims');
    expect(el.querySelector('del')?.textContent).toBe('removed: would');
    const buttons = [...el.querySelectorAll('.cc-export button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['JSON', 'CSV (spreadsheet)', 'ClaimReview (JSON-LD)']);
    click(buttons[1]);
    expect(onExport).toHaveBeenCalledWith('csv');
    click(el.querySelectorAll('.cc-claim__focus')[1]);
    expect(onFocus).toHaveBeenCalledWith(1);

    setValue(el.querySelector('select'), 'e-zel');
    unmount(el);
    el = render();
    expect(el.textContent).toContain('Showing 1 of 3 claims');
    expect(el.querySelector('.cc-claim__focus')?.textContent).toBe(SAMPLE.claims[0].text);
    await flush();
    unmount(el);
  });

  it('shows the state instead of claims when there is no analysis', () => {
    const el = mount(<PanelView view={{ kind: 'analysing', tabId: 1, host: 'a.org' }} filter={NO_FILTER} onFilterChange={() => undefined} />);
    expect(el.textContent).toContain('Analysing this page…');
    expect(el.querySelector('.cc-export')).toBeNull();
    unmount(el);
  });
});

describe('options', () => {
  it('has labelled controls and reports changes', async () => {
    const onChange = vi.fn();
    const onAdd = vi.fn();
    const onRemove = vi.fn();
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    const el = mount(
      <OptionsView settings={settings} notice={null} onChange={onChange} onAddSite={onAdd} onRemoveSite={onRemove} />,
    );
    for (const input of el.querySelectorAll('input')) {
      const labelled = input.closest('label') || el.querySelector(`label[for="${input.id}"]`);
      expect(labelled, input.outerHTML).toBeTruthy();
    }
    const slider = el.querySelector('input[type=range]') as HTMLInputElement;
    expect(slider.getAttribute('min')).toBe('0');
    expect(slider.getAttribute('max')).toBe('1');
    expect(el.textContent).toContain('more matches');
    expect(el.textContent).toContain('closer matches');
    setValue(slider, '0.8');
    expect(onChange).toHaveBeenCalledWith({ sensitivity: 0.8 });

    const remove = el.querySelector('.cc-sites button')!;
    expect(remove.getAttribute('aria-label')).toBe('Remove example.com');
    click(remove);
    expect(onRemove).toHaveBeenCalledWith('example.com');

    const input = el.querySelector('#site-input')!;
    setValue(input, 'https://www.Example.org/page');
    await flush();
    el.querySelector('form')!.dispatchEvent(new (window as unknown as typeof globalThis).Event('submit', { bubbles: true, cancelable: true }));
    expect(onAdd).toHaveBeenCalledWith('www.example.org');
    setValue(input, 'not a site');
    await flush();
    el.querySelector('form')!.dispatchEvent(new (window as unknown as typeof globalThis).Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('not a site name');
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(el.textContent).toContain('chrome://extensions/shortcuts');
    unmount(el);
  });

  it('shows a one-line notice when stored settings were replaced', () => {
    const el = mount(
      <OptionsView settings={DEFAULT_SETTINGS} notice="old-version" onChange={() => undefined} onAddSite={() => undefined} onRemoveSite={() => undefined} />,
    );
    expect(el.querySelector('.cc-status')?.textContent).toBe(
      'Your saved settings came from an older version, so the defaults are used.',
    );
    unmount(el);
  });
});
