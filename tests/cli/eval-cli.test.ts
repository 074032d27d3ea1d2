// The eval command as a user runs it: one line and exit 2 for a broken index; one JSON
// object with every metric for --json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function evalCli(...args: string[]) {
  return spawnSync(TSX, ['src/cli/eval.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

describe('npm run eval', () => {
  it('exits 2 with one line when the index is missing or broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-eval-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    for (const file of [broken, join(dir, 'missing.json')]) {
      const r = evalCli('--index', file);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('prints one JSON object with metrics, targets and pass flags', () => {
    const r = evalCli('--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { metrics: { metric: string; pass: boolean | null }[]; skipped: string[] };
    const names = out.metrics.map((m) => m.metric);
    expect(names).toContain('seed pages recognised as their own article');
    if (!out.skipped.some((s) => s.includes('seed-gold'))) {
      for (const n of ['pair recall', 'stance accuracy (found pairs)', 'conflicts found', 'false matches on negatives', 'entity recall', 'trap links']) {
        expect(names).toContain(n);
      }
    }
  }, 120_000);
});
