import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EntityAccumulator } from '../../src/core/corpus/entities';
import { discoverEntities } from '../../src/core/index/discover';
import { SEEDS } from '../core/seed';

const texts = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));

describe('EntityAccumulator: entity discovery in chunks', () => {
  it('a corpus that fits in one chunk gets exactly discoverEntities', () => {
    const acc = new EntityAccumulator(10);
    for (const t of texts) acc.add(t);
    expect(acc.finish()).toEqual(discoverEntities(texts));
  });

  it('chunks of one text: the same people, spelling variants merged across chunks', () => {
    const acc = new EntityAccumulator(1);
    for (const t of texts) acc.add(t);
    const entities = acc.finish();
    const ids = entities.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    const persons = (list: typeof entities) => list.filter((e) => e.type === 'person').map((e) => e.name);
    expect(persons(entities)).toEqual(expect.arrayContaining(['Donald Trump', 'Melania Trump', 'Vladimir Putin']));
    const zelensky = entities.filter((e) => e.aliases.some((a) => /Zelensk(y|iy|yy)$/.test(a)));
    expect(zelensky).toHaveLength(1);
    expect(zelensky[0].aliases).toEqual(expect.arrayContaining(['Zelenskiy', 'Zelenskyy', 'Zelensky']));
  });
});
