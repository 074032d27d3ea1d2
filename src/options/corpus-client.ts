// The options page's side of an import: reads the picked files (HTML through DOMParser and
// the content script's article extraction, since workers have no DOM), then hands the
// articles to a worker that builds and stores the merged index. One worker per job; cancel
// terminates it, which leaves the stored index as it was.
import { parseRecords, type HtmlReader, type ImportedArticle, type ImportProblem } from '../core/corpus/records';
import { extractArticle } from '../page/article';
import type { BuildOutcome, BuildPhase } from '../storage/corpus-build';
import { openCorpusDb, readIndexRecord, readSources } from '../storage/corpus-db';
import type { CorpusSource } from '../storage/corpus-model';
import { bundledIndexRaw } from '../background/seed-index-data';
import type { FromBuildWorker, ToBuildWorker } from './build-worker-protocol';
import type { PickedEntry } from './CorpusView';

/** The article of an HTML page, read the way the content script reads a live page. */
export const readHtmlArticle: HtmlReader = (html) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = extractArticle(doc);
  return article ? { title: article.title, text: article.text } : null;
};

/** Files that are never articles: hidden files and folder metadata the browser adds. */
function ignored(name: string): boolean {
  return name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';
}

export interface ReadFiles {
  articles: ImportedArticle[];
  problems: ImportProblem[];
}

/**
 * Parses every picked file, one at a time, yielding to the page between files so the progress
 * bar moves. `shouldStop` is asked between files (cancel).
 */
export async function readPickedFiles(
  files: PickedEntry[],
  onFile: (done: number, total: number) => void,
  shouldStop: () => boolean,
): Promise<ReadFiles | null> {
  const out: ReadFiles = { articles: [], problems: [] };
  const wanted = files.filter((f) => !ignored(f.file.name));
  for (let i = 0; i < wanted.length; i++) {
    if (shouldStop()) return null;
    const { file, path } = wanted[i];
    if (file.name === 'sources.json') {
      // the command line's folder metadata: its articles still import, without their metadata
      out.problems.push({ file: path, line: null, message: 'folder metadata (sources.json) is not read in the browser; put outlet, title and date in .json, .jsonl or .csv records' });
      onFile(i + 1, wanted.length);
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const parsed = parseRecords(path, bytes, readHtmlArticle);
    out.articles.push(...parsed.articles);
    out.problems.push(...parsed.problems);
    onFile(i + 1, wanted.length);
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}

export type JobResult = { ok: true; outcome: BuildOutcome } | { ok: false; error: string } | { ok: false; cancelled: true };

export interface RunningJob {
  result: Promise<JobResult>;
  cancel(): void;
}

/** Starts a build job in a new worker. */
export function startBuild(job: ToBuildWorker, onPhase: (phase: BuildPhase, share?: number) => void): RunningJob {
  const worker = new Worker(new URL('./build-worker.ts', import.meta.url), { type: 'module' });
  let settle: (r: JobResult) => void = () => undefined;
  const result = new Promise<JobResult>((resolve) => {
    settle = (r) => {
      worker.terminate();
      resolve(r);
    };
  });
  worker.onmessage = (e: MessageEvent<FromBuildWorker>) => {
    const m = e.data;
    if (m.type === 'phase') onPhase(m.phase, m.share);
    else if (m.type === 'done') settle({ ok: true, outcome: m.outcome });
    else settle({ ok: false, error: m.error });
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    settle({ ok: false, error: `the index build stopped: ${e.message || 'the worker crashed'}` });
  };
  worker.postMessage(job);
  return { result, cancel: () => settle({ ok: false, cancelled: true }) };
}

export async function listSources(): Promise<CorpusSource[]> {
  const db = await openCorpusDb();
  try {
    return await readSources(db);
  } finally {
    db.close();
  }
}

/** The index in use as one JSON text: the stored merged index, else the bundled one. */
export async function indexForExport(): Promise<string> {
  const db = await openCorpusDb();
  try {
    const rec = (await readIndexRecord(db)) as { json?: unknown } | undefined;
    if (rec && typeof rec.json === 'string') return rec.json;
  } finally {
    db.close();
  }
  return JSON.stringify(bundledIndexRaw());
}
