// The user's corpus as plain data: merging seeds with enabled imports, switching sources on
// and off, removing them, deduplicating new articles, reading back a stored index (use it,
// rebuild it after a format change, or fall back), and the bad-input cases of an import as
// the options page reads files. IndexedDB itself is exercised in Chromium (tests/e2e/import.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { ImportedArticle } from '../../src/core/corpus/records';
import { INDEX_VERSION, validateIndex, type IndexDocument } from '../../src/core/index/schema';
import { articlesOfIndexFile, buildMerged, canUsePrebuilt, dedupeNewArticles, toRecord } from '../../src/storage/corpus-build';
import {
  applyChange, formatProblem, judgeStoredIndex, mergedDocuments, newSourceId, onlySeeds, sourceNameFor,
  type CorpusSource, type CorpusState, type StoredArticle,
} from '../../src/storage/corpus-model';
import { SEED_INDEX } from '../core/seed';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { readPickedFiles } = await import('../../src/options/corpus-client');

const seedFile = validateIndex(JSON.parse(readFileSync(SEED_INDEX, 'utf8')));
const SEED_DOCS = seedFile.documents;
const OUR_ARTICLE = JSON.parse(readFileSync(new URL('../fixtures/corpus/harbour-gazette.json', import.meta.url), 'utf8')) as {
  url: string; outlet: string; title: string; date: string; text: string;
};

function article(id: string, text: string, extra: Partial<StoredArticle> = {}): StoredArticle {
  return { id, url: null, outlet: 'Desk', title: null, date: null, text, file: `${id}.txt`, line: null, ...extra };
}

function source(id: string, enabled = true, n = 1): CorpusSource {
  return { id, name: id, enabled, articleCount: n, addedAt: `2026-01-0${id.length}T00:00:00Z`, kind: 'files' };
}

const EMPTY: CorpusState = { sources: [], articles: new Map() };

describe('merging and toggling', () => {
  const a = article('a1', 'Alpha text.');
  const b = article('b1', 'Beta text.');
  const withA = applyChange(EMPTY, { kind: 'add', source: source('a'), articles: [a] });
  const withAB = applyChange(withA, { kind: 'add', source: source('bb'), articles: [b] });

  it('adds a source with its articles, without touching the state it came from', () => {
    expect(EMPTY.sources).toEqual([]);
    expect(withAB.sources.map((s) => s.id)).toEqual(['a', 'bb']);
    expect(withAB.articles.get('bb')).toEqual([b]);
    expect(withA.articles.has('bb')).toBe(false);
  });

  it('merges the seed documents first, then the articles of enabled sources in import order', () => {
    const docs = mergedDocuments(SEED_DOCS, withAB);
    expect(docs.slice(0, SEED_DOCS.length)).toEqual(SEED_DOCS);
    expect(docs.slice(SEED_DOCS.length).map((d) => d.id)).toEqual(['a1', 'b1']);
    expect(docs[SEED_DOCS.length]).toEqual({ id: 'a1', title: null, outlet: 'Desk', date: null, language: null, url: null, text: 'Alpha text.' });
  });

  it('leaves out a switched-off source, and brings it back switched on', () => {
    const off = applyChange(withAB, { kind: 'toggle', id: 'a', enabled: false });
    expect(mergedDocuments(SEED_DOCS, off).slice(SEED_DOCS.length).map((d) => d.id)).toEqual(['b1']);
    expect(off.articles.get('a')).toEqual([a]); // kept, only not indexed
    const on = applyChange(off, { kind: 'toggle', id: 'a', enabled: true });
    expect(mergedDocuments(SEED_DOCS, on)).toEqual(mergedDocuments(SEED_DOCS, withAB));
  });

  it('removes a source and its articles', () => {
    const removed = applyChange(withAB, { kind: 'remove', id: 'a' });
    expect(removed.sources.map((s) => s.id)).toEqual(['bb']);
    expect(removed.articles.has('a')).toBe(false);
    expect(withAB.articles.has('a')).toBe(true);
  });

  it('indexes an article once even when two sources hold it', () => {
    const twice = applyChange(withAB, { kind: 'add', source: source('ccc'), articles: [a] });
    expect(mergedDocuments(SEED_DOCS, twice).filter((d) => d.id === 'a1')).toHaveLength(1);
  });

  it('uses the bundled index when no enabled source has articles', () => {
    expect(onlySeeds(EMPTY)).toBe(true);
    expect(onlySeeds(withA)).toBe(false);
    expect(onlySeeds(applyChange(withA, { kind: 'toggle', id: 'a', enabled: false }))).toBe(true);
    expect(buildMerged(SEED_DOCS, EMPTY)).toBeNull();
  });
});

