// Imported articles: one uploaded or read file -> article records, with every problem of
// bad input reported (file and line), never thrown. Pure: runs in Node and in a web worker.
import { parseCsv } from './csv';
import { titleFromText } from './title';
import { jsonErrorOffset } from './json-error';

import type { Deduper } from './identity';

export { articleId, Deduper } from './identity';

/** One problem with the input, in one line. `line` is 1-based, null when it concerns the whole file. */
export interface ImportProblem {
  file: string;
  line: number | null;
  message: string;
}

export interface ImportedArticle {
  url: string | null;
  outlet: string | null;
  title: string | null;
  date: string | null;
  text: string;
  /** Where the article came from: the file name as given, and the line its record starts on. */
  file: string;
  line: number | null;
}

/** Reads an HTML page's article: its title and text, or null when it has no article text. */
export type HtmlReader = (html: string) => { title: string | null; text: string } | null;

export interface ParsedRecords {
  articles: ImportedArticle[];
  problems: ImportProblem[];
}

/** The file types parseRecords reads, by extension. */
export const RECORD_EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.jsonl', '.csv'] as const;

/** Record fields: url, outlet, title, date, text. */
const FIELDS = ['url', 'outlet', 'title', 'date', 'text'] as const;

function extensionOf(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName);
  return m ? m[0].toLowerCase() : '';
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Metadata values: a non-blank string (numbers are accepted, e.g. a year as date); else null. */
function field(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() ? oneLine(v) : null;
}

const lineBreaks = (s: string) => s.replace(/\r\n?/g, '\n');

/** Parses one file. The rest of a file still imports when one record is bad. */
export function parseRecords(fileName: string, bytes: Uint8Array, readHtml: HtmlReader): ParsedRecords {
  const articles: ImportedArticle[] = [];
  const problems: ImportProblem[] = [];
  const problem = (line: number | null, message: string) => problems.push({ file: fileName, line, message: oneLine(message) });
  const ext = extensionOf(fileName);
  if (!(RECORD_EXTENSIONS as readonly string[]).includes(ext)) {
    problem(null, `not an article file (${ext || 'no extension'}); expected ${RECORD_EXTENSIONS.join(' ')}`);
    return { articles, problems };
  }
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    problem(null, 'not UTF-8 text, skipped');
    return { articles, problems };
  }
  if (!raw.trim()) {
    problem(null, 'empty file, skipped');
    return { articles, problems };
  }
  const addRecord = (rec: Record<string, unknown>, line: number | null, what: string) => addFields({ articles, problems }, fileName, rec, line, what);

  if (ext === '.txt') {
    const text = lineBreaks(raw);
    articles.push({ url: null, outlet: null, title: titleFromText(text), date: null, text, file: fileName, line: null });
  } else if (ext === '.html' || ext === '.htm') {
    let art: ReturnType<HtmlReader>;
    try {
      art = readHtml(raw);
    } catch (e) {
      problem(null, `HTML could not be read (${(e as Error).message}), skipped`);
      return { articles, problems };
    }
    const text = art ? lineBreaks(art.text) : '';
    if (!art || !text.trim()) problem(null, 'no article text found in the HTML, skipped');
    else articles.push({ url: null, outlet: null, title: field(art.title) ?? titleFromText(text), date: null, text, file: fileName, line: null });
  } else if (ext === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problem(jsonErrorLine(raw), `not valid JSON (${(e as Error).message}), skipped`);
      return { articles, problems };
    }
    if (Array.isArray(value)) {
      const lines = arrayElementLines(raw);
      value.forEach((rec, i) => {
        const line = lines[i] ?? null;
        if (isRecord(rec)) addRecord(rec, line, `record ${i + 1}`);
        else problem(line, `record ${i + 1} is not an object, skipped`);
      });
      if (!value.length) problem(null, 'empty list, nothing to import');
    } else if (isRecord(value)) addRecord(value, null, 'the article');
    else problem(null, 'expected an article object or a list of them, skipped');
  } else if (ext === '.jsonl') {
    raw.split(/\r\n?|\n/).forEach((l, i) => parseJsonLine(fileName, l, i + 1, { articles, problems }));
  } else {
    parseCsvRecords(raw, problem, addRecord);
  }
  return { articles, problems };
}

/** Adds a record from .json/.jsonl/.csv fields to `out`; reports it when it has no text. */
function addFields(out: ParsedRecords, fileName: string, rec: Record<string, unknown>, line: number | null, what: string): void {
  const text = typeof rec.text === 'string' ? lineBreaks(rec.text) : '';
  if (!text.trim()) {
    out.problems.push({ file: fileName, line, message: `${what} has no "text", skipped` });
    return;
  }
  out.articles.push({
    url: field(rec.url), outlet: field(rec.outlet), title: field(rec.title) ?? titleFromText(text), date: field(rec.date),
    text, file: fileName, line,
  });
}

/**
 * One line of a .jsonl file (number `lineNo`, 1-based) into `out`: for reading a big file a
 * piece at a time. A blank line is nothing.
 */
export function parseJsonLine(fileName: string, text: string, lineNo: number, out: ParsedRecords): void {
  if (!text.trim()) return;
  let rec: unknown;
  try {
    rec = JSON.parse(text);
  } catch (e) {
    out.problems.push({ file: fileName, line: lineNo, message: oneLine(`not valid JSON (${(e as Error).message}), skipped`) });
    return;
  }
  if (isRecord(rec)) addFields(out, fileName, rec, lineNo, 'the record');
  else out.problems.push({ file: fileName, line: lineNo, message: 'not an article object, skipped' });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseCsvRecords(
  raw: string,
  problem: (line: number | null, message: string) => void,
  addRecord: (rec: Record<string, unknown>, line: number | null, what: string) => void,
) {
  const { records, unterminated } = parseCsv(raw);
  const rows = records.filter((r) => r.cells.some((c) => c.trim()));
  if (!rows.length) {
    problem(unterminated, 'no header row');
    return;
  }
  const [header, ...body] = rows;
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  if (!columns.includes('text')) {
    problem(header.line, `the header has no "text" column (columns: ${FIELDS.join(', ')}), nothing imported`);
    return;
  }
  for (const row of body) {
    const rec: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      if ((FIELDS as readonly string[]).includes(c) && !(c in rec) && i < row.cells.length) rec[c] = row.cells[i];
    });
    addRecord(rec, row.line, 'the row');
  }
  if (unterminated !== null) problem(unterminated, 'a quoted cell is never closed; the rest of the file is skipped');
}

/** 1-based line of the first JSON syntax error. */
function jsonErrorLine(raw: string): number | null {
  const at = jsonErrorOffset(raw);
  return at < 0 ? null : lineAt(raw, at);
}

function lineAt(raw: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < raw.length; i++) if (raw[i] === '\n') line++;
  return line;
}

/** The line each element of a top-level JSON array starts on (the text is valid JSON). */
function arrayElementLines(raw: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (depth === 1 && expectElement && c !== ']') {
      out.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return out;
}

/**
 * Checks an article against the deduper (recording it when new); for a duplicate, the
 * problem to report: "duplicate of <file>:<line>" of the first one seen.
 */
export function duplicateProblem(a: ImportedArticle, deduper: Deduper): ImportProblem | null {
  const origin = deduper.duplicateOf(a);
  if (origin === undefined) return null;
  return {
    file: a.file, line: a.line,
    message: origin === null ? 'duplicate of an article already in the index, skipped' : `duplicate of ${origin}, skipped`,
  };
}
