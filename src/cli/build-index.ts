// npm run build:index [-- --input DIR --out FILE]
// Reads .txt / .html / .json articles (metadata from DIR/sources.json when present) and
// writes one validated index. Default: seeds/ -> assets/seed-index.json.
import { writeFileSync, existsSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { buildIndex } from '../core/index/build';
import { readFolder } from './sources';
import { serializeIndex } from '../core/index/serialize';
import { validateIndex } from '../core/index/schema';

function fail(msg: string): never {
  process.stderr.write(`build:index: ${msg}\n`);
  process.exit(2);
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  const input = arg('--input', 'seeds');
  const out = arg('--out', join('assets', 'seed-index.json'));
  if (!existsSync(input) || !statSync(input).isDirectory()) fail(`input folder not found: ${input}`);
  const articles = await readFolder(input);
  if (!articles.length) fail(`no articles in ${input}`);
  const index = validateIndex(buildIndex(articles, `${basename(input)}/ (${articles.length} documents)`));
  writeFileSync(out, serializeIndex(index));
  process.stderr.write(
    `build:index: ${articles.length} documents, ${index.statements.length} statements, ${index.entities.length} entities -> ${out}\n`,
  );
}

main().catch((e) => fail((e as Error).message));
