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
  /** Summed IDF of the shared entities. */
  entityMass: number;
  /** Summed IDF of the terms the best clause pair shares (context at half weight). */
  clauseMass: number;
  /** Shared weight that comes through a sentence's context. */
  contextMass: number;
  /** Longest run of identical words (token norms). */
  run: number;
  a: ClauseFeatures;
  b: ClauseFeatures;
}

/** Shared entity weight at which the names bonus is two thirds of the way up. */
const ENTITY_SCALE = 10;

/** Words met only through a pointer's context count half. */
const CONTEXT_WEIGHT = 0.5;

/** Shared IDF weight at which closeness is about two thirds of the way up. */
const EVIDENCE_SCALE = 7;

/**
 * IDF-weighted closeness of two term sets: half cosine (both sides alike), half overlap
 * coefficient (the shorter side is contained in the longer one).
 */
function cosine(a: Set<string>, b: Set<string>, idf: (t: string) => number): { value: number; shared: string[] } {
  let wa = 0;
  let wb = 0;
  let ws = 0;
  const shared: string[] = [];
  for (const t of a) {
    const w = idf(t);
    wa += w;
    if (b.has(t)) {
      ws += w;
      shared.push(t);
    }
  }
  for (const t of b) wb += idf(t);
  if (!wa || !wb) return { value: 0, shared };
  // how much the two share, relative to their length and in absolute weight
  const relative = 0.5 * (ws / Math.sqrt(wa * wb)) + 0.5 * (ws / Math.min(wa, wb));
  const absolute = 1 - Math.exp(-ws / EVIDENCE_SCALE);
  return { value: 0.5 * relative + 0.5 * absolute, shared };
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

function overlap(a: Set<string>, b: Set<string>, weight: (x: string) => number = () => 1): { value: number; shared: string[]; mass: number } {
  const shared = [...a].filter((x) => b.has(x));
  if (!a.size || !b.size) return { value: 0, shared, mass: 0 };
  const sum = (xs: Iterable<string>) => [...xs].reduce((acc, x) => acc + weight(x), 0);
  const mass = sum(shared);
  return { value: mass / Math.sqrt(sum(a) * sum(b)), shared, mass };
}

export interface Weights {
  idf(term: string): number;
  entityIdf(entity: string): number;
}

/** What one sentence says through a pointer ("such a proposal") may meet the other's words. */
function contextMassOf(a: UnitFeatures, b: UnitFeatures, ca: ClauseFeatures, cb: ClauseFeatures, weights: Weights): number {
  if (!a.context.size && !b.context.size && !a.contextEntities.size && !b.contextEntities.size) return 0;
  let mass = 0;
  const left = new Set([...ca.termSet, ...a.context]);
  for (const t of new Set([...cb.termSet, ...b.context])) if (left.has(t) && !(ca.termSet.has(t) && cb.termSet.has(t))) mass += CONTEXT_WEIGHT * weights.idf(t);
  const le = new Set([...ca.entities, ...a.contextEntities]);
  for (const e of new Set([...cb.entities, ...b.contextEntities]))
    if (le.has(e) && !(ca.entities.has(e) && cb.entities.has(e))) mass += CONTEXT_WEIGHT * weights.entityIdf(e);
  return mass;
}

export function similarity(a: UnitFeatures, b: UnitFeatures, weights: Weights): Similarity {
  const idf = (t: string) => weights.idf(t);
  const ent = overlap(a.entities, b.entities, (e) => weights.entityIdf(e));
  const cty = overlap(a.countries, b.countries);
  const run = longestRun(a, b);
  // the best-aligned pair of clauses carries the comparison: a long sentence does not match
  // by sharing a word here and a name there
  let best: { v: number; t: number; e: number; ca: ClauseFeatures; cb: ClauseFeatures; shared: string[]; emass: number; ctx: number } | null = null;
  const whole = cosine(a.termSet, b.termSet, idf);
  for (const ca of a.clauses) {
    for (const cb of b.clauses) {
      const c = cosine(ca.termSet, cb.termSet, idf);
      const e = overlap(ca.entities, cb.entities, (x) => weights.entityIdf(x));
      const ctx = contextMassOf(a, b, ca, cb, weights);
      const v = 0.75 * c.value + 0.25 * e.value + 0.15 * (1 - Math.exp(-ctx / EVIDENCE_SCALE));
      if (!best || v > best.v || (v === best.v && c.shared.length > best.shared.length))
        best = { v, t: c.value, e: e.value, ca, cb, shared: c.shared, emass: e.mass, ctx };
    }
  }
  const contextMass = best!.ctx;
  const terms = best!.t;
  const runScore = Math.min(1, Math.max(0, run - 2) / 8);
  // many names in common (a list of the same leaders or countries) is closeness of its own
  const names = 0.1 * (1 - Math.exp(-best!.emass / ENTITY_SCALE));
  const score = 0.6 * terms + 0.2 * best!.e + 0.1 * cty.value + 0.15 * runScore + 0.15 * (1 - Math.exp(-contextMass / 7)) + names;
  return {
    score, terms, entities: ent.value, sharedTerms: whole.shared, sharedEntities: ent.shared, entityMass: best!.emass,
    clauseMass: best!.shared.reduce((acc, t) => acc + idf(t), 0) + contextMass, contextMass, run,
    a: best!.ca, b: best!.cb,
  };
}
