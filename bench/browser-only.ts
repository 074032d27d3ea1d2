// `node --import tsx bench/browser-only.ts [--runs N] [--page NAME]... [--breakdown] [--cpu] [--rerun] [--dist DIR]`: only
// the Chromium part of `npm run bench`, a few runs with the median per page. With
// --breakdown it builds an unminified copy of the extension into a temporary directory
// (dist/ is left alone) so the profile names functions, and prints the top of the content
// script's self time per page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserPart, type BrowserPage } from './browser';
import { ROOT } from './corpus';

const args = process.argv.slice(2);
const value = (flag: string) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]] : []));
const runs = Number(value('--runs')[0] ?? 3);
const only = value('--page');
const breakdown = args.includes('--breakdown');
const cpu = args.includes('--cpu');
const rerun = args.includes('--rerun');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  // --dist DIR: another build of the extension (e.g. an older commit's, for a before/after).
  let dist: string | undefined = value('--dist')[0];
  if (breakdown) {
    dist = mkdtempSync(join(tmpdir(), 'crosscheck-plain-'));
    execFileSync('npx', ['vite', 'build', '--mode', 'chrome', '--minify', 'false', '--outDir', dist, '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  const all: BrowserPage[][] = [];
  // Self time summed over every page and run: single samples can be long on a busy machine
  // (the renderer waited for a core), so one run's ranking is noisy; the sum is steadier.
  const summed = new Map<string, number>();
  for (let r = 0; r < runs; r++) {
    console.log(`run ${r + 1}/${runs}`);
    const res = await browserPart((s) => console.log(s), {
      dist,
      cpu,
      rerun,
      only: only.length ? only : undefined,
      breakdown: breakdown
        ? (page, rows) => {
            for (const [k, ms] of rows) if (!k.startsWith('longest')) summed.set(k, (summed.get(k) ?? 0) + ms);
            console.log(`    top of ${page}:`);
            const self = rows.filter(([k]) => !k.startsWith('incl ') && !k.startsWith('longest')).slice(0, 12);
            const incl = rows.filter(([k]) => k.startsWith('incl ')).slice(0, 16);
            const longest = rows.filter(([k]) => k.startsWith('longest')).slice(0, 10);
            for (const [k, ms] of [...self, ...incl, ...longest]) console.log(`      ${ms.toFixed(1).padStart(6)} ms  ${k}`);
          }
        : undefined,
    });
    if ('skipped' in res) {
      console.log(`SKIP: ${res.skipped}`);
      return;
    }
    all.push(res.pages);
  }
  if (breakdown) {
    const sorted = [...summed].sort((a, b) => b[1] - a[1]);
    console.log(`\nsummed over all pages and runs, self:`);
    for (const [k, ms] of sorted.filter(([k]) => !k.startsWith('incl ')).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${k}`);
    console.log(`inclusive:`);
    for (const [k, ms] of sorted.filter(([k]) => k.startsWith('incl ')).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${k}`);
  }
  const min = (xs: number[]) => Math.min(...xs);
  console.log(`\nmedian of ${runs} (min in brackets) | page | content script ms | longest run ms | bare walk ms | ratio | claims`);
  for (const p of all[0]) {
    const rows = all.map((ps) => ps.find((x) => x.page === p.page)!);
    const m = (f: (x: BrowserPage) => number, d: number) => `${median(rows.map(f)).toFixed(d)} (${min(rows.map(f)).toFixed(d)})`;
    console.log(`| ${p.page} | ${m((x) => x.content_script_ms, 1)} | ${m((x) => x.longest_task_ms, 1)} | ${m((x) => x.bare_walk_ms, 2)} | ${m((x) => x.content_script_over_walk_ratio, 0)} | ${median(rows.map((x) => x.claims))} |${cpu ? ` cpu ~${m((x) => x.content_script_cpu_ms ?? NaN, 1)}` : ''}${rerun ? ` again in the same page ${m((x) => x.content_script_rerun_ms ?? NaN, 1)}` : ''}`);
  }
}

void main();