describe('building the merged index', () => {
  const ours: StoredArticle = { ...OUR_ARTICLE, id: 'u-ours', file: 'harbour-gazette.json', line: null };
  const state = applyChange(EMPTY, { kind: 'add', source: source('desk'), articles: [ours] });

  it('builds a valid index of the seeds plus the imported article, with its outlet', () => {
    const index = buildMerged(SEED_DOCS, state)!;
    expect(() => validateIndex(index)).not.toThrow();
    expect(index.documents.map((d) => d.id)).toEqual([...SEED_DOCS.map((d) => d.id), 'u-ours'].sort());
    expect(index.documents.find((d) => d.id === 'u-ours')?.outlet).toBe('Harbour Gazette');
    expect(index.builtFrom).toMatch(/^bundled seeds \+ desk \(5 documents\)$/);
    const record = toRecord(index, state, new Date('2026-01-01T00:00:00Z'));
    expect(record).toMatchObject({ key: 'merged', indexVersion: INDEX_VERSION, sourceIds: ['desk'], documents: 5 });
    expect(judgeStoredIndex(record)).toEqual({ use: 'stored', raw: JSON.parse(record.json) });
  });
});

describe('reading back a stored index', () => {
  const index = { format: 'crosscheck-index', version: INDEX_VERSION, builtFrom: 'x', documents: [], entities: [], statements: [] };

  it('has nothing to read when nothing was stored', () => {
    expect(judgeStoredIndex(undefined)).toEqual({ use: 'none' });
  });

  it('rebuilds an index written by another format version, never drops it', () => {
    const older = { key: 'merged', indexVersion: INDEX_VERSION - 1, json: '{}' };
    expect(judgeStoredIndex(older)).toMatchObject({ use: 'rebuild', reason: expect.stringContaining(`version ${INDEX_VERSION - 1}`) });
    const inner = { key: 'merged', json: JSON.stringify({ ...index, version: INDEX_VERSION + 1 }) };
    expect(judgeStoredIndex(inner).use).toBe('rebuild');
  });

  it('falls back to the bundled index, in one line, when the record is broken', () => {
    for (const broken of ['junk', { key: 'merged', indexVersion: INDEX_VERSION }, { key: 'merged', indexVersion: INDEX_VERSION, json: '{"format": "cross' }]) {
      const v = judgeStoredIndex(broken);
      expect(v.use).toBe('bundled');
      if (v.use === 'bundled') expect(v.error).not.toMatch(/\n/);
    }
  });
});

