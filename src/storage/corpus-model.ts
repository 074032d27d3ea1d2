// The user's own corpus, as plain data: imported sources (one per import, each can be
// switched off or removed), their articles, and the merged index built from the bundled
// seed documents plus every enabled source. No IndexedDB and no browser API here, so the
// merging, toggling and versioning rules are tested with plain objects.
import type { ImportedArticle, ImportProblem } from '../core/corpus/records';
import { INDEX_FORMAT, INDEX_VERSION, type IndexDocument } from '../core/index/schema';
import { errorLine } from '../core/errors';

/** One import: a folder, a file or a set of files, or an exported index file. */
export interface CorpusSource {
  id: string;
  /** Folder or file name the user picked ("my-desk", "articles.csv", "a.txt and 3 more"). */
  name: string;
  enabled: boolean;
  articleCount: number;
  /** ISO time of the import. */
  addedAt: string;
  kind: 'files' | 'index-file';
}

/** An imported article as stored: what the parser read plus its stable id. */
export interface StoredArticle extends ImportedArticle {
  id: string;
}

/** The articles of one source, stored as one record (written and removed together). */
export interface SourceArticles {
  sourceId: string;
  articles: StoredArticle[];
}

/** The merged index as stored: its JSON text and the index format version it was built with. */
export interface StoredIndexRecord {
  key: 'merged';
  /** INDEX_VERSION of the build that wrote it; an older one is rebuilt from the articles. */
  indexVersion: number;
  json: string;
  builtAt: string;
  /** Ids of the sources it was built from (the enabled ones at the time). */
  sourceIds: string[];
  documents: number;
  statements: number;
}

/** What a change to the corpus does; applied by the build job in the same transaction as the new index. */
export type CorpusChange =
  | { kind: 'add'; source: CorpusSource; articles: StoredArticle[] }
  | { kind: 'toggle'; id: string; enabled: boolean }
  | { kind: 'remove'; id: string }
  | { kind: 'rebuild' };

/** The corpus state a change applies to (sources in import order). */
export interface CorpusState {
  sources: CorpusSource[];
  articles: Map<string, StoredArticle[]>;
}

/** Applies a change; returns a new state and never modifies the one given. */
export function applyChange(state: CorpusState, change: CorpusChange): CorpusState {
  const articles = new Map(state.articles);
  switch (change.kind) {
    case 'add':
      articles.set(change.source.id, change.articles);
      return { sources: [...state.sources.filter((s) => s.id !== change.source.id), change.source], articles };
    case 'toggle':
      return { sources: state.sources.map((s) => (s.id === change.id ? { ...s, enabled: change.enabled } : s)), articles };
    case 'remove':
      articles.delete(change.id);
      return { sources: state.sources.filter((s) => s.id !== change.id), articles };
    case 'rebuild':
      return state;
  }
}

/** What the index keeps of an imported article. */
export function toIndexDocument(a: StoredArticle): IndexDocument {
  return { id: a.id, title: a.title, outlet: a.outlet, date: a.date, language: null, url: a.url, text: a.text };
}

/**
 * The documents of the merged index: the bundled seed documents, then the articles of every
 * enabled source in import order. An id seen before is left out (an article can only be
 * indexed once, whichever source brought it first).
 */
export function mergedDocuments(seed: IndexDocument[], state: CorpusState): IndexDocument[] {
  const seen = new Set<string>();
  const out: IndexDocument[] = [];
  const add = (d: IndexDocument) => {
    if (seen.has(d.id)) return;
    seen.add(d.id);
    out.push(d);
  };
  seed.forEach(add);
  for (const s of state.sources) {
    if (!s.enabled) continue;
    for (const a of state.articles.get(s.id) ?? []) add(toIndexDocument(a));
  }
  return out;
}

/** True when no enabled source is left: the bundled index is then the one in use. */
export function onlySeeds(state: CorpusState): boolean {
  return !state.sources.some((s) => s.enabled && (state.articles.get(s.id)?.length ?? 0) > 0);
}

/** The index's `builtFrom` line. */
export function builtFromLabel(state: CorpusState, documents: number): string {
  const on = state.sources.filter((s) => s.enabled).map((s) => s.name);
  return `bundled seeds + ${on.length ? on.join(', ') : 'no imports'} (${documents} documents)`;
}

/** A stored merged index, read back: use it, rebuild it from the articles, or fall back. */
export type StoredIndexVerdict =
  | { use: 'none' }
  | { use: 'stored'; raw: unknown }
  | { use: 'rebuild'; reason: string }
  | { use: 'bundled'; error: string };

/**
 * Decides what to do with the stored merged index. A record from another index format
 * version (an extension update changed the format) is rebuilt from the stored articles, never
 * dropped; a record that does not parse is broken: the bundled index is used and the user told.
 * Full validation (validateIndex) is left to the loader.
 */
export function judgeStoredIndex(record: unknown): StoredIndexVerdict {
  if (record === undefined || record === null) return { use: 'none' };
  if (typeof record !== 'object') return { use: 'bundled', error: 'the stored index record is not an object' };
  const r = record as Partial<StoredIndexRecord>;
  if (typeof r.indexVersion === 'number' && r.indexVersion !== INDEX_VERSION)
    return { use: 'rebuild', reason: `stored index has version ${r.indexVersion}, this build reads version ${INDEX_VERSION}` };
  if (typeof r.json !== 'string') return { use: 'bundled', error: 'the stored index has no JSON text' };
  let raw: unknown;
  try {
    raw = JSON.parse(r.json);
  } catch (err) {
    return { use: 'bundled', error: `the stored index is not valid JSON (${errorLine(err)})` };
  }
  const v = (raw as { version?: unknown; format?: unknown } | null)?.version;
  if ((raw as { format?: unknown } | null)?.format === INDEX_FORMAT && typeof v === 'number' && v !== INDEX_VERSION)
    return { use: 'rebuild', reason: `stored index has version ${v}, this build reads version ${INDEX_VERSION}` };
  return { use: 'stored', raw };
}

/** "name:line: message" (or "name: message" when there is no line), one line. */
export function formatProblem(p: ImportProblem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}`;
  return `${where}: ${p.message.replace(/\s+/g, ' ').trim()}`;
}

/** A picked file: its name and, for a folder pick, its path inside the folder. */
export interface PickedFile {
  name: string;
  webkitRelativePath?: string;
}

/** Name of a source: the picked folder, else the single file, else the first file and how many more. */
export function sourceNameFor(files: PickedFile[]): string {
  if (files.length === 0) return 'nothing';
  const folders = new Set(files.map((f) => (f.webkitRelativePath ?? '').split('/')).filter((p) => p.length > 1).map((p) => p[0]));
  if (folders.size === 1) return [...folders][0];
  if (files.length === 1) return files[0].name;
  return `${files[0].name} and ${files.length - 1} more`;
}

/** A new source id: time-ordered and unique enough for one browser profile. */
export function newSourceId(now: number, random: number): string {
  return `src-${now.toString(36)}-${Math.floor(random * 36 ** 6).toString(36).padStart(6, '0')}`;
}
