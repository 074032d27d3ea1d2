// How close two sentences are: weighted shared terms, shared entities and places, and the
// longest run of words they share. Computed for whole sentences and for their clauses; the
// best-aligned clause pair is what the stance rules look at.
import type { ClauseFeatures, UnitFeatures } from './features';

export interface Similarity {
  score: number;
  terms: number;
  entities: number;
  sharedTerms: string[];
  sharedEntities: string[];
  /** Longest run of identical words (token norms). */
  run: number;
  a: ClauseFeatures;
  b: ClauseFeatures;
}

function cosine(a: Set<string>, b: Set<string>, idf: (t: string) => number): { value: number; shared: string[] } {
  let wa = 0;
  let wb = 0;
  let ws = 0;
  const shared: string[] = [];
  for (const t of a) {
    const w = idf(t);
    wa += w * w;
    if (b.has(t)) {
      ws += w * w;
      shared.push(t);
    }
  }
  for (const t of b) {
    const w = idf(t);
    wb += w * w;
  }
  if (!wa || !wb) return { value: 0, shared };
  return { value: ws / Math.sqrt(wa * wb), shared };
}

/** Longest common run of token norms (punctuation ignored). */
export function longestRun(a: UnitFeatures, b: UnitFeatures): number {
  const x = a.tokens.map((t) => t.norm);
  const y = b.tokens.map((t) => t.norm);
  let best = 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        cur[j] = prev[j - 1] + 1;
        if (cur[j] > best) best = cur[j];
      }
    }
    prev = cur;
  }
  return best;
}

function overlap(a: Set<string>, b: Set<string>): { value: number; shared: string[] } {
  const shared = [...a].filter((x) => b.has(x));
  if (!a.size || !b.size) return { value: 0, shared };
  return { value: shared.length / Math.sqrt(a.size * b.size), shared };
}

export function similarity(a: UnitFeatures, b: UnitFeatures, idf: (t: string) => number): Similarity {
  const ent = overlap(a.entities, b.entities);
  const cty = overlap(a.countries, b.countries);
  const run = longestRun(a, b);
  let best: { v: number; ca: ClauseFeatures; cb: ClauseFeatures; shared: string[] } | null = null;
  const whole = cosine(a.termSet, b.termSet, idf);
  for (const ca of a.clauses) {
    for (const cb of b.clauses) {
      const c = cosine(ca.termSet, cb.termSet, idf);
      // a clause pair counts, but not more than the sentences' own closeness allows
      const v = Math.max(whole.value, 0.85 * c.value);
      if (!best || v > best.v || (v === best.v && c.shared.length > best.shared.length)) best = { v, ca, cb, shared: c.shared };
    }
  }
  const terms = best!.v;
  const runScore = Math.min(1, Math.max(0, run - 2) / 8);
  const score = 0.6 * terms + 0.2 * ent.value + 0.05 * cty.value + 0.15 * runScore;
  return {
    score, terms, entities: ent.value, sharedTerms: whole.shared, sharedEntities: ent.shared, run,
    a: best!.ca, b: best!.cb,
  };
}
