import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
function check(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/check.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'cc-check-'));

describe('npm run check', () => {
  it('prints exactly the contract JSON for a seed article', () => {
    const r = check('seeds/000_a45b5977d33f2883.txt', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual(['claims', 'document', 'entities']);
    expect(j.document).toEqual({ title: null, words: expect.any(Number), matchedIndexDoc: '000_a45b5977d33f2883' });
    for (const e of j.entities) {
      expect(['person', 'organization', 'place', 'other']).toContain(e.type);
      for (const m of e.mentions) expect(Object.keys(m).sort()).toEqual(['end', 'start', 'text']);
    }
    const stances = new Set<string>();
    for (const c of j.claims) {
      expect(['quote', 'attributed', 'figure', 'statement']).toContain(c.kind);
      for (const m of c.matches) {
        expect(m.doc).not.toBe('000_a45b5977d33f2883');
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
        expect(m.reasons.length).toBeGreaterThan(0);
        stances.add(m.stance);
      }
    }
    expect(stances).toEqual(new Set(['corroborates', 'conflicts', 'related']));
  });

  it('reads an HTML page', () => {
    const page = join(tmp, 'page.html');
    const para = 'Ukrainian President Volodymyr Zelensky met Donald Trump at the White House on Monday, and the two leaders spoke about security guarantees for Ukraine. ';
    writeFileSync(page, `<html><head><title>Test</title></head><body><nav><a href="/">Home</a></nav><article><h1>Leaders meet</h1><p>${para.repeat(3)}</p><p>“I can’t imagine that the next meeting would take place without a ceasefire,” Merz said.</p></article></body></html>`);
    const r = check(page, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.entities.map((e: { name: string }) => e.name)).toContain('Volodymyr Zelensky');
    expect(j.claims.some((c: { matches: { stance: string }[] }) => c.matches.some((m) => m.stance === 'corroborates'))).toBe(true);
  });

  it('prints a readable report by default', () => {
    const r = check('seeds/003_47dcfd72622b8e67.txt');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/corroborates/);
  });

  const bad: [string, () => string, RegExp][] = [
    ['a missing file', () => join(tmp, 'nope.txt'), /file not found/],
    ['an empty file', () => (writeFileSync(join(tmp, 'empty.txt'), ''), join(tmp, 'empty.txt')), /empty/],
    ['a binary file', () => (writeFileSync(join(tmp, 'bin.txt'), Buffer.from([0, 1, 2, 255, 0])), join(tmp, 'bin.txt')), /binary/],
    ['a page with no article text', () => (writeFileSync(join(tmp, 'blank.html'), '<html><body><nav>Home</nav></body></html>'), join(tmp, 'blank.html')), /no article text/],
    ['no file at all', () => '', /usage/],
  ];
  for (const [what, make, message] of bad) {
    it(`exits 2 with one line for ${what}`, () => {
      const f = make();
      const r = f ? check(f, '--json') : check('--json');
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    });
  }
});
