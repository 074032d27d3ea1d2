// Candidate statements for a page sentence, from the inverted lists: only these are scored
// in full (fuse.js and the feature score scan every record they are given).
import type { LoadedIndex } from '../index/load';
import type { UnitFeatures } from './features';

export function findCandidates(index: LoadedIndex, unit: UnitFeatures, limit = 60): number[] {
  const n = index.file.statements.length;
  const common = Math.max(50, n * 0.25);
  const acc = new Map<number, number>();
  for (const t of unit.termSet) {
    const list = index.postings.get(t);
    if (!list || list.length > common) continue;
    const w = index.idf(t);
    for (const s of list) acc.set(s, (acc.get(s) ?? 0) + w);
  }
  for (const t of unit.context) {
    if (unit.termSet.has(t)) continue;
    const list = index.postings.get(t);
    if (!list || list.length > common) continue;
    const w = 0.5 * index.idf(t);
    for (const s of list) acc.set(s, (acc.get(s) ?? 0) + w);
  }
  for (const e of unit.entities) {
    const list = index.entityPostings.get(e);
    if (!list || list.length > common) continue;
    for (const s of list) acc.set(s, (acc.get(s) ?? 0) + 0.8);
  }
  return [...acc]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([s]) => s);
}
