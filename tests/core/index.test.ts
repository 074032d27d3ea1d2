import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildIndex } from '../../src/core/index/build';
import { serializeIndex } from '../../src/core/index/serialize';
import { validateIndex, IndexError } from '../../src/core/index/schema';
import { loadIndex } from '../../src/core/index/load';
import { readFolder } from '../../src/cli/sources';
import { SEEDS, SEED_INDEX } from './seed';

const committed = () => JSON.parse(readFileSync(SEED_INDEX, 'utf8'));

describe('index builder', () => {
  it('is deterministic: two builds of the seeds are byte-identical', async () => {
    const a = serializeIndex(buildIndex(await readFolder(SEEDS), 'seeds/ (4 documents)'));
    const b = serializeIndex(buildIndex((await readFolder(SEEDS)).reverse(), 'seeds/ (4 documents)'));
    expect(a).toBe(b);
  });

  it('reports its progress: once after entity discovery, then after each article, and builds the same index', async () => {
    const calls: [number, number][] = [];
    const built = serializeIndex(buildIndex(await readFolder(SEEDS), 'seeds/ (4 documents)', (done, total) => calls.push([done, total])));
    expect(calls).toEqual([[0, 4], [1, 4], [2, 4], [3, 4], [4, 4]]);
    expect(built).toBe(serializeIndex(buildIndex(await readFolder(SEEDS), 'seeds/ (4 documents)')));
  });

  it('the committed index is what the seeds build (run npm run build:index after changing the engine)', async () => {
    const built = serializeIndex(buildIndex(await readFolder(SEEDS), 'seeds/ (4 documents)'));
    expect(readFileSync(SEED_INDEX, 'utf8')).toBe(built);
  });

  it('holds every seed document with its metadata, and statements with offsets into them', () => {
    const idx = validateIndex(committed());
    expect(idx.documents.map((d) => d.id)).toEqual(['000_a45b5977d33f2883', '001_05538c842d29af46', '002_ea448918cd7fbcf1', '003_47dcfd72622b8e67']);
    for (const s of idx.statements) expect(idx.documents[s.doc].text.slice(s.start, s.end).trim().length).toBeGreaterThan(0);
    expect(idx.statements.some((s) => s.kind === 'quote' && s.speaker)).toBe(true);
    expect(idx.statements.some((s) => s.figures.some((f) => f.unit === 'USD' && f.value === 90e9))).toBe(true);
    expect(idx.statements.some((s) => s.negated)).toBe(true);
    expect(idx.statements.some((s) => s.modality === 'necessity')).toBe(true);
  });

  it('records every surface form of an entity, misspellings included', () => {
    const idx = validateIndex(committed());
    const byName = (n: string) => idx.entities.find((e) => e.name === n)!;
    expect(byName('Volodymyr Zelensky').aliases).toEqual(expect.arrayContaining(['Zelenskiy', 'Zelenskyy', 'Zelensky']));
    expect(byName('Friedrich Merz').aliases).toContain('Fredriech Merz');
    expect(byName('Melania Trump')).toBeTruthy();
    expect(byName('Donald Trump').aliases).not.toContain('Melania Trump');
    expect(byName('Olena Zelenska')).toBeTruthy();
  });
});

describe('index validation', () => {
  const broken: [string, (x: any) => void, RegExp][] = [
    ['a wrong format', (x) => (x.format = 'something-else'), /not a Crosscheck index/],
    ['a newer version', (x) => (x.version = 99), /version 99 is not supported/],
    ['no documents', (x) => (x.documents = []), /no documents/],
    ['a statement outside its document', (x) => (x.statements[0].end = 10 ** 9), /offsets outside its document/],
    ['a statement naming an unknown entity', (x) => (x.statements[0].entities = ['nobody']), /entity the index does not have/],
    ['a duplicated document id', (x) => x.documents.push({ ...x.documents[0] }), /duplicated/],
    ['an entity of unknown type', (x) => (x.entities[0].type = 'planet'), /not a known type/],
  ];
  for (const [what, spoil, message] of broken) {
    it(`rejects ${what} with a one-line message`, () => {
      const x = committed();
      spoil(x);
      expect(() => loadIndex(x)).toThrow(IndexError);
      expect(() => loadIndex(x)).toThrow(message);
      try {
        loadIndex(x);
      } catch (e) {
        expect((e as Error).message).not.toContain('\n');
      }
    });
  }
  it('rejects what is not an index at all', () => {
    expect(() => loadIndex(null)).toThrow(/not a JSON object/);
    expect(() => loadIndex([1, 2])).toThrow(/not a JSON object/);
  });
});
