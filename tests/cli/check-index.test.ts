// A user's own index for `npm run check -- FILE --index FILE` (the only place an index
// other than the bundled one is loaded today): a broken or wrong-version file is refused
// with exit 2 and one clear line, and never half-used.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const SEED = 'seeds/000_a45b5977d33f2883.txt';
const tmp = mkdtempSync(join(tmpdir(), 'cc-index-'));
const good = readFileSync(join(ROOT, 'assets/seed-index.json'), 'utf8');

function checkWith(indexText: string | null, name: string) {
  const file = join(tmp, `${name}.json`);
  if (indexText !== null) writeFileSync(file, indexText);
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/check.ts'), SEED, '--json', '--index', file], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const spoil = (f: (x: Record<string, unknown>) => void) => {
  const x = JSON.parse(good) as Record<string, unknown>;
  f(x);
  return JSON.stringify(x);
};

describe('npm run check --index with a bad index', () => {
  const cases: [string, string | null, RegExp][] = [
    ['a missing file', null, /index not found/],
    ['a truncated file', good.slice(0, Math.floor(good.length / 2)), /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['a newer version', spoil((x) => (x.version = 99)), /broken: .*version 99 is not supported/],
    ['another format', spoil((x) => (x.format = 'something-else')), /broken: .*not a Crosscheck index/],
    ['a JSON array', '[1,2,3]', /broken: .*not a JSON object/],
    ['markup in place of JSON', '<img src=x onerror=alert(1)>', /not valid JSON/],
  ];
  for (const [what, text, message] of cases) {
    it(`exits 2 with one line for ${what}`, () => {
      const r = checkWith(text, what.replace(/\W+/g, '-'));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    });
  }

  it('a good copy of the index works the same as the bundled one', () => {
    const r = checkWith(good, 'good');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).claims.length).toBeGreaterThan(0);
  });
});
