// The popup, side panel and options views, rendered with their real CSS and English
// strings, checked by axe-core in Chromium in light and dark colour schemes.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { ComponentChild } from 'preact';
import { mount, setupDom } from './dom';
import { installI18n } from './i18n-stub';
import { formatViolations, runAxe } from './axe-helper';
import { SAMPLE } from '../export/sample-analysis';
import { DEFAULT_SETTINGS, type StateReply } from '../../src/messaging/types';
import type { TabView } from '../../src/popup/tab-view';

vi.mock('webextension-polyfill', () => ({ default: {} }));
setupDom();
const { PopupView } = await import('../../src/popup/PopupView');
const { PanelView } = await import('../../src/sidepanel/PanelView');
const { OptionsView } = await import('../../src/options/OptionsView');
const { NO_FILTER } = await import('../../src/ui/claims');

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const css = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const THEME = css('../../src/ui/theme.css');

const STATE: StateReply = {
  ready: true,
  url: 'https://news.example.com/a',
  enabled: true,
  entities: 2,
  claims: 3,
  matches: { corroborates: 1, conflicts: 1, related: 1 },
};
const READY: TabView = {
  kind: 'ready',
  tabId: 9,
  host: 'news.example.com',
  state: STATE,
  page: { url: STATE.url, title: 'T', analysis: SAMPLE, highlighted: [0, 1, 2] },
};

function html(vnode: ComponentChild, entryCss: string, title: string): string {
  const el = mount(vnode);
  const body = el.innerHTML;
  el.remove();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${THEME}\n${entryCss}</style></head><body>${body}</body></html>`;
}

let uninstall: () => void;
let pages: [string, string][] = [];
beforeAll(() => {
  uninstall = installI18n();
  const noop = () => undefined;
  const popupCss = css('../../src/popup/popup.css');
  pages = [
    ['popup, ready', html(<PopupView view={READY} />, popupCss, 'Crosscheck')],
    ['popup, off on site', html(<PopupView view={{ kind: 'site-off', tabId: 1, host: 'a.org' }} notice="Could not save the settings." />, popupCss, 'Crosscheck')],
    ['popup, not a web page', html(<PopupView view={{ kind: 'not-web-page' }} />, popupCss, 'Crosscheck')],
    [
      'side panel, ready',
      html(
        <PanelView view={READY} filter={NO_FILTER} onFilterChange={noop} onFocusClaim={noop} onExport={noop} />,
        css('../../src/sidepanel/sidepanel.css'),
        'Crosscheck',
      ),
    ],
    [
      'options',
      html(
        <OptionsView
          settings={{ ...DEFAULT_SETTINGS, disabledSites: ['example.com', 'news.example.org'] }}
          notice="corrupted"
          saveStatus="saved"
          onChange={noop}
          onAddSite={noop}
          onRemoveSite={noop}
        />,
        css('../../src/options/options.css'),
        'Crosscheck options',
      ),
    ],
  ];
});
afterAll(() => uninstall?.());

describe.skipIf(!CHROMIUM)('axe-core, real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the check can fail: it finds a bad page', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><button></button><p style="color:#ccc;background:#fff">faint</p></body></html>');
    const ids = (await runAxe(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast', 'html-has-lang']));
    for (const [name, content] of pages) expect(content, name).toContain('cc-');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`no violations, ${scheme} scheme`, async () => {
      const page = await browser.newPage();
      const report: string[] = [];
      for (const [name, content] of pages) {
        await page.setContent(content);
        const violations = await runAxe(page, { colorScheme: scheme });
        if (violations.length) report.push(`${name}:\n${formatViolations(violations)}`);
      }
      await page.close();
      expect(report.join('\n\n')).toBe('');
    });
  }
});
