// Candidate retrieval reads the rarest lists first and stops adding statements once no
// newcomer could reach the best `limit`; the result must be exactly that of adding up every
// list (same statements, same order).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findCandidates } from '../../src/core/match/candidates';
import { readSentences } from '../../src/core/extract/claims';
import { unitFeatures, withContext, type UnitFeatures } from '../../src/core/match/features';
import type { LoadedIndex } from '../../src/core/index/load';
import { SEEDS, seedIndex } from './seed';

function everyList(index: LoadedIndex, unit: UnitFeatures, limit: number): number[] {
  const common = Math.max(50, index.file.statements.length * 0.25);
  const acc = new Map<number, number>();
  const add = (list: number[] | undefined, w: number) => {
    if (!list || list.length > common) return;
    for (const s of list) acc.set(s, (acc.get(s) ?? 0) + w);
  };
  for (const t of unit.termSet) add(index.postings.get(t), index.idf(t));
  for (const t of unit.context) if (!unit.termSet.has(t)) add(index.postings.get(t), 0.5 * index.idf(t));
  for (const e of unit.entities) add(index.entityPostings.get(e), 0.8);
  return [...acc].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([s]) => s);
}

describe('candidate retrieval', () => {
  const index = seedIndex();
  const text = readFileSync(`${SEEDS}/001_05538c842d29af46.txt`, 'utf8') + '\n\n' + readFileSync(`${SEEDS}/002_ea448918cd7fbcf1.txt`, 'utf8');
  const sentences = readSentences(text, index.matcher);
  const all = sentences.map((s) => unitFeatures(text, s, s.tokens, s.mentions, [s.speaker, s.subject], index.matcher));
  const units = all.map((u, k) => withContext(u, k > 0 ? all[k - 1] : null));

  for (const limit of [1, 5, 60]) {
    it(`early stopping gives exactly the ${limit} best of adding up every list`, () => {
      for (const u of units) {
        const expected = everyList(index, u, limit);
        expect(findCandidates(index, u, limit, 0)).toEqual(expected);
        expect(findCandidates(index, u, limit)).toEqual(expected);
      }
    });
  }
});
