// The index every tab is analysed against: the merged index the user built in the options
// page (bundled seeds + enabled imports, kept in IndexedDB) when there is one, else the index
// bundled with the extension. Loaded once per background lifetime (a restarted service
// worker reads IndexedDB again) and reloaded when the options page says it changed.
import { loadIndex, type LoadedIndex } from '../core/index/load';
import { buildMerged, toRecord } from '../storage/corpus-build';
import { commitChange, openCorpusDb, readCorpus, readIndexRecord, withBuildLock } from '../storage/corpus-db';
import { judgeStoredIndex } from '../storage/corpus-model';
import type { IndexStatus } from '../messaging/types';
import { bundledIndexRaw } from './seed-index-data';
import { errorLine } from '../core/errors';

export type IndexResult = { ok: true; index: LoadedIndex } | { ok: false; error: string };

let bundled: IndexResult | null = null;
let current: { result: IndexResult; status: IndexStatus } | null = null;
let loading: Promise<IndexResult> | null = null;

function loadBundled(): IndexResult {
  if (bundled) return bundled;
  const raw = bundledIndexRaw();
  if (raw === undefined) return (bundled = { ok: false, error: 'no bundled index: assets/seed-index.json was missing at build time' });
  try {
    bundled = { ok: true, index: loadIndex(raw) };
  } catch (err) {
    bundled = { ok: false, error: `bundled index is invalid: ${errorLine(err)}` };
  }
  return bundled;
}

function statusOf(result: IndexResult, source: IndexStatus['source'], notice: string | null): IndexStatus {
  return {
    source,
    documents: result.ok ? result.index.file.documents.length : 0,
    statements: result.ok ? result.index.file.statements.length : 0,
    notice,
  };
}

function useBundled(notice: string | null): IndexResult {
  const result = loadBundled();
  current = { result, status: statusOf(result, 'bundled', notice) };
  return result;
}

/** Reads the stored merged index; rebuilds it when an update changed the index format. */
async function loadStored(): Promise<IndexResult> {
  let db: IDBDatabase;
  try {
    db = await openCorpusDb();
  } catch (err) {
    return useBundled(`Your imported articles could not be read (${errorLine(err)}); using the bundled index.`);
  }
  try {
    const verdict = judgeStoredIndex(await readIndexRecord(db));
    if (verdict.use === 'none') return useBundled(null);
    if (verdict.use === 'bundled') return useBundled(`The stored index is broken (${verdict.error}); using the bundled index.`);
    let raw: unknown;
    let notice: string | null = null;
    if (verdict.use === 'rebuild') {
      // an extension update changed the index format: rebuild from the stored articles
      const seed = loadBundled();
      if (!seed.ok) return useBundled(null);
      const index = await withBuildLock(async () => {
        const state = await readCorpus(db);
        const built = buildMerged(seed.index.file.documents, state);
        await commitChange(db, { kind: 'rebuild' }, state, built ? toRecord(built, state, new Date()) : null);
        return built;
      });
      if (!index) return useBundled(null);
      raw = index;
      notice = `Your index was rebuilt from the stored articles (${verdict.reason}).`;
    } else raw = verdict.raw;
    try {
      const result: IndexResult = { ok: true, index: loadIndex(raw) };
      current = { result, status: statusOf(result, 'merged', notice) };
      return result;
    } catch (err) {
      return useBundled(`The stored index is broken (${errorLine(err)}); using the bundled index.`);
    }
  } catch (err) {
    return useBundled(`Your imported articles could not be read (${errorLine(err)}); using the bundled index.`);
  } finally {
    db.close();
  }
}

/** The index to analyse with, loading the stored one first when this is the first call. */
export function ensureIndex(): Promise<IndexResult> {
  if (current) return Promise.resolve(current.result);
  loading ??= loadStored().finally(() => {
    loading = null;
  });
  return loading;
}

/** Forgets the loaded index and loads what is stored now (after an import, toggle or removal). */
export async function reloadIndex(): Promise<IndexStatus> {
  if (loading) await loading.catch(() => undefined);
  current = null;
  await ensureIndex();
  return indexStatus();
}

/** Which index is in use, with the one-line notice the options page shows, if any. */
export function indexStatus(): IndexStatus {
  return current?.status ?? statusOf(loadBundled(), 'bundled', null);
}

/** The index in use now (the bundled one until the stored one has loaded). */
export function getIndex(): IndexResult {
  return current?.result ?? loadBundled();
}
