// Builds an index from a folder of any size without holding every text: pass 1 reads the
// files, drops duplicates, writes each document to a temporary file and feeds entity
// discovery; pass 2 reads the documents back one at a time, extracts their statements into
// a second temporary file; then the index is assembled from the pieces in the format of
// serializeIndex and moved into place (the previous file stays until then). The term lists
// (postings) are made along with the statements, one document at a time.
import { closeSync, mkdtempSync, openSync, readSync, renameSync, rmSync, writeSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDEX_FORMAT, INDEX_VERSION, validateIndex, type IndexDocument } from '../core/index/schema';
import { extractStatements } from '../core/index/build';
import { PostingsWriter } from '../core/index/postings';
import { postingsLines } from '../core/index/serialize';
import { compileMatcher } from '../core/extract/entities';
import { EntityAccumulator, DEFAULT_CHUNK_TEXTS } from '../core/corpus/entities';
import type { ImportProblem } from '../core/corpus/records';
import { ArticleReader, listInputFiles } from './sources';
import { Progress, formatCount as num } from './progress';

export interface StreamBuildOptions {
  input: string;
  out: string;
  /** Free text for the index's builtFrom. */
  builtFrom: (documents: number) => string;
  progress: Progress;
  onProblem: (p: ImportProblem) => void;
  /** Texts per entity-discovery chunk. */
  chunkTexts?: number;
  /** Read a .jsonl file in pieces when it is bigger than this (bytes). */
  streamJsonlFrom?: number;
  /** Check the written file with validateIndex when it is at most this big (bytes). */
  validateUpTo?: number;
}

export interface StreamBuildResult {
  files: number;
  documents: number;
  statements: number;
  entities: number;
  problems: number;
  bytes: number;
}

/** Writes text to a file descriptor through a buffer. */
class Writer {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Calls `each` with every line of a file, reading it 1 MB at a time. */
function forEachLine(path: string, each: (line: string) => void): void {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const chunk = rest + decoder.decode(buf.subarray(0, n), { stream: true });
      const lines = chunk.split('\n');
      rest = lines.pop()!;
      for (const l of lines) each(l);
    }
    rest += decoder.decode();
    if (rest) each(rest);
  } finally {
    closeSync(fd);
  }
}

export function streamBuild(opts: StreamBuildOptions): StreamBuildResult {
  const { progress } = opts;
  const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-build-'));
  const docsPath = join(tmp, 'documents.jsonl');
  const statementsPath = join(tmp, 'statements.jsonl');
  const partial = `${opts.out}.partial`;
  let problems = 0;
  const report = (p: ImportProblem) => {
    problems++;
    opts.onProblem(p);
  };
  try {
    // pass 1: read, drop duplicates, keep each document on disk, discover entities
    const files = listInputFiles(opts.input);
    const totalBytes = files.reduce((s, f) => s + f.bytes, 0);
    const reader = new ArticleReader(opts.streamJsonlFrom);
    const discovery = new EntityAccumulator(opts.chunkTexts ?? DEFAULT_CHUNK_TEXTS);
    const docs = new Writer(openSync(docsPath, 'w'));
    let documents = 0;
    let bytesDone = 0;
    progress.start('build:index: pass 1/2, reading');
    files.forEach((f, i) => {
      reader.read(f, ({ articles, problems: found }, fileBytesDone) => {
        for (const p of found) report(p);
        for (const a of articles) {
          const d: IndexDocument = { id: a.id, title: a.title, outlet: a.outlet, date: a.date, language: a.language, url: a.url, text: a.text };
          docs.write(JSON.stringify(d) + '\n');
          discovery.add(a.text);
          documents++;
        }
        progress.update(bytesDone + fileBytesDone, totalBytes, documents, `${num(i)}/${num(files.length)} files, ${num(documents)} articles`);
      });
      bytesDone += f.bytes;
      progress.update(bytesDone, totalBytes, documents, `${num(i + 1)}/${num(files.length)} files, ${num(documents)} articles`);
    });
    docs.close();
    const entities = discovery.finish();
    progress.finish(`${num(files.length)} files, ${num(documents)} articles, ${num(entities.length)} entities`);
    if (documents === 0) return { files: files.length, documents, statements: 0, entities: 0, problems, bytes: 0 };

    // pass 2: statements, one document at a time
    const matcher = compileMatcher(entities);
    const stmts = new Writer(openSync(statementsPath, 'w'));
    const postings = new PostingsWriter();
    let statements = 0;
    let doc = 0;
    progress.start('build:index: pass 2/2, statements');
    forEachLine(docsPath, (line) => {
      if (!line) return;
      const { text } = JSON.parse(line) as IndexDocument;
      for (const s of extractStatements(text, doc, matcher)) {
        stmts.write((statements++ ? ',\n' : '') + JSON.stringify(s));
        postings.addStatement(text, s.start, s.end);
      }
      doc++;
      progress.update(doc, documents, doc, `${num(doc)}/${num(documents)} articles, ${num(statements)} statements`);
    });
    stmts.close();
    progress.finish(`${num(documents)} articles, ${num(statements)} statements`);

    // assemble, in the layout of serializeIndex
    const out = new Writer(openSync(partial, 'w'));
    const head = { format: INDEX_FORMAT, version: INDEX_VERSION, builtFrom: opts.builtFrom(documents) };
    out.write('{\n');
    for (const [k, v] of Object.entries(head)) out.write(`${JSON.stringify(k)}: ${JSON.stringify(v)},\n`);
    out.write('"documents": [\n');
    let first = true;
    forEachLine(docsPath, (line) => {
      if (!line) return;
      out.write((first ? '' : ',\n') + line);
      first = false;
    });
    out.write('\n],\n"entities": [\n');
    out.write(entities.map((e) => JSON.stringify(e)).join(',\n'));
    out.write('\n],\n"statements": [\n');
    out.flush();
    forEachLine(statementsPath, (line) => out.write(line + '\n'));
    if (statements === 0) out.write('\n');
    out.write('],\n');
    for (const line of postingsLines(postings.finish())) out.write(line + '\n');
    out.write('}\n');
    out.close();
    const bytes = statSync(partial).size;
    if (bytes <= (opts.validateUpTo ?? 16 << 20)) validateIndex(JSON.parse(readFileSync(partial, 'utf8')));
    renameSync(partial, opts.out);
    return { files: files.length, documents, statements, entities: entities.length, problems, bytes };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
}

