// npm run build:index -- --input DIR --out FILE on a small folder holding every format and
// every kind of bad input, written here.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateIndex } from '../../src/core/index/schema';
import { loadIndex } from '../../src/core/index/load';
import { analyze } from '../../src/core/engine';

const ROOT = new URL('../..', import.meta.url).pathname;
function buildIndexCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/build-index.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, BUILD_INDEX_PROGRESS_MS: '0', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'cc-build-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const dir = join(tmp, 'corpus');
const file = (rel: string, content: string | Uint8Array) => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), content);
};

// short articles of our own about the seed story
const A = 'Leaders Meet In Washington\nUkrainian President Volodymyr Zelensky met Donald Trump at the White House on Monday. Trump said the United States would help with security guarantees for Ukraine.';
const B = 'German Chancellor Friedrich Merz said the next meeting should not take place without a ceasefire. He told reporters in Berlin that Europe was ready to do more.';
const C = 'Russian President Vladimir Putin spoke with Trump by telephone for 40 minutes. A Kremlin aide, Yuri Ushakov, said both sides supported direct talks.';
const D = 'French President Emmanuel Macron said any peace deal must include strong guarantees. NATO Secretary General Mark Rutte joined the talks in Washington.';
const E = 'British Prime Minister Keir Starmer said the coalition of the willing would meet again this week. He said the talks had made real progress.';
const F = 'Finnish President Alexander Stubb said the meeting was constructive. Italian Prime Minister Giorgia Meloni said Europe stood united with Ukraine.';
const G = 'Secretary of State Marco Rubio said the administration would keep working on the framework. Envoy Steve Witkoff said a summit could come within weeks.';