describe('duplicates', () => {
  const stored = applyChange(EMPTY, {
    kind: 'add',
    source: source('old', false),
    articles: [article('t-old', 'An article imported last week, now switched off.', { file: 'old.txt' })],
  });
  const incoming = (text: string, file: string, line: number | null, url: string | null = null): ImportedArticle => ({
    url, outlet: null, title: null, date: null, text, file, line,
  });

  it('skips and reports duplicates of the seeds, of stored sources (even switched off) and within the import', () => {
    const seedText = SEED_DOCS[0].text;
    const { articles, problems } = dedupeNewArticles(SEED_DOCS, stored, [
      incoming('A new article about the harbour.', 'desk.jsonl', 1),
      incoming(seedText.replace(/\s+/g, '  '), 'seed-copy.txt', null),
      incoming('An article imported last week, now switched off.', 'desk.jsonl', 2),
      incoming('A new article about the harbour.', 'desk.csv', 4),
      incoming('Different text, same address.', 'desk.csv', 5, 'https://x.example/a'),
      incoming('Another text, same address.', 'desk.csv', 6, 'https://X.example/a#top'),
    ]);
    expect(articles.map((a) => `${a.file}:${a.line}`)).toEqual(['desk.jsonl:1', 'desk.csv:5']);
    expect(articles[0].id).toMatch(/^t-[0-9a-f]{16}$/);
    expect(articles[1].id).toMatch(/^u-[0-9a-f]{16}$/);
    expect(problems.map(formatProblem)).toEqual([
      `seed-copy.txt: duplicate of bundled article ${SEED_DOCS[0].id}, skipped`,
      'desk.jsonl:2: duplicate of old.txt, skipped',
      'desk.csv:4: duplicate of desk.jsonl:1, skipped',
      'desk.csv:6: duplicate of desk.csv:5, skipped',
    ]);
  });
});

describe('bad input, as the options page reads picked files', () => {
  const file = (name: string, content: string | Uint8Array<ArrayBuffer>) => ({ file: new File([content], name.split('/').pop()!), path: name });

  it('reports each bad file or record with file and line, skips it, and reads the rest', async () => {
    const progress: number[] = [];
    const read = await readPickedFiles(
      [
        file('desk/latin1.txt', new Uint8Array([0x53, 0xe3, 0x6f, 0x20, 0x50, 0x61, 0x75, 0x6c, 0x6f])),
        file('desk/wire.jsonl', '{"outlet": "Wire", "text": "Ports reopened on Tuesday after a week of repairs."}\n{"outlet": "Wire", "text": "cut off\n'),
        file('desk/rows.csv', 'url,outlet,title,date,text\nhttps://q.example/a,Quay,A,2025-08-19,"The bridge reopened."\nhttps://q.example/b,Quay,B,2025-08-19,\n'),
        file('desk/.DS_Store', new Uint8Array([0, 1, 2])),
        file('desk/notes.md', '# not an article'),
      ],
      (n) => progress.push(n),
      () => false,
    );
    expect(read!.articles.map((a) => `${a.file}:${a.line}`)).toEqual(['desk/wire.jsonl:1', 'desk/rows.csv:2']);
    const lines = read!.problems.map(formatProblem);
    expect(lines).toEqual([
      'desk/latin1.txt: not UTF-8 text, skipped',
      expect.stringMatching(/^desk\/wire\.jsonl:2: not valid JSON \(.+\), skipped$/),
      'desk/rows.csv:3: the row has no "text", skipped',
      expect.stringMatching(/^desk\/notes\.md: not an article file/),
    ]);
    expect(progress).toEqual([1, 2, 3, 4]);
  });

  it('stops between files when cancelled', async () => {
    let asked = 0;
    const read = await readPickedFiles([file('a.txt', 'One article.'), file('b.txt', 'Another.')], () => undefined, () => ++asked > 1);
    expect(read).toBeNull();
  });
});

describe('an exported index file imported elsewhere', () => {
  const seedIds = new Set(SEED_DOCS.map((d) => d.id));
  const extra: IndexDocument = { id: 'u-1', title: 'T', outlet: 'Harbour Gazette', date: '2025-08-18', language: null, url: 'https://h.example/1', text: 'Some text of ours.' };

  it('gives the documents that are not bundled seeds as articles', () => {
    const text = JSON.stringify({ ...seedFile, documents: [...seedFile.documents, extra] });
    expect(articlesOfIndexFile('idx.json', text, seedIds)).toEqual([
      { url: extra.url, outlet: extra.outlet, title: extra.title, date: extra.date, text: extra.text, file: 'idx.json', line: null },
    ]);
  });

  it('rejects a broken or wrong-version file with one line naming the file', () => {
    expect(() => articlesOfIndexFile('cut.json', JSON.stringify(seedFile).slice(0, 200), seedIds)).toThrow(/^cut\.json: not a Crosscheck index: not valid JSON \(.+\)$/);
    expect(() => articlesOfIndexFile('v9.json', JSON.stringify({ ...seedFile, version: 9 }), seedIds)).toThrow(
      `v9.json: index version 9 is not supported (this build reads version ${INDEX_VERSION})`,
    );
    expect(() => articlesOfIndexFile('other.json', '{"format": "something-else"}', seedIds)).toThrow(/^other\.json: not a Crosscheck index/);
  });
});

