// npm run build:index [-- --input DIR --out FILE]
// Reads every .txt / .html / .json / .jsonl / .csv article under DIR (metadata from a
// folder's sources.json where present) and writes one index, streaming: documents and
// statements go through temporary files, so a folder of 100,000 articles is never held in
// memory at once. Default: seeds/ -> assets/seed-index.json.
// Progress, each problem (file:line: message) and a summary go to stderr. Exit 0 when
// something was indexed; 2 with one line when nothing was or the input is missing.
import { existsSync, statSync } from 'node:fs';
import { join, basename, resolve } from 'node:path';
import { streamBuild } from './stream-build';
import { formatProblem } from './sources';
import { Progress, formatCount as num, formatDuration } from './progress';

function fail(msg: string): never {
  process.stderr.write(`build:index: ${msg}\n`);
  process.exit(2);
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  if (!v || v.startsWith('--')) fail(`${name} needs a value`);
  return v;
}

function main() {
  const input = arg('--input', 'seeds');
  const out = arg('--out', join('assets', 'seed-index.json'));
  // the default output is the index the extension bundles: only the seeds may go there unasked
  if (!process.argv.includes('--out') && resolve(input) !== resolve('seeds'))
    fail(`give --out FILE with --input (without it the index would replace the bundled ${out})`);
  if (!existsSync(input) || !statSync(input).isDirectory()) fail(`input folder not found: ${input}`);
  if (existsSync(out) && statSync(out).isDirectory()) fail(`--out is a folder, not a file: ${out}`);
  if (!existsSync(resolve(out, '..'))) fail(`the folder for --out does not exist: ${resolve(out, '..')}`);
  const everyMs = Number(process.env.BUILD_INDEX_PROGRESS_MS ?? 10_000);
  const progress = new Progress(process.stderr, Number.isFinite(everyMs) ? everyMs : 10_000);
  const started = Date.now();
  const r = streamBuild({
    input, out, progress,
    builtFrom: (n) => `${basename(input)}/ (${n} documents)`,
    onProblem: (p) => progress.say(`build:index: ${formatProblem(p)}`),
  });
  const skipped = r.problems ? `, ${num(r.problems)} problem${r.problems === 1 ? '' : 's'} (skipped)` : '';
  if (r.documents === 0) fail(`nothing to index: no article in ${r.files} file${r.files === 1 ? '' : 's'} under ${input}${skipped}`);
  progress.say(
    `build:index: ${num(r.documents)} documents, ${num(r.statements)} statements, ${num(r.entities)} entities from ${num(r.files)} files${skipped} -> ${out} ` +
      `(${(r.bytes / 1048576).toFixed(1)} MB) in ${formatDuration((Date.now() - started) / 1000)}`,
  );
}

try {
  main();
} catch (e) {
  fail((e as Error).message.split('\n')[0]);
}
