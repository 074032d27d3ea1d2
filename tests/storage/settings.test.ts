import { beforeEach, describe, expect, it, vi } from 'vitest';

// webextension-polyfill throws outside an extension: replace it with an in-memory
// storage.local whose calls finish in random order, like real async storage can.
const store = vi.hoisted(() => ({ data: {} as Record<string, unknown>, writes: 0 }));
vi.mock('webextension-polyfill', () => {
  const later = <T>(v: () => T) => new Promise<T>((r) => setTimeout(() => r(v()), Math.random() * 5));
  return {
    default: {
      storage: {
        local: {
          get: (key: string) => later(() => (key in store.data ? { [key]: structuredClone(store.data[key]) } : {})),
          set: (items: Record<string, unknown>) =>
            later(() => {
              store.writes++;
              Object.assign(store.data, structuredClone(items));
            }),
        },
        onChanged: { addListener: () => undefined, removeListener: () => undefined },
      },
    },
  };
});

const { readStoredSettings, toStored, withSiteDisabled, parseSiteInput, webHostOf, SETTINGS_VERSION, defaultSettings } =
  await import('../../src/storage/settings-schema');
const { updateSettings, loadSettingsWithNotice, loadAndRepairSettings } = await import('../../src/storage/settings-store');
const { DEFAULT_SETTINGS } = await import('../../src/messaging/types');

beforeEach(() => {
  store.data = {};
  store.writes = 0;
});

describe('reading stored settings', () => {
  it('uses defaults, without a notice, when nothing was saved', () => {
    expect(readStoredSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
  });

  it('keeps valid current settings', () => {
    const s = { ...DEFAULT_SETTINGS, sensitivity: 0.8, disabledSites: ['example.com'], pageKeys: false };
    expect(readStoredSettings(toStored(s))).toEqual({ settings: s, notice: null });
    // saved before versions existed (plain Settings): still fine
    expect(readStoredSettings(s).notice).toBeNull();
  });

  it('flags corrupted values and falls back to defaults for the bad fields', () => {
    expect(readStoredSettings('garbage')).toEqual({ settings: DEFAULT_SETTINGS, notice: 'corrupted' });
    expect(readStoredSettings([1, 2])).toEqual({ settings: DEFAULT_SETTINGS, notice: 'corrupted' });
    const read = readStoredSettings({ version: SETTINGS_VERSION, sensitivity: 'high', pageKeys: false });
    expect(read.notice).toBe('corrupted');
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, pageKeys: false });
    expect(readStoredSettings({ disabledSites: 'example.com' }).notice).toBe('corrupted');
    expect(readStoredSettings({ version: 'one' }).notice).toBe('corrupted');
  });

  it('replaces settings from an older version with defaults', () => {
    const read = readStoredSettings({ version: 0, sensitivity: 0.9, pageKeys: false });
    expect(read).toEqual({ settings: DEFAULT_SETTINGS, notice: 'old-version' });
  });
});

describe('site switch', () => {
  it('adds and removes a host, including a parent domain that covers it', () => {
    const base = defaultSettings();
    const off = withSiteDisabled(base, 'News.Example.com', true);
    expect(off.disabledSites).toEqual(['news.example.com']);
    expect(withSiteDisabled(off, 'news.example.com', true).disabledSites).toEqual(['news.example.com']);
    expect(withSiteDisabled(off, 'news.example.com', false).disabledSites).toEqual([]);
    const parent = { ...base, disabledSites: ['example.com', 'other.org'] };
    expect(withSiteDisabled(parent, 'news.example.com', false).disabledSites).toEqual(['other.org']);
  });

  it('parses typed sites and page URLs', () => {
    expect(parseSiteInput(' Example.COM ')).toBe('example.com');
    expect(parseSiteInput('https://www.bbc.co.uk/news/1')).toBe('www.bbc.co.uk');
    expect(parseSiteInput('')).toBeNull();
    expect(parseSiteInput('not a host')).toBeNull();
    expect(parseSiteInput('chrome://extensions')).toBeNull();
    expect(webHostOf('about:blank')).toBeNull();
    expect(webHostOf('http://localhost:8080/x')).toBe('localhost');
  });
});

describe('settings store', () => {
  it('loses no change when many saves run at once', async () => {
    const hosts = Array.from({ length: 25 }, (_, i) => `site${i}.example`);
    await Promise.all([
      ...hosts.map((h) => updateSettings((s) => withSiteDisabled(s, h, true))),
      updateSettings((s) => ({ ...s, sensitivity: 0.75 })),
      updateSettings((s) => ({ ...s, markEntities: false })),
    ]);
    const { settings, notice } = await loadSettingsWithNotice();
    expect(notice).toBeNull();
    expect([...settings.disabledSites].sort()).toEqual([...hosts].sort());
    expect(settings.sensitivity).toBe(0.75);
    expect(settings.markEntities).toBe(false);
    expect((store.data.settings as { version: number }).version).toBe(SETTINGS_VERSION);
  });

  it('keeps going after a failing change', async () => {
    const failed = updateSettings(() => {
      throw new Error('boom');
    });
    const ok = updateSettings((s) => ({ ...s, pageKeys: false }));
    await expect(failed).rejects.toThrow('boom');
    expect((await ok).pageKeys).toBe(false);
  });

  it('goes through the Web Locks API when the context has it (shared with other extension pages)', async () => {
    const names: string[] = [];
    let tail: Promise<unknown> = Promise.resolve();
    const locks = {
      request: (name: string, task: () => Promise<unknown>) => {
        names.push(name);
        const run = tail.then(task);
        tail = run.catch(() => undefined);
        return run;
      },
    };
    const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
    try {
      await Promise.all(['a.example', 'b.example', 'c.example'].map((h) => updateSettings((s) => withSiteDisabled(s, h, true))));
    } finally {
      if (before) Object.defineProperty(globalThis, 'navigator', before);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
    expect(names).toEqual(['crosscheck-settings', 'crosscheck-settings', 'crosscheck-settings']);
    expect((await loadSettingsWithNotice()).settings.disabledSites.sort()).toEqual(['a.example', 'b.example', 'c.example']);
  });

  it('repairs corrupted storage once and reports it', async () => {
    store.data.settings = { version: SETTINGS_VERSION, sensitivity: NaN, enabled: 'yes' };
    const read = await loadAndRepairSettings();
    expect(read.notice).toBe('corrupted');
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect((await loadSettingsWithNotice()).notice).toBeNull();
  });
});
