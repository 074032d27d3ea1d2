// The user's corpus in IndexedDB, in the extension's origin: the options page, its build
// worker and the background all open the same database. Three stores:
//   sources   one record per import (CorpusSource)
//   articles  one record per import with all its articles (SourceArticles)
//   index     the merged index (StoredIndexRecord, key "merged")
// A build writes the changed source, its articles and the new index in one transaction, so
// a cancelled or crashed build changes nothing.
import type { CorpusChange, CorpusSource, CorpusState, SourceArticles, StoredArticle, StoredIndexRecord } from './corpus-model';

export const CORPUS_DB_NAME = 'crosscheck-corpus';
/** Bump with a step in upgradeCorpusDb when the stores change. */
export const CORPUS_DB_VERSION = 1;

const SOURCES = 'sources';
const ARTICLES = 'articles';
const INDEX = 'index';

/** Creates or migrates the stores, step by step from the version found on disk. */
export function upgradeCorpusDb(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore(SOURCES, { keyPath: 'id' });
    db.createObjectStore(ARTICLES, { keyPath: 'sourceId' });
    db.createObjectStore(INDEX, { keyPath: 'key' });
  }
  // A later version adds `if (oldVersion < 2) { … }` here, moving data rather than dropping it.
}

const BUILD_LOCK = 'crosscheck-corpus-build';

/**
 * Runs `task` while no other build runs in any context of the extension (two options tabs,
 * or the background rebuilding after an update), so no build overwrites another's change.
 * Web Locks exist in pages, workers and service workers; without them the task just runs.
 */
export function withBuildLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  return locks ? (locks.request(BUILD_LOCK, task) as Promise<T>) : task();
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** Opens (creating or upgrading) the corpus database. */
export function openCorpusDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(CORPUS_DB_NAME, CORPUS_DB_VERSION);
    open.onupgradeneeded = (e) => upgradeCorpusDb(open.result, e.oldVersion);
    open.onsuccess = () => {
      const db = open.result;
      // Another context upgrading the database: let it, and reopen next time.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = () => reject(open.error ?? new Error('cannot open the corpus database'));
    open.onblocked = () => reject(new Error('the corpus database is being upgraded by another tab; close it and retry'));
  });
}

export async function readSources(db: IDBDatabase): Promise<CorpusSource[]> {
  const tx = db.transaction(SOURCES, 'readonly');
  const all = await req(tx.objectStore(SOURCES).getAll() as IDBRequest<CorpusSource[]>);
  return all.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}

/** Every source and all their articles. */
export async function readCorpus(db: IDBDatabase): Promise<CorpusState> {
  const tx = db.transaction([SOURCES, ARTICLES], 'readonly');
  const [sources, records] = await Promise.all([
    req(tx.objectStore(SOURCES).getAll() as IDBRequest<CorpusSource[]>),
    req(tx.objectStore(ARTICLES).getAll() as IDBRequest<SourceArticles[]>),
  ]);
  sources.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
  const articles = new Map<string, StoredArticle[]>(records.map((r) => [r.sourceId, r.articles]));
  return { sources, articles };
}

export async function readIndexRecord(db: IDBDatabase): Promise<unknown> {
  const tx = db.transaction(INDEX, 'readonly');
  return req(tx.objectStore(INDEX).get('merged'));
}

/**
 * Writes a change and the index built after it, in one transaction. `index` null removes the
 * stored index (no enabled import left: the bundled one is used).
 */
export async function commitChange(db: IDBDatabase, change: CorpusChange, after: CorpusState, index: StoredIndexRecord | null): Promise<void> {
  const tx = db.transaction([SOURCES, ARTICLES, INDEX], 'readwrite');
  const finished = done(tx);
  const sources = tx.objectStore(SOURCES);
  const articles = tx.objectStore(ARTICLES);
  switch (change.kind) {
    case 'add':
      sources.put(change.source);
      articles.put({ sourceId: change.source.id, articles: change.articles } satisfies SourceArticles);
      break;
    case 'toggle': {
      const s = after.sources.find((x) => x.id === change.id);
      if (s) sources.put(s);
      break;
    }
    case 'remove':
      sources.delete(change.id);
      articles.delete(change.id);
      break;
    case 'rebuild':
      break;
  }
  if (index) tx.objectStore(INDEX).put(index);
  else tx.objectStore(INDEX).delete('merged');
  await finished;
}