file('a.txt', A);
file('sub/b.html', `<html><head><title>Merz on a ceasefire</title></head><body><nav><a href="/">Home</a></nav><article><h1>Merz on a ceasefire</h1><p>${B}</p><p>${B.replace('Berlin', 'Brussels')}</p></article></body></html>`);
file('c.json', JSON.stringify({ url: 'https://example.org/putin-call', outlet: 'Example News', title: 'Putin call', date: '2025-08-18', text: C }));
file('d.json', JSON.stringify([{ outlet: 'Daily Example', text: D }, { title: 'no text here' }], null, 2));
file('e.jsonl', [JSON.stringify({ outlet: 'Wire', text: E }), '{"text": "broken', JSON.stringify({ title: 'only a title' }), JSON.stringify({ text: A.toUpperCase() })].join('\n') + '\n');
file('deep/er/f.csv', `url,outlet,title,date,text\r\nhttps://example.org/stubb,Paper,"Stubb, Meloni",2025-08-19,"${F.replace('constructive', '""constructive""').replace('. ', '.\n')}"\r\nhttps://example.org/none,Paper,No text,2025-08-19,\r\nhttps://example.org/putin-call,Paper,Same url,2025-08-19,Another text entirely about something.\r\n`);
file('g.jsonl', JSON.stringify({ url: 'https://example.org/rubio', text: G }) + '\n');
file('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]));
file('empty.txt', '');
file('notes.md', 'not an article file: ignored');

describe('npm run build:index -- --input DIR --out FILE', () => {
  const out = join(tmp, 'index.json');
  const r = buildIndexCli(['--input', dir, '--out', out]);

  it('indexes every format, recursively, and exits 0', () => {
    expect(r.code).toBe(0);
    const idx = validateIndex(JSON.parse(readFileSync(out, 'utf8')));
    expect(idx.documents).toHaveLength(7);
    const byText = (s: string) => idx.documents.find((d) => d.text.includes(s))!;
    expect(byText('White House')).toMatchObject({ title: 'Leaders Meet In Washington', url: null });
    expect(byText('next meeting')).toMatchObject({ title: 'Merz on a ceasefire' });
    expect(byText('40 minutes')).toMatchObject({ outlet: 'Example News', url: 'https://example.org/putin-call', date: '2025-08-18' });
    expect(byText('NATO')).toMatchObject({ outlet: 'Daily Example' });
    expect(byText('coalition')).toMatchObject({ outlet: 'Wire' });
    expect(byText('Stubb')).toMatchObject({ title: 'Stubb, Meloni', text: F.replace('constructive', '"constructive"').replace('. ', '.\n') });
    expect(byText('Rubio')).toMatchObject({ url: 'https://example.org/rubio' });
    expect(idx.statements.length).toBeGreaterThan(7);
    expect(idx.builtFrom).toBe('corpus/ (7 documents)');
  });

  it('writes an index the engine loads and matches against', () => {
    const loaded = loadIndex(JSON.parse(readFileSync(out, 'utf8')));
    expect(loaded.file.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Friedrich Merz', 'Vladimir Putin']));
    const result = analyze('Chancellor Friedrich Merz said the next meeting should not take place without a ceasefire, he told reporters.', loaded);
    expect(result.claims.some((c) => c.matches.some((m) => m.statement.includes('ceasefire')))).toBe(true);
  });

  it('reports each problem as file:line: message and skips only that record', () => {
    const lines = r.err.split('\n');
    const has = (re: RegExp) => expect(lines.some((l) => re.test(l)), `stderr has ${re}:\n${r.err}`).toBe(true);
    has(/^build:index: .*\/latin1\.txt: not UTF-8 text, skipped$/);
    has(/^build:index: .*\/empty\.txt: empty file, skipped$/);
    has(/^build:index: .*\/e\.jsonl:2: not valid JSON \(.*\), skipped$/);
    has(/^build:index: .*\/e\.jsonl:3: the record has no "text", skipped$/);
    has(/^build:index: .*\/e\.jsonl:4: duplicate of .*\/a\.txt, skipped$/);
    has(/^build:index: .*\/d\.json:6: record 2 has no "text", skipped$/);
    has(/^build:index: .*\/deep\/er\/f\.csv:4: the row has no "text", skipped$/);
    has(/^build:index: .*\/deep\/er\/f\.csv:5: duplicate of .*\/c\.json, skipped$/);
    expect(r.err).not.toMatch(/notes\.md/);
  });

  it('shows progress of both passes with a rate and an ETA, then a summary', () => {
    expect(r.err).toMatch(/^build:index: pass 1\/2, reading: \d+\/9 files, \d+ articles, [\d,]+ articles\/s, ETA [\d:?]+$/m);
    expect(r.err).toMatch(/^build:index: pass 1\/2, reading: 9 files, 7 articles, \d+ entities in \d+:\d\d$/m);
    expect(r.err).toMatch(/^build:index: pass 2\/2, statements: \d+\/7 articles, \d+ statements, [\d,]+ articles\/s, ETA [\d:?]+$/m);
    expect(r.err).toMatch(/^build:index: 7 documents, \d+ statements, \d+ entities from 9 files, 8 problems \(skipped\) -> .*index\.json \([\d.]+ MB\) in \d+:\d\d$/m);
  });

  it('the seeds build byte-identical to the committed index', () => {
    const seedsOut = join(tmp, 'seeds.json');
    const s = buildIndexCli(['--input', 'seeds', '--out', seedsOut]);
    expect(s.code).toBe(0);
    expect(readFileSync(seedsOut, 'utf8')).toBe(readFileSync(join(ROOT, 'assets/seed-index.json'), 'utf8'));
  });
});

describe('npm run build:index: nothing to index', () => {
  it('a missing input folder: exit 2, one line', () => {
    const r = buildIndexCli(['--input', join(tmp, 'nope'), '--out', join(tmp, 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`build:index: input folder not found: ${join(tmp, 'nope')}\n`);
  });

  it('a folder of bad files only: problems, then exit 2 with one line, and the previous index stays', () => {
    const bad = join(tmp, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'x.jsonl'), '{"text": \n');
    writeFileSync(join(bad, 'y.csv'), 'title\nOnly a title\n');
    const out = join(tmp, 'previous.json');
    writeFileSync(out, 'previous');
    const r = buildIndexCli(['--input', bad, '--out', out]);
    expect(r.code).toBe(2);
    const last = r.err.trim().split('\n').pop();
    expect(last).toBe(`build:index: nothing to index: no article in 2 files under ${bad}, 2 problems (skipped)`);
    expect(r.err).toMatch(/x\.jsonl:1: not valid JSON/);
    expect(r.err).toMatch(/y\.csv:1: the header has no "text" column/);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('--input without --out: exit 2, the bundled index is not replaced', () => {
    const before = readFileSync(join(ROOT, 'assets/seed-index.json'), 'utf8');
    const r = buildIndexCli(['--input', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^build:index: give --out FILE with --input \(without it the index would replace the bundled assets\/seed-index\.json\)\n$/);
    expect(readFileSync(join(ROOT, 'assets/seed-index.json'), 'utf8')).toBe(before);
  });

  it('an empty folder: exit 2', () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    const r = buildIndexCli(['--input', empty, '--out', join(tmp, 'e.json')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n').pop()).toBe(`build:index: nothing to index: no article in 0 files under ${empty}`);
  });
});

describe('npm run gen:corpus', () => {
  it('writes N distinct articles (.jsonl and .txt) that build:index indexes in full', () => {
    const gen = join(tmp, 'gen');
    const g = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/gen-corpus.ts'), '--out', gen, '--count', '60'], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(g.status).toBe(0);
    const out = join(tmp, 'gen.json');
    const r = buildIndexCli(['--input', gen, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/problem/);
    const idx = validateIndex(JSON.parse(readFileSync(out, 'utf8')));
    expect(idx.documents).toHaveLength(60);
    expect(idx.documents.filter((d) => d.outlet === null)).toHaveLength(3); // the .txt ones
  });
});

describe('build:index reads a big .jsonl file a piece at a time', () => {
  it('gives the same index and the same problems as reading it whole; a bad UTF-8 line is reported by its line', async () => {
    const { streamBuild } = await import('../../src/cli/stream-build');
    const { Progress } = await import('../../src/cli/progress');
    const { formatProblem } = await import('../../src/cli/sources');
    const run = (streamJsonlFrom: number, name: string) => {
      const problems: string[] = [];
      const out = join(tmp, name);
      const r = streamBuild({
        input: dir, out, streamJsonlFrom, builtFrom: (n) => `corpus/ (${n} documents)`,
        progress: new Progress({ write: () => true }), onProblem: (p) => problems.push(formatProblem(p)),
      });
      return { r, problems, text: readFileSync(out, 'utf8') };
    };
    const whole = run(Infinity, 'whole.json');
    const pieces = run(0, 'pieces.json');
    expect(pieces.text).toBe(whole.text);
    expect(pieces.problems).toEqual(whole.problems);

    const big = join(tmp, 'big');
    mkdirSync(big);
    const lines = Array.from({ length: 2500 }, (_, i) => JSON.stringify({ url: `https://example.org/${i}`, text: `${A} Number ${i}.` }));
    const bytes = Buffer.concat([
      Buffer.from(lines.slice(0, 1200).join('\n') + '\n'),
      Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d, 0x0a]), // {"text":"\xe9"} on line 1201
      Buffer.from(lines.slice(1200).join('\r\n') + '\r\n'),
    ]);
    writeFileSync(join(big, 'big.jsonl'), bytes);
    const problems: string[] = [];
    const r = streamBuild({
      input: big, out: join(tmp, 'big.json'), streamJsonlFrom: 0, builtFrom: (n) => `big/ (${n} documents)`,
      progress: new Progress({ write: () => true }), onProblem: (p) => problems.push(formatProblem(p)),
    });
    expect(problems).toEqual([`${join(big, 'big.jsonl')}:1201: not UTF-8 text, skipped`]);
    expect(r.documents).toBe(2500);
  });
});
