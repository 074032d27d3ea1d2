// One build of the merged index: read the stored corpus, apply a change (an import, a source
// switched on or off, removed, or a plain rebuild after an update), build the index with the
// engine's buildIndex over the seed documents plus every enabled source, and write the change
// and the new index together. Runs in the options page's worker, and in the background when
// a stored index from an older format has to be rebuilt.
import { articleId, Deduper, type ImportedArticle, type ImportProblem } from '../core/corpus/records';
import { buildIndex } from '../core/index/build';
import { postingsOf } from '../core/index/postings';
import { validateIndex, type CrosscheckIndexFile, type IndexDocument } from '../core/index/schema';
import { commitChange, readCorpus } from './corpus-db';
import {
  applyChange, builtFromLabel, mergedDocuments, onlySeeds,
  type CorpusChange, type CorpusSource, type CorpusState, type StoredArticle, type StoredIndexRecord,
} from './corpus-model';
import { errorLine } from '../core/errors';

export type BuildPhase = 'checking' | 'building' | 'saving';

export interface BuildOutcome {
  /** Articles the change added (0 for toggles and removals). */
  added: number;
  /** Duplicates and other problems found while adding, one per skipped article. */
  problems: ImportProblem[];
  /** Documents and statements of the index now in use (seeds only: the bundled counts). */
  documents: number;
  statements: number;
  /** False when an import brought nothing new: then nothing was written. */
  changed: boolean;
}

/** What an import hands to the build: the parsed articles of one source, not yet deduplicated. */
export interface NewSource {
  source: Omit<CorpusSource, 'articleCount'>;
  articles: ImportedArticle[];
}

function asImported(d: IndexDocument): ImportedArticle {
  return { url: d.url, outlet: d.outlet, title: d.title, date: d.date, text: d.text, file: `bundled article ${d.id}`, line: null };
}

/**
 * The new source's articles without duplicates (of the seeds, of every stored source, switched
 * on or off, and of each other); each duplicate is a problem naming its file and line.
 */
export function dedupeNewArticles(seed: IndexDocument[], state: CorpusState, incoming: ImportedArticle[]): { articles: StoredArticle[]; problems: ImportProblem[] } {
  const deduper = new Deduper();
  for (const d of seed) deduper.seen(asImported(d));
  for (const list of state.articles.values()) for (const a of list) deduper.seen(a);
  const articles: StoredArticle[] = [];
  const problems: ImportProblem[] = [];
  for (const a of incoming) {
    const first = deduper.duplicateOf(a);
    if (first === undefined) articles.push({ ...a, id: articleId(a) });
    else problems.push({ file: a.file, line: a.line, message: first ? `duplicate of ${first}, skipped` : 'already in the index, skipped' });
  }
  return { articles, problems };
}

/** The merged index for a corpus state, or null when only the seeds are left. */
export function buildMerged(seed: IndexDocument[], state: CorpusState, onShare?: (share: number) => void): CrosscheckIndexFile | null {
  if (onlySeeds(state)) return null;
  const documents = mergedDocuments(seed, state);
  return buildIndex(documents, builtFromLabel(state, documents.length), onShare && ((done, total) => onShare(done / Math.max(1, total))));
}

export function toRecord(index: CrosscheckIndexFile, state: CorpusState, now: Date): StoredIndexRecord {
  return {
    key: 'merged',
    indexVersion: index.version,
    json: JSON.stringify(index),
    builtAt: now.toISOString(),
    sourceIds: state.sources.filter((s) => s.enabled).map((s) => s.id),
    documents: index.documents.length,
    statements: index.statements.length,
  };
}

/**
 * An imported index file is stored as it is, without a rebuild, when it is exactly what a
 * rebuild would index: nothing else is imported yet, it holds every bundled seed document, and
 * none of its other documents was skipped as a duplicate (an export from another browser).
 */
export function canUsePrebuilt(seed: IndexDocument[], before: CorpusState, file: CrosscheckIndexFile, change: CorpusChange): boolean {
  if (change.kind !== 'add' || !onlySeeds(before)) return false;
  const ids = new Set(file.documents.map((d) => d.id));
  return seed.every((d) => ids.has(d.id)) && file.documents.length === seed.length + change.articles.length;
}

/** Runs one change against the database; nothing is written unless the whole build succeeds. */
export async function runBuild(
  db: IDBDatabase,
  seed: { documents: IndexDocument[]; statements: number },
  request: { kind: 'add'; add: NewSource; prebuilt?: CrosscheckIndexFile } | Exclude<CorpusChange, { kind: 'add' }>,
  /** `share` (0..1): how much of the build's statement extraction is done, when known. */
  onPhase: (phase: BuildPhase, share?: number) => void = () => undefined,
): Promise<BuildOutcome> {
  onPhase('checking');
  const before = await readCorpus(db);
  let change: CorpusChange;
  let problems: ImportProblem[] = [];
  if (request.kind === 'add') {
    const deduped = dedupeNewArticles(seed.documents, before, request.add.articles);
    problems = deduped.problems;
    if (!deduped.articles.length)
      return { added: 0, problems, documents: 0, statements: 0, changed: false };
    change = { kind: 'add', source: { ...request.add.source, articleCount: deduped.articles.length }, articles: deduped.articles };
  } else change = request;
  const after = applyChange(before, change);
  onPhase('building');
  const index =
    request.kind === 'add' && request.prebuilt && canUsePrebuilt(seed.documents, before, request.prebuilt, change)
      ? // its term lists made here: a file from an older build has none (or other ones)
        { ...request.prebuilt, postings: postingsOf(request.prebuilt) }
      : buildMerged(seed.documents, after, (share) => onPhase('building', share));
  onPhase('saving');
  const record = index ? toRecord(index, after, new Date()) : null;
  await commitChange(db, change, after, record);
  return {
    added: change.kind === 'add' ? change.articles.length : 0,
    problems,
    documents: index ? index.documents.length : seed.documents.length,
    statements: index ? index.statements.length : seed.statements,
    changed: true,
  };
}

/**
 * The articles of an exported Crosscheck index file (for importing it on another machine).
 * Throws an IndexError with a one-line message when the file is not a valid index of this
 * version. Documents that are bundled seeds are left out (they are always indexed).
 */
export function articlesOfIndexFile(fileName: string, text: string, seedIds: Set<string>): ImportedArticle[] {
  return readIndexFile(fileName, text, seedIds).articles;
}

/** The validated index file and its articles (see articlesOfIndexFile). */
export function readIndexFile(fileName: string, text: string, seedIds: Set<string>): { file: CrosscheckIndexFile; articles: ImportedArticle[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${fileName}: not a Crosscheck index: not valid JSON (${errorLine(err)})`);
  }
  let file: CrosscheckIndexFile;
  try {
    file = validateIndex(raw);
  } catch (err) {
    throw new Error(`${fileName}: ${errorLine(err)}`);
  }
  const articles = file.documents
    .filter((d) => !seedIds.has(d.id))
    .map((d) => ({ url: d.url, outlet: d.outlet, title: d.title, date: d.date, text: d.text, file: fileName, line: null }));
  return { file, articles };
}
