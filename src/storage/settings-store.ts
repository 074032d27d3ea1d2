// Settings in browser.storage.local under one key. Every change is a read-modify-write run
// one at a time: through the Web Locks API when the context has it (so the options page,
// popup and side panel of one extension do not overwrite each other), else through a
// promise chain in this context.
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, onSettingsChanged } from '../messaging/settings';
import type { Settings } from '../messaging/types';
import { readStoredSettings, toStored, type ReadSettings } from './settings-schema';

const LOCK_NAME = 'crosscheck-settings';

let chain: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier settings task (in this context and, with locks, others). */
export function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  const run = (): Promise<T> => (locks ? (locks.request(LOCK_NAME, task) as Promise<T>) : task());
  const next = chain.then(run, run);
  chain = next.catch(() => undefined);
  return next;
}

async function readRaw(): Promise<unknown> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return got[SETTINGS_KEY];
}

/** Current settings and whether stored ones had to be replaced. Never throws. */
export async function loadSettingsWithNotice(): Promise<ReadSettings> {
  try {
    return readStoredSettings(await readRaw());
  } catch {
    return readStoredSettings(undefined);
  }
}

/** Applies `change` to the stored settings as one read-modify-write; returns the result. */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return exclusive(async () => {
    let current: Settings;
    try {
      current = readStoredSettings(await readRaw()).settings;
    } catch {
      current = readStoredSettings(undefined).settings;
    }
    const stored = toStored(change(current));
    await browser.storage.local.set({ [SETTINGS_KEY]: stored });
    const { version: _version, ...settings } = stored;
    return settings;
  });
}

/** Writes the repaired settings back when the stored ones were corrupted or old. */
export async function loadAndRepairSettings(): Promise<ReadSettings> {
  const read = await loadSettingsWithNotice();
  if (read.notice) {
    try {
      await exclusive(async () => {
        // Re-check inside the queue: someone may have saved good settings meanwhile.
        if (readStoredSettings(await readRaw()).notice) await browser.storage.local.set({ [SETTINGS_KEY]: toStored(read.settings) });
      });
    } catch {
      // Storage unavailable: the notice still shows, nothing else to do.
    }
  }
  return read;
}

export { onSettingsChanged };
