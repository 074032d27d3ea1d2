// Candidate statements for a page sentence, from the inverted lists: only these are scored
// in full (fuse.js and the feature score scan every record they are given).
//
// A statement's candidate score is the IDF of the terms it shares with the sentence (context
// terms at half weight) plus 0.8 per shared entity; the `limit` best are kept. On a large
// index the lists of everyday words are long, so the lists are read rarest first and, once no
// statement outside those already met could still reach the best `limit` (their remaining
// lists weigh too little), the rest only look up the statements still in the running
// (MaxScore). The result is exactly that of adding up every list.
import type { LoadedIndex } from '../index/load';
import { perIndex } from '../index/per-index';
import type { UnitFeatures } from './features';

interface List {
  ids: number[];
  weight: number;
}

/** Per-index buffers, reused from claim to claim (reset through the list of touched statements). */
interface Scratch {
  score: Float64Array;
  seen: Uint8Array;
  touched: Int32Array;
}
const scratches = new WeakMap<LoadedIndex, Scratch>();
const newScratch = (n: number): Scratch => ({ score: new Float64Array(n), seen: new Uint8Array(n), touched: new Int32Array(n) });
const scratchFits = (s: Scratch, n: number) => s.score.length === n;
const scratchFor = (index: LoadedIndex): Scratch => perIndex(scratches, index, newScratch, scratchFits);

/** Lists whose statements are added up one by one below this many entries in all. */
const SMALL = 4096;

/** Whether sorted `ids` holds `x`. */
function has(ids: number[], x: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid];
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The lists a sentence's candidates come from, in the order their weights are added. */
function listsOf(index: LoadedIndex, unit: UnitFeatures): List[] {
  const n = index.file.statements.length;
  const common = Math.max(50, n * 0.25);
  const lists: List[] = [];
  for (const t of unit.termSet) {
    const ids = index.postings.get(t);
    if (ids && ids.length <= common) lists.push({ ids, weight: index.idf(t) });
  }
  for (const t of unit.context) {
    if (unit.termSet.has(t)) continue;
    const ids = index.postings.get(t);
    if (ids && ids.length <= common) lists.push({ ids, weight: 0.5 * index.idf(t) });
  }
  for (const e of unit.entities) {
    const ids = index.entityPostings.get(e);
    if (ids && ids.length <= common) lists.push({ ids, weight: 0.8 });
  }
  return lists;
}

/** The `limit` best of the first `count` ids by score (ties: lower statement number first). */
function best(ids: ArrayLike<number>, count: number, score: Float64Array, limit: number): number[] {
  let out: number[] = [];
  if (count > limit) {
    // only the statements that reach the limit-th score need sorting
    const bar = kthLargest(ids, count, score, limit);
    for (let k = 0; k < count; k++) if (score[ids[k]] >= bar) out.push(ids[k]);
  } else for (let k = 0; k < count; k++) out.push(ids[k]);
  out.sort((a, b) => score[b] - score[a] || a - b);
  if (out.length > limit) out = out.slice(0, limit);
  return out;
}

