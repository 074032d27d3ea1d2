// The benchmark must not rot: its quick mode runs and prints the JSON of shared/contracts.md §3.
// Only the shape is checked, never a timing.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/pages';

describe('npm run bench -- --json --quick', () => {
  it('prints one JSON object with unit-suffixed figures, budgets and skipped', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench/bench.ts'), '--json', '--quick'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 90_000,
    });
    const j = JSON.parse(out) as { budgets: unknown[]; skipped: unknown[]; engine: Record<string, unknown>[]; sizes: Record<string, unknown> };
    expect(Array.isArray(j.skipped)).toBe(true);
    expect(j.budgets.length).toBeGreaterThan(0);
    for (const b of j.budgets as Record<string, unknown>[]) {
      expect(Object.keys(b).filter((k) => k !== 'note').sort()).toEqual(['limit', 'name', 'pass', 'unit', 'value']);
      if ('note' in b) expect(typeof b.note).toBe('string');
      expect(typeof b.pass).toBe('boolean');
    }
    expect(j.engine[0]).toHaveProperty('median_ms');
    // how fast the machine itself was beside each median (bench/machine.ts)
    expect(typeof j.engine[0].machine_kernel_ms).toBe('number');
    expect(j.engine[0].machine_slowdown_ratio as number).toBeGreaterThanOrEqual(1);
    for (const k of Object.keys(j.sizes)) if (typeof j.sizes[k] === 'number') expect(k).toMatch(/_(ms|kb|ratio)$/);
  }, 120_000);
});
