// fuse.js rescoring: fuzzy, typo-tolerant, IDF-weighted token search of a claim's most telling
// words in one candidate statement. Each statement's fuse.js index is built once and kept with
// the loaded index (statements recur as the best candidate of many claims).
import Fuse from 'fuse.js';

type Record = { text: string };
const OPTIONS = { keys: ['text'], useTokenSearch: true, includeScore: true, ignoreLocation: true, threshold: 0.4 };

/** Statement number -> its one-record fuse.js index; one table per loaded index. */
const tables = new WeakMap<object, Map<number, Fuse<Record>>>();
/** A bound for a long-lived background with a large index. */
const MAX_KEPT = 2_000;

/** How well `query` is found in statement `id` (0..1; 0 when fuse.js does not find it). */
export function fuseScore(owner: object, query: string, id: number, text: string): number {
  if (!query.trim()) return 0;
  let table = tables.get(owner);
  if (!table) tables.set(owner, (table = new Map()));
  let fuse = table.get(id);
  if (!fuse) {
    if (table.size >= MAX_KEPT) table.clear();
    table.set(id, (fuse = new Fuse([{ text }], OPTIONS)));
  }
  const [hit] = fuse.search(query);
  return hit ? 1 - (hit.score ?? 1) : 0;
}