describe('names and small helpers', () => {
  it('names a source after the folder, the single file, or the first file and how many more', () => {
    expect(sourceNameFor([{ name: 'a.txt', webkitRelativePath: 'my-desk/a.txt' }, { name: 'b.csv', webkitRelativePath: 'my-desk/sub/b.csv' }])).toBe('my-desk');
    expect(sourceNameFor([{ name: 'articles.csv' }])).toBe('articles.csv');
    expect(sourceNameFor([{ name: 'a.txt' }, { name: 'b.txt' }, { name: 'c.txt' }])).toBe('a.txt and 2 more');
  });

  it('formats problems as file:line: message, in one line', () => {
    expect(formatProblem({ file: 'a.csv', line: 3, message: 'the row has\nno "text"' })).toBe('a.csv:3: the row has no "text"');
    expect(formatProblem({ file: 'b.txt', line: null, message: 'not UTF-8 text, skipped' })).toBe('b.txt: not UTF-8 text, skipped');
  });

  it('makes distinct source ids', () => {
    expect(newSourceId(0, 0)).toBe('src-0-000000');
    expect(newSourceId(1e12, 0.5)).not.toBe(newSourceId(1e12, 0.25));
  });
});

describe('an exported index imported on a fresh profile is stored without a rebuild', () => {
  const extra: StoredArticle = { ...OUR_ARTICLE, id: 'u-ours', file: 'idx.json', line: null };
  const exported = buildMerged(SEED_DOCS, applyChange(EMPTY, { kind: 'add', source: source('desk'), articles: [extra] }))!;
  const add = { kind: 'add' as const, source: source('idx'), articles: [extra] };

  it('when nothing else is imported and the file holds the seeds and exactly the new articles', () => {
    expect(canUsePrebuilt(SEED_DOCS, EMPTY, exported, add)).toBe(true);
  });

  it('not when other imports are switched on, when seeds are missing, or when some documents were duplicates', () => {
    const other = applyChange(EMPTY, { kind: 'add', source: source('x'), articles: [article('x1', 'Other text.')] });
    expect(canUsePrebuilt(SEED_DOCS, other, exported, add)).toBe(false);
    const noSeeds = { ...exported, documents: exported.documents.filter((d) => d.id === 'u-ours') };
    expect(canUsePrebuilt(SEED_DOCS, EMPTY, noSeeds, add)).toBe(false);
    expect(canUsePrebuilt(SEED_DOCS, EMPTY, exported, { ...add, articles: [] })).toBe(false);
  });
});

describe('database schema', () => {
  it('creates the three stores on first open and leaves them alone when already current', async () => {
    const { upgradeCorpusDb, CORPUS_DB_VERSION } = await import('../../src/storage/corpus-db');
    const made: [string, unknown][] = [];
    const db = { createObjectStore: (name: string, opts: unknown) => made.push([name, opts]) } as unknown as IDBDatabase;
    upgradeCorpusDb(db, 0);
    expect(made).toEqual([
      ['sources', { keyPath: 'id' }],
      ['articles', { keyPath: 'sourceId' }],
      ['index', { keyPath: 'key' }],
    ]);
    made.length = 0;
    upgradeCorpusDb(db, CORPUS_DB_VERSION);
    expect(made).toEqual([]);
  });
});