export function findCandidates(index: LoadedIndex, unit: UnitFeatures, limit = 60, small = SMALL): number[] {
  const lists = listsOf(index, unit);
  const { score, seen, touched } = scratchFor(index);
  let count = 0;
  let total = 0;
  for (const l of lists) total += l.ids.length;

  if (total <= small) {
    for (const l of lists) {
      for (const s of l.ids) {
        if (!seen[s]) {
          seen[s] = 1;
          score[s] = 0;
          touched[count++] = s;
        }
        score[s] += l.weight;
      }
    }
    const out = best(touched, count, score, limit);
    for (let k = 0; k < count; k++) seen[touched[k]] = 0;
    return out;
  }

  // heaviest lists first; rest[j]: the most a statement can still gain from lists j.. on
  const order = lists.map((_, j) => j).sort((a, b) => lists[b].weight - lists[a].weight || lists[a].ids.length - lists[b].ids.length || a - b);
  const rest = new Float64Array(order.length + 1);
  for (let j = order.length - 1; j >= 0; j--) rest[j] = rest[j + 1] + lists[order[j]].weight;
  // partial sums may round differently from the final ones: keep a margin
  const margin = 1e-9 * (rest[0] + 1);
  let open = order.length;
  // A statement's score is at most the weight of the lists read so far, so none can be out of
  // reach before the rest weighs less than half of all; the k-th score only grows, so it is
  // taken again only once the rest or the statements met have changed by a tenth.
  let lastKth = -Infinity;
  let lastRest = Infinity;
  let lastCount = 0;
  for (let j = 0; j < order.length; j++) {
    if (count >= limit && rest[j] + margin < rest[0] - rest[j]) {
      if (lastKth <= rest[j] + margin && (rest[j] < 0.9 * lastRest || count > 1.1 * lastCount)) {
        lastKth = kthAtLeast(touched, count, score, limit);
        lastRest = rest[j];
        lastCount = count;
      }
      if (lastKth > rest[j] + margin) {
        open = j;
        break;
      }
    }
    for (const s of lists[order[j]].ids) {
      if (!seen[s]) {
        seen[s] = 1;
        score[s] = 0;
        touched[count++] = s;
      }
      score[s] += lists[order[j]].weight;
    }
  }
  // statements met so far that could still reach the best `limit`; the remaining lists only
  // add to these, and each narrows them further (kept in place at the front of `touched`)
  for (let k = 0; k < count; k++) seen[touched[k]] = 0;
  const running = touched;
  let live = count;
  const narrow = (bar: number) => {
    let w = 0;
    for (let k = 0; k < live; k++) if (score[running[k]] >= bar) running[w++] = running[k];
    live = w;
  };
  for (let j = open; j < order.length; j++) {
    narrow(kthAtLeast(running, live, score, limit) - rest[j] - margin);
    const l = lists[order[j]];
    if (l.ids.length < live * 6) {
      for (const s of l.ids) seen[s] = 1;
      for (let k = 0; k < live; k++) if (seen[running[k]]) score[running[k]] += l.weight;
      for (const s of l.ids) seen[s] = 0;
    } else for (let k = 0; k < live; k++) if (has(l.ids, running[k])) score[running[k]] += l.weight;
  }
  if (live > limit) narrow(kthLargest(running, live, score, limit) - margin);
  // their exact scores, added in the lists' own order (the same sums as adding every list)
  const exact = score;
  for (let k = 0; k < live; k++) exact[running[k]] = 0;
  for (const l of lists) {
    if (l.ids.length < live * 6) {
      for (const s of l.ids) seen[s] = 1;
      for (let k = 0; k < live; k++) if (seen[running[k]]) exact[running[k]] += l.weight;
      for (const s of l.ids) seen[s] = 0;
    } else for (let k = 0; k < live; k++) if (has(l.ids, running[k])) exact[running[k]] += l.weight;
  }
  return best(running, live, exact, limit);
}

/** Statements a bound is taken from: the first met come from the rarest lists and score high. */
const SAMPLE = 512;

/**
 * A score that at least k of the first `count` statements reach: the k-th largest among the
 * first SAMPLE of them (no more than the k-th largest of all, so it bounds safely).
 */
function kthAtLeast(ids: ArrayLike<number>, count: number, score: Float64Array, k: number): number {
  return kthLargest(ids, Math.min(count, Math.max(k, SAMPLE)), score, k);
}

/** The k-th largest score among the first `count` touched statements. */
let selectBuffer = new Float64Array(1024);
function kthLargest(touched: ArrayLike<number>, count: number, score: Float64Array, k: number): number {
  if (selectBuffer.length < count) selectBuffer = new Float64Array(2 * count);
  const a = selectBuffer;
  for (let i = 0; i < count; i++) a[i] = score[touched[i]];
  // quickselect for the element that would stand at index k-1 in descending order
  let lo = 0;
  let hi = count - 1;
  const want = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else break;
  }
  return a[want];
}
