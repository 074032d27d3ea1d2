// What is stored under the settings key, and how a stored value is read back: field by
// field validation (messaging/settings.ts), plus a notice when the stored value was
// corrupted or written by an older version, so the options page can say so in one line.
import { validateSettings } from '../messaging/settings';
import { DEFAULT_SETTINGS, type Settings } from '../messaging/types';

/** Bump when a field changes meaning; older stored values are then replaced by defaults. */
export const SETTINGS_VERSION = 1;

export type SettingsNotice = 'corrupted' | 'old-version' | null;

export interface StoredSettings extends Settings {
  version: number;
}

export interface ReadSettings {
  settings: Settings;
  notice: SettingsNotice;
}

const FIELD_TYPES: Record<keyof Settings, 'boolean' | 'number' | 'array'> = {
  enabled: 'boolean',
  disabledSites: 'array',
  sensitivity: 'number',
  pageKeys: 'boolean',
  markEntities: 'boolean',
};

function fieldIsValid(key: keyof Settings, value: unknown): boolean {
  switch (FIELD_TYPES[key]) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
    case 'array':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, disabledSites: [...DEFAULT_SETTINGS.disabledSites] };
}

/** Reads whatever storage holds (undefined when nothing was ever saved). Never throws. */
export function readStoredSettings(raw: unknown): ReadSettings {
  if (raw === undefined || raw === null) return { settings: defaultSettings(), notice: null };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings: defaultSettings(), notice: 'corrupted' };
  const r = raw as Record<string, unknown>;
  // A value saved before versions existed has no `version` and is read as the current one.
  if ('version' in r) {
    if (typeof r.version !== 'number' || !Number.isInteger(r.version))
      return { settings: validateSettings(r), notice: 'corrupted' };
    if (r.version < SETTINGS_VERSION) return { settings: defaultSettings(), notice: 'old-version' };
  }
  const bad = (Object.keys(FIELD_TYPES) as (keyof Settings)[]).some((k) => k in r && !fieldIsValid(k, r[k]));
  return { settings: validateSettings(r), notice: bad ? 'corrupted' : null };
}

export function toStored(settings: Settings): StoredSettings {
  return { ...validateSettings(settings), version: SETTINGS_VERSION };
}

/** Lower-case hostname of a URL, or null for anything that is not an http(s) page. */
export function webHostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** Entries of disabledSites that switch this host off (the host itself or a parent domain). */
export function disablingEntries(settings: Settings, host: string): string[] {
  const h = host.toLowerCase();
  return settings.disabledSites.filter((d) => h === d || h.endsWith(`.${d}`));
}

/**
 * Switches Crosscheck off (adds the host) or on (removes the host and any parent domain
 * that covers it, otherwise the switch would not turn it back on) for one site.
 */
export function withSiteDisabled(settings: Settings, host: string, disabled: boolean): Settings {
  const h = host.toLowerCase();
  const covering = disablingEntries(settings, h);
  if (disabled) return covering.length ? settings : { ...settings, disabledSites: [...settings.disabledSites, h] };
  return { ...settings, disabledSites: settings.disabledSites.filter((d) => !covering.includes(d)) };
}

/**
 * Turns what a user typed in "add a site" into a hostname: accepts a bare host or a URL.
 * Returns null for anything that is not a hostname.
 */
export function parseSiteInput(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  const host = /^[a-z][a-z0-9+.-]*:\/\//.test(text) ? webHostOf(text) : webHostOf(`https://${text}`);
  if (!host || !/^[a-z0-9.-]+$/.test(host) || host.startsWith('.') || host.endsWith('.')) return null;
  return host;
}
