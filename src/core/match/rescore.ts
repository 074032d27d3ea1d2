// fuse.js rescoring of a small candidate set: fuzzy, typo-tolerant, IDF-weighted token search
// of the claim's words in each candidate statement.
import Fuse from 'fuse.js';

export function fuseScores(query: string, candidates: { id: number; text: string }[]): Map<number, number> {
  const out = new Map<number, number>();
  if (!candidates.length || !query.trim()) return out;
  const fuse = new Fuse(candidates, {
    keys: ['text'],
    useTokenSearch: true,
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.5,
  });
  for (const r of fuse.search(query)) out.set(r.item.id, 1 - (r.score ?? 1));
  return out;
}
