// Reading a folder of articles for the index builder: every .txt / .html / .json / .jsonl /
// .csv file under it (recursively, in path order), with metadata from a folder's
// sources.json where it has one ({"sources": [{"id", "file", "title", "outlet", "date",
// "language", "url"}]}; it applies to a file holding one article).
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, basename, dirname, relative, sep } from 'node:path';
import type { SourceArticle } from '../core/index/build';
import { parseRecords, articleId, Deduper, duplicateProblem, RECORD_EXTENSIONS, type ImportProblem } from '../core/corpus/records';
import { htmlToArticle } from './html';

export class SourceError extends Error {}

export interface SourceMeta {
  id: string;
  file: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  language: string | null;
  url?: string | null;
}

export interface InputFile {
  path: string;
  /** Path relative to the input folder, with forward slashes: the order files are read in. */
  rel: string;
  bytes: number;
}

const META_FILE = 'sources.json';

/** Every article file under `input`, sorted by relative path. */
export function listInputFiles(input: string): InputFile[] {
  const out: InputFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name !== META_FILE && (RECORD_EXTENSIONS as readonly string[]).some((x) => entry.name.toLowerCase().endsWith(x)))
        out.push({ path, rel: relative(input, path).split(sep).join('/'), bytes: statSync(path).size });
    }
  };
  walk(input);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** sources.json of each folder, read once; a broken one is an error for the whole run. */
export class MetaLookup {
  private readonly byDir = new Map<string, SourceMeta[]>();

  find(path: string): SourceMeta | undefined {
    const dir = dirname(path);
    let metas = this.byDir.get(dir);
    if (!metas) {
      metas = [];
      const file = join(dir, META_FILE);
      if (existsSync(file)) {
        try {
          metas = (JSON.parse(readFileSync(file, 'utf8')) as { sources: SourceMeta[] }).sources ?? [];
        } catch (e) {
          throw new SourceError(`${file}: not valid JSON (${(e as Error).message})`);
        }
      }
      this.byDir.set(dir, metas);
    }
    const name = basename(path);
    return metas.find((m) => m.file === name);
  }
}

/** Ids given so far, and the deduper: one per run, across files. */
export class ArticleReader {
  readonly ids = new Set<string>();
  readonly deduper = new Deduper();
  private readonly metas = new MetaLookup();

  /** The new articles of one file, as index documents, and what was wrong with it. */
  read(file: InputFile): { articles: SourceArticle[]; problems: ImportProblem[] } {
    const parsed = parseRecords(file.path, readFileSync(file.path), htmlToArticle);
    const problems = parsed.problems;
    const meta = parsed.articles.length === 1 ? this.metas.find(file.path) : undefined;
    const articles: SourceArticle[] = [];
    for (const a of parsed.articles) {
      const dup = duplicateProblem(a, this.deduper);
      if (dup) {
        problems.push(dup);
        continue;
      }
      const id = meta?.id ?? articleId(a);
      if (this.ids.has(id)) {
        problems.push({ file: a.file, line: a.line, message: `id "${id}" is already taken, skipped` });
        continue;
      }
      this.ids.add(id);
      articles.push({
        id, title: meta?.title ?? a.title, outlet: meta?.outlet ?? a.outlet, date: meta?.date ?? a.date,
        language: meta?.language ?? null, url: meta?.url ?? a.url, text: a.text,
      });
    }
    problems.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
    return { articles, problems };
  }
}

/** `file:line: message`, or `file: message` for a whole file. */
export function formatProblem(p: ImportProblem): string {
  return `${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.message}`;
}

/**
 * Reads every article of a folder into memory (small corpora: tests, the seeds). Problems
 * are written to stderr and the file skipped.
 */
export async function readFolder(input: string): Promise<SourceArticle[]> {
  const reader = new ArticleReader();
  const articles: SourceArticle[] = [];
  for (const f of listInputFiles(input)) {
    const r = reader.read(f);
    for (const p of r.problems) process.stderr.write(`build:index: ${formatProblem(p)}\n`);
    articles.push(...r.articles);
  }
  return articles;
}
