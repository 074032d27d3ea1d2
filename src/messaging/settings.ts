// Settings live in storage.local under one key (see settings-store.ts). Whatever is stored
// is validated field by field: a corrupted or hand-edited value falls back to its default,
// never throws. Pure: no browser API, so any context and unit tests can use it.
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

interface StorageChange {
  newValue?: unknown;
}
type ChangeListener = (changes: Record<string, StorageChange>, area: string) => void;
interface StorageEvents {
  storage: { onChanged: { addListener(l: ChangeListener): void; removeListener(l: ChangeListener): void } };
}

/**
 * Calls `listener` with validated settings whenever they change. Returns an unsubscribe.
 * Uses the browser's own namespace (same event shape in Chrome and Firefox), so importing
 * this module needs no polyfill.
 */
export function onSettingsChanged(listener: (s: Settings) => void): () => void {
  const g = globalThis as unknown as { browser?: StorageEvents; chrome?: StorageEvents };
  const api = g.browser?.storage ? g.browser : g.chrome;
  if (!api?.storage?.onChanged) return () => undefined;
  const handler: ChangeListener = (changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(validateSettings(changes[SETTINGS_KEY].newValue));
  };
  api.storage.onChanged.addListener(handler);
  return () => api.storage.onChanged.removeListener(handler);
}
