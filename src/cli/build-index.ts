// npm run build:index [-- --input DIR --out FILE]
// Reads .txt / .html / .json articles (metadata from DIR/sources.json when present) and
// writes one validated index. Default: seeds/ -> assets/seed-index.json.
import { readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, basename, extname } from 'node:path';
import { buildIndex, titleFromText, type SourceArticle } from '../core/index/build';
import { serializeIndex } from '../core/index/serialize';
import { validateIndex } from '../core/index/schema';

interface SourceMeta {
  id: string;
  file: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  language: string | null;
  url?: string | null;
}

function fail(msg: string): never {
  process.stderr.write(`build:index: ${msg}\n`);
  process.exit(2);
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function readArticle(path: string, meta: SourceMeta | undefined): Promise<SourceArticle | null> {
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

async function main() {
  const input = arg('--input', 'seeds');
  const out = arg('--out', join('assets', 'seed-index.json'));
  if (!existsSync(input) || !statSync(input).isDirectory()) fail(`input folder not found: ${input}`);
  let metas: SourceMeta[] = [];
  const sourcesPath = join(input, 'sources.json');
  if (existsSync(sourcesPath)) {
    try {
      metas = (JSON.parse(readFileSync(sourcesPath, 'utf8')) as { sources: SourceMeta[] }).sources;
    } catch (e) {
      fail(`${sourcesPath}: not valid JSON (${(e as Error).message})`);
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
  if (!articles.length) fail(`no articles in ${input}`);
  const index = validateIndex(buildIndex(articles, `${basename(input)}/ (${articles.length} documents)`));
  writeFileSync(out, serializeIndex(index));
  process.stderr.write(
    `build:index: ${articles.length} documents, ${index.statements.length} statements, ${index.entities.length} entities -> ${out}\n`,
  );
}

main().catch((e) => fail((e as Error).message));
