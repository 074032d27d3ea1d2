// One manifest description, two browsers: Chrome gets an MV3 service worker and a side
// panel; Firefox gets background scripts (event page), a sidebar and gecko settings.
import pkg from './package.json' with { type: 'json' };

export type TargetBrowser = 'chrome' | 'firefox';

const ICONS = {
  16: 'assets/icon-16.png',
  32: 'assets/icon-32.png',
  48: 'assets/icon-48.png',
  128: 'assets/icon-128.png',
};

export const POPUP_PAGE = 'src/popup/index.html';
export const SIDEPANEL_PAGE = 'src/sidepanel/index.html';
export const OPTIONS_PAGE = 'src/options/index.html';
export const CONTENT_SCRIPT = 'src/content/main.ts';
/** The marks' ::highlight() styles: added by the browser, not built by the script. */
export const CONTENT_STYLES = 'src/content/highlights.css';
export const BACKGROUND_SCRIPT = 'src/background/main.ts';

/** Keyboard commands: at most four, each with Ctrl or Alt (Chrome refuses others). */
export const COMMANDS = {
  _execute_action: {
    suggested_key: { default: 'Alt+Shift+C' },
    description: '__MSG_commandOpenPopup__',
  },
  'toggle-highlights': {
    suggested_key: { default: 'Alt+Shift+H' },
    description: '__MSG_commandToggleHighlights__',
  },
  'open-side-panel': {
    suggested_key: { default: 'Alt+Shift+S' },
    description: '__MSG_commandOpenSidePanel__',
  },
};

export function makeManifest(browser: TargetBrowser) {
  const common = {
    manifest_version: 3 as const,
    name: '__MSG_extName__',
    short_name: 'Crosscheck',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    version: pkg.version,
    icons: ICONS,
    action: { default_popup: POPUP_PAGE, default_icon: ICONS, default_title: '__MSG_actionTitle__' },
    options_ui: { page: OPTIONS_PAGE, open_in_tab: true },
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: [CONTENT_SCRIPT],
        css: [CONTENT_STYLES],
        run_at: 'document_idle' as const,
        all_frames: false,
      },
    ],
    commands: COMMANDS,
  };
  if (browser === 'chrome') {
    return {
      ...common,
      minimum_chrome_version: '116',
      background: { service_worker: BACKGROUND_SCRIPT, type: 'module' as const },
      permissions: ['storage', 'sidePanel'],
      side_panel: { default_path: SIDEPANEL_PAGE },
    };
  }
  return {
    ...common,
    background: { scripts: [BACKGROUND_SCRIPT], type: 'module' as const },
    permissions: ['storage'],
    sidebar_action: {
      default_panel: SIDEPANEL_PAGE,
      default_title: '__MSG_sidebarTitle__',
      default_icon: ICONS,
      open_at_install: false,
    },
    browser_specific_settings: {
      gecko: {
        id: 'crosscheck@example.org',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
