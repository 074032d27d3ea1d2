// npm run check -- FILE [--json] [--index FILE] [--sensitivity 0..1]
// Analyses a .txt or .html article against the bundled index.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadIndex, type LoadedIndex } from '../core/index/load';
import { analyze } from '../core/engine';
import type { AnalysisResult } from '../core/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(msg: string): never {
  process.stderr.write(`check: ${msg}\n`);
  process.exit(2);
}

function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] ?? null : null;
}

export function loadIndexFile(path: string): LoadedIndex {
  if (!existsSync(path)) fail(`index not found: ${path} (run npm run build:index)`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`index ${path} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return loadIndex(raw);
  } catch (e) {
    fail(`index ${path} is broken: ${(e as Error).message}`);
  }
}

async function readArticle(path: string): Promise<{ text: string; title: string | null }> {
  if (!existsSync(path)) fail(`file not found: ${path}`);
  if (!statSync(path).isFile()) fail(`not a file: ${path}`);
  const bytes = readFileSync(path);
  if (bytes.length === 0) fail(`file is empty: ${path}`);
  if (bytes.includes(0)) fail(`not a text file (binary data): ${path}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(`not UTF-8 text: ${path}`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') {
    const { htmlToArticle } = await import('./html');
    const art = htmlToArticle(text);
    if (!art || !art.text.trim()) fail(`no article text found in ${path}`);
    return { text: art.text, title: art.title };
  }
  if (!text.trim()) fail(`file has no text: ${path}`);
  return { text, title: null };
}

function printReadable(r: AnalysisResult, path: string) {
  const out: string[] = [];
  const counts = { corroborates: 0, conflicts: 0, related: 0 };
  for (const c of r.claims) for (const m of c.matches) counts[m.stance]++;
  out.push(`${path}: ${r.document.words} words, ${r.entities.length} entities, ${r.claims.length} claims`);
  if (r.document.matchedIndexDoc) out.push(`This page is indexed article ${r.document.matchedIndexDoc}: its own statements are left out.`);
  out.push(`Matches: ${counts.corroborates} corroborate, ${counts.conflicts} conflict, ${counts.related} related`);
  out.push('');
  out.push('Entities: ' + r.entities.map((e) => `${e.name} (${e.type}, ${e.mentions.length})`).join('; '));
  const mark = { corroborates: '✔ corroborates', conflicts: '✖ conflicts', related: '~ related' };
  for (const c of r.claims) {
    if (!c.matches.length) continue;
    out.push('');
    out.push(`• [${c.kind}${c.speaker ? `, ${c.speaker}` : ''}] ${c.text}`);
    for (const m of c.matches) {
      out.push(`    ${mark[m.stance]} (${m.score.toFixed(2)}) ${m.outlet ?? m.title ?? m.doc}`);
      out.push(`      “${m.statement}”`);
      for (const reason of m.reasons) out.push(`      – ${reason}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !['--index', '--sensitivity'].includes(args[i - 1]));
  if (!file) fail('usage: npm run check -- FILE [--json] [--index FILE] [--sensitivity 0..1]');
  const index = loadIndexFile(option('--index') ?? join(ROOT, 'assets', 'seed-index.json'));
  const { text, title } = await readArticle(file);
  const sens = option('--sensitivity');
  const result = analyze(text, index, { title, sensitivity: sens === null ? undefined : Number(sens) });
  if (args.includes('--json')) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else printReadable(result, file);
}

main().catch((e) => fail((e as Error).message ?? String(e)));
