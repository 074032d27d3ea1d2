// Settings in storage.local: read, write, follow changes. Always validated on the way in.
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, validateSettings } from './settings';
import type { Settings } from './types';

export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get(SETTINGS_KEY);
    return validateSettings(got[SETTINGS_KEY]);
  } catch {
    return validateSettings(undefined);
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: validateSettings(settings) });
}

export { onSettingsChanged } from './settings';
