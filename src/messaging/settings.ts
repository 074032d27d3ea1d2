// Settings live in storage.local under one key. Whatever is stored is validated field by
// field: a corrupted or hand-edited value falls back to its default, never throws.
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, type Settings } from './types';

export const SETTINGS_KEY = 'settings';

const HOST = /^[a-z0-9.-]+(?::\d+)?$/i;

/** Turns anything into valid Settings, keeping every field that is valid. */
export function validateSettings(raw: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, disabledSites: [...DEFAULT_SETTINGS.disabledSites] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.enabled === 'boolean') out.enabled = r.enabled;
  if (typeof r.pageKeys === 'boolean') out.pageKeys = r.pageKeys;
  if (typeof r.markEntities === 'boolean') out.markEntities = r.markEntities;
  if (typeof r.sensitivity === 'number' && Number.isFinite(r.sensitivity))
    out.sensitivity = Math.min(1, Math.max(0, r.sensitivity));
  if (Array.isArray(r.disabledSites))
    out.disabledSites = [
      ...new Set(
        r.disabledSites
          .filter((h): h is string => typeof h === 'string')
          .map((h) => h.trim().toLowerCase())
          .filter((h) => HOST.test(h)),
      ),
    ];
  return out;
}

/** True when Crosscheck should run on a page at this URL. */
export function isSiteEnabled(settings: Settings, url: string): boolean {
  if (!settings.enabled) return false;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return !settings.disabledSites.some((d) => host === d || host.endsWith(`.${d}`));
}

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

/** Calls `listener` with validated settings whenever they change. Returns an unsubscribe. */
export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(validateSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
