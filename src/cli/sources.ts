// Reading a folder of articles for the index builder: every .txt / .html / .json / .jsonl /
// .csv file under it (recursively, in path order), with metadata from a folder's
// sources.json where it has one ({"sources": [{"id", "file", "title", "outlet", "date",
// "language", "url"}]}; it applies to a file holding one article).
import { readFileSync, readdirSync, existsSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { join, basename, dirname, relative, sep } from 'node:path';
import type { SourceArticle } from '../core/index/build';
import {
  parseRecords, parseJsonLine, articleId, Deduper, duplicateProblem, RECORD_EXTENSIONS, type ImportProblem, type ParsedRecords,
} from '../core/corpus/records';
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

export interface ReadBatch {
  articles: SourceArticle[];
  problems: ImportProblem[];
}

/** A .jsonl file bigger than this is read a piece at a time. */
const STREAM_JSONL_FROM = 8 << 20;
const LINES_PER_BATCH = 1000;

/** Ids given so far, and the deduper: one per run, across files. */
export class ArticleReader {
  readonly ids = new Set<string>();
  readonly deduper = new Deduper();
  private readonly metas = new MetaLookup();

  constructor(private readonly streamJsonlFrom = STREAM_JSONL_FROM) {}

  /**
   * Reads one file and hands over its new articles, as index documents, and what was wrong
   * with it: all at once, or for a big .jsonl file in batches of lines, so that the file is
   * never held whole. `bytesDone`: how much of the file has been read.
   */
  read(file: InputFile, each: (batch: ReadBatch, bytesDone: number) => void): void {
    if (file.path.toLowerCase().endsWith('.jsonl') && file.bytes > this.streamJsonlFrom) return this.readJsonLines(file, each);
    const parsed = parseRecords(file.path, readFileSync(file.path), htmlToArticle);
    const meta = parsed.articles.length === 1 ? this.metas.find(file.path) : undefined;
    each(this.accept(parsed, meta), file.bytes);
  }

  /** Drops duplicates and gives ids; metadata from sources.json for a file of one article. */
  private accept(parsed: ParsedRecords, meta: SourceMeta | undefined): ReadBatch {
    const problems = parsed.problems;
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

  private readJsonLines(file: InputFile, each: (batch: ReadBatch, bytesDone: number) => void): void {
    const fd = openSync(file.path, 'r');
    const chunk = Buffer.alloc(1 << 20);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let rest = Buffer.alloc(0);
    let lineNo = 0;
    let bytesDone = 0;
    let anyText = false;
    let batch: ParsedRecords = { articles: [], problems: [] };
    const line = (bytes: Buffer) => {
      lineNo++;
      if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        batch.problems.push({ file: file.path, line: lineNo, message: 'not UTF-8 text, skipped' });
        return;
      }
      if (text.trim()) anyText = true;
      parseJsonLine(file.path, text, lineNo, batch);
      if (lineNo % LINES_PER_BATCH === 0) {
        each(this.accept(batch, undefined), bytesDone);
        batch = { articles: [], problems: [] };
      }
    };
    try {
      for (;;) {
        const n = readSync(fd, chunk, 0, chunk.length, null);
        if (n === 0) break;
        bytesDone += n;
        let data = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
        let nl: number;
        while ((nl = data.indexOf(0x0a)) >= 0) {
          line(data.subarray(0, nl));
          data = data.subarray(nl + 1);
        }
        rest = Buffer.from(data);
      }
      if (rest.length) line(rest);
    } finally {
      closeSync(fd);
    }
    if (!anyText) batch.problems.push({ file: file.path, line: null, message: 'empty file, skipped' });
    each(this.accept(batch, undefined), file.bytes);
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
    reader.read(f, (r) => {
      for (const p of r.problems) process.stderr.write(`build:index: ${formatProblem(p)}\n`);
      articles.push(...r.articles);
    });
  }
  return articles;
}
