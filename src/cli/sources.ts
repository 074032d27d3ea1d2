// Reading a folder of articles for the index builder: .txt / .html / .json files, with
// metadata from the folder's sources.json when it has one.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename, extname } from 'node:path';
import { titleFromText, type SourceArticle } from '../core/index/build';

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

export async function readArticle(path: string, meta: SourceMeta | undefined): Promise<SourceArticle | null> {
  const ext = extname(path).toLowerCase();
  const id = meta?.id ?? basename(path, ext);
  const raw = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    process.stderr.write(`build:index: ${path}: not UTF-8 text, skipped\n`);
    return null;
  }
  let title: string | null = meta?.title ?? null;
  let outlet = meta?.outlet ?? null;
  let date = meta?.date ?? null;
  let url = meta?.url ?? null;
  if (ext === '.html' || ext === '.htm') {
    const { htmlToArticle } = await import('./html');
    const art = htmlToArticle(text);
    if (!art) {
      process.stderr.write(`build:index: ${path}: no article text found, skipped\n`);
      return null;
    }
    text = art.text;
    title = title ?? art.title;
  } else if (ext === '.json') {
    let j: Record<string, unknown>;
    try {
      j = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      process.stderr.write(`build:index: ${path}: not valid JSON (${(e as Error).message}), skipped\n`);
      return null;
    }
    if (typeof j.text !== 'string' || !j.text.trim()) {
      process.stderr.write(`build:index: ${path}: no "text" field, skipped\n`);
      return null;
    }
    text = j.text;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    title = title ?? str(j.title);
    outlet = outlet ?? str(j.outlet);
    date = date ?? str(j.date);
    url = url ?? str(j.url);
  }
  text = text.replace(/\r\n?/g, '\n');
  if (!text.trim()) {
    process.stderr.write(`build:index: ${path}: empty, skipped\n`);
    return null;
  }
  return { id, title: title ?? titleFromText(text), outlet, date, language: meta?.language ?? null, url, text };
}


/** Reads every article of a folder, in file-name order. Problems with one file are reported and skipped. */
export async function readFolder(input: string): Promise<SourceArticle[]> {
  let metas: SourceMeta[] = [];
  const sourcesPath = join(input, 'sources.json');
  if (existsSync(sourcesPath)) {
    try {
      metas = (JSON.parse(readFileSync(sourcesPath, 'utf8')) as { sources: SourceMeta[] }).sources;
    } catch (e) {
      throw new SourceError(`${sourcesPath}: not valid JSON (${(e as Error).message})`);
    }
  }
  const files = readdirSync(input)
    .filter((f) => /\.(txt|html?|json)$/i.test(f) && f !== 'sources.json')
    .sort();
  const articles: SourceArticle[] = [];
  for (const f of files) {
    const a = await readArticle(join(input, f), metas.find((m) => m.file === f));
    if (a) articles.push(a);
  }
  return articles;
}
