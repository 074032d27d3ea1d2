// How close two sentences are: weighted shared terms, shared entities and places, and the
// longest run of words they share. Computed for whole sentences and for their clauses; the
// best-aligned clause pair is what the stance rules look at.
import type { ClauseFeatures, UnitFeatures } from './features';

export interface Similarity {
  score: number;
  terms: number;
  entities: number;
  /** Entities both sentences name. */
  sharedEntities: readonly string[];
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
 * What the comparison needs of one sentence, weighed once per index: each clause's terms
 * and entities with their IDF (sums taken in the sets' own order, so every score is the
 * same to the last bit however often it is computed) and the token norms as numbers.
 */
interface Weighed {
  keys: string[];
  w: number[];
  sum: number;
}
interface Packed {
  clauses: { terms: Weighed; entities: Weighed }[];
  entities: Weighed;
  countries: Weighed;
  /** Which clauses hold each term and each entity (bit k: clause k; up to MASKED clauses). */
  entityClauses: Map<string, number>;
  norms: number[];
  /** Each clause's terms as numbers, in the order of its weights (masked sentences only). */
  clauseTermIds: number[][];
  /** The sentence's clause terms as numbers, with the clauses that hold each (bit k: clause k). */
  termIds: number[];
  termMasks: number[];
  /** The context's terms as numbers, in the order of the set, and their weight as context. */
  contextIds: number[];
  contextWeights: number[];
}

/** Sentences of more clauses than this compare every clause pair (bit masks hold 31). */
const MASKED = 31;

const NO_MASKS: Map<string, number> = new Map();
/** Which clauses hold each entity (bit k: clause k); none for a sentence beyond MASKED clauses. */
function entityMasks(u: UnitFeatures): Map<string, number> {
  if (u.clauses.length > MASKED || !u.entities.size) return NO_MASKS;
  const out = new Map<string, number>();
  u.clauses.forEach((c, k) => {
    for (const x of c.entities) out.set(x, (out.get(x) ?? 0) | (1 << k));
  });
  return out;
}

// Scratch for packing: where a term number stands in the sentence's list (valid at its stamp).
let slotStamp = new Int32Array(1024);
let slotOf = new Int32Array(1024);
let packStamp = 0;

function weigh(xs: Set<string>, weight: (x: string) => number): Weighed {
  const keys = [...xs];
  const w: number[] = [];
  let sum = 0;
  for (let i = 0; i < keys.length; i++) {
    const x = weight(keys[i]);
    w.push(x);
    sum += x;
  }
  return { keys, w, sum };
}

/**
 * Words as small integers, so they compare as numbers: token norms (runs of equal words) and
 * terms (which clauses share what). Numbered per index, together with the packed sentences
 * that use the numbers; a long-lived page that brings too many new words starts both afresh.
 */
interface Numbering {
  byUnit: WeakMap<UnitFeatures, Packed>;
  /** Packed index statements, by statement number (when the caller gives it). */
  byStatement: (Packed | undefined)[];
  norms: Map<string, number>;
  terms: Map<string, number>;
  /** This numbering among all made (word facts keep which one numbered their norm). */
  serial: number;
  /** Each numbered term's IDF, by number (asked of the index once per term). */
  termIdf: number[];
}
let maxWords = 500_000;
/** Sets how many words a numbering holds before it starts afresh (returns the old bound; tests lower it). */
export function setWordLimit(n: number): number {
  const old = maxWords;
  maxWords = n;
  return old;
}
const numberings = new WeakMap<Weights, Numbering>();
let numberingsMade = 0;
let lastWeights: Weights | null = null;
let lastNumbering: Numbering | null = null;
function numberingFor(weights: Weights): Numbering {
  // one claim is compared with many statements in a row, against one index
  if (weights === lastWeights && lastNumbering!.norms.size <= maxWords && lastNumbering!.terms.size <= maxWords) return lastNumbering!;
  let n = numberings.get(weights);
  if (!n || n.norms.size > maxWords || n.terms.size > maxWords) {
    n = { byUnit: new WeakMap(), byStatement: [], norms: new Map(), terms: new Map(), serial: ++numberingsMade, termIdf: [] };
    numberings.set(weights, n);
  }
  lastWeights = weights;
  lastNumbering = n;
  return n;
}
function idOf(table: Map<string, number>, word: string): number {
  let id = table.get(word);
  if (id === undefined) table.set(word, (id = table.size));
  return id;
}

// the page sentence being compared, packed (one claim meets many statements in a row)
let lastUnit: UnitFeatures | null = null;
let lastPack: Packed | null = null;
let lastOwner: Numbering | null = null;
function packedPage(u: UnitFeatures, weights: Weights, numbering: Numbering): Packed {
  if (u !== lastUnit || numbering !== lastOwner) {
    lastPack = pack(u, weights, numbering);
    lastUnit = u;
    lastOwner = numbering;
  }
  return lastPack!;
}

/** The other side of a comparison, packed once: by statement number when given, else by unit. */
function packed(u: UnitFeatures, weights: Weights, numbering: Numbering, statement: number): Packed {
  if (statement >= 0) return (numbering.byStatement[statement] ??= pack(u, weights, numbering));
  let p = numbering.byUnit.get(u);
  if (!p) numbering.byUnit.set(u, (p = pack(u, weights, numbering)));
  return p;
}

function pack(u: UnitFeatures, weights: Weights, numbering: Numbering): Packed {
  const entityIdf = (e: string) => weights.entityIdf(e);
  const norms: number[] = [];
  const serial = numbering.serial;
  for (let i = 0; i < u.tokens.length; i++) {
    // (a token's facts belong to its norm; they keep its number and which numbering gave it)
    const t = u.tokens[i];
    const f = t.facts;
    if (f.numberedIn !== serial) {
      f.number = idOf(numbering.norms, t.norm);
      f.numberedIn = serial;
    }
    norms.push(f.number);
  }
  // each clause's terms with their weights and numbers; the sentence's clause terms once
  // each, in the order first met, with the clauses that hold them
  const masked = u.clauses.length <= MASKED;
  const clauses: Packed['clauses'] = [];
  const clauseTermIds: number[][] = [];
  const termIds: number[] = [];
  const termMasks: number[] = [];
  const stamp = ++packStamp;
  for (let k = 0; k < u.clauses.length; k++) {
    const c = u.clauses[k];
    const keys: string[] = [];
    const w: number[] = [];
    const ids: number[] = [];
    let sum = 0;
    for (const t of c.termSet) {
      let x: number;
      let id = -1;
      if (masked) {
        id = idOf(numbering.terms, t);
        x = numbering.termIdf[id] ??= weights.idf(t);
      } else x = weights.idf(t);
      keys.push(t);
      w.push(x);
      sum += x;
      if (!masked) continue;
      ids.push(id);
      if (id >= slotStamp.length) {
        const size = Math.max(2 * slotStamp.length, id + 1);
        const grown = new Int32Array(size);
        grown.set(slotStamp);
        slotStamp = grown;
        slotOf = new Int32Array(size);
      }
      if (slotStamp[id] === stamp) termMasks[slotOf[id]] |= 1 << k;
      else {
        slotStamp[id] = stamp;
        slotOf[id] = termIds.length;
        termIds.push(id);
        termMasks.push(1 << k);
      }
    }
    clauses.push({ terms: { keys, w, sum }, entities: weigh(c.entities, entityIdf) });
    if (masked) clauseTermIds.push(ids);
  }
  const contextIds: number[] = [];
  const contextWeights: number[] = [];
  for (const t of u.context) {
    const id = idOf(numbering.terms, t);
    contextIds.push(id);
    contextWeights.push(CONTEXT_WEIGHT * (numbering.termIdf[id] ??= weights.idf(t)));
  }
  return {
    clauses,
    entities: weigh(u.entities, entityIdf),
    countries: weigh(u.countries, () => 1),
    entityClauses: entityMasks(u),
    norms,
    clauseTermIds,
    termIds,
    termMasks,
    contextIds,
    contextWeights,
  };
}

/** Summed weight of the keys of `a` that `b` has; their count is left in `sharedCount`. */
let sharedCount = 0;
function sharedWeight(a: Weighed, b: Set<string>): number {
  let ws = 0;
  let n = 0;
  for (let i = 0; i < a.keys.length; i++) {
    if (b.has(a.keys[i])) {
      ws += a.w[i];
      n++;
    }
  }
  sharedCount = n;
  return ws;
}

/**
 * IDF-weighted closeness of two term sets from their shared weight: half cosine (both sides
 * alike), half overlap coefficient (the shorter side is contained in the longer one).
 */
function cosineOf(ws: number, wa: number, wb: number): number {
  if (!wa || !wb) return 0;
  // how much the two share, relative to their length and in absolute weight
  const relative = 0.5 * (ws / Math.sqrt(wa * wb)) + 0.5 * (ws / Math.min(wa, wb));
  const absolute = 1 - Math.exp(-ws / EVIDENCE_SCALE);
  return 0.5 * relative + 0.5 * absolute;
}

/** Overlap of two weighed sets from their shared weight (0 when either is empty). */
function overlapOf(mass: number, a: Weighed, bsize: number, bsum: number): number {
  if (!a.keys.length || !bsize) return 0;
  return mass / Math.sqrt(a.sum * bsum);
}

// Scratch for longestRunOf: one sentence's positions chained by norm (head: the last position
// of a norm, next: the one before it), kept while that sentence is compared again (a page
// sentence meets its candidates in a row); per position the run ending there with the row it
// was written in (stamps rise from call to call, so nothing is cleared).
let head = new Int32Array(1024).fill(-1);
let nextPos = new Int32Array(64);
let runAt = new Int32Array(64);
let runLen = new Int32Array(64);
let stamp = 1;
let chained: number[] | null = null;

function chain(x: number[]): void {
  if (chained === x) return;
  unchain();
  const n = x.length;
  if (nextPos.length < n) {
    nextPos = new Int32Array(2 * n);
    runAt = new Int32Array(2 * n);
    runLen = new Int32Array(2 * n);
    stamp = 1;
  }
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v >= head.length) {
      const grown = new Int32Array(Math.max(2 * head.length, v + 1)).fill(-1);
      grown.set(head);
      head = grown;
    }
    nextPos[i] = head[v];
    head[v] = i;
  }
  chained = x;
}

function unchain(): void {
  if (!chained) return;
  for (let i = 0; i < chained.length; i++) head[chained[i]] = -1;
  chained = null;
}

/**
 * Longest common run of token norms (punctuation ignored). Only the cells where the two
 * sentences hold the same word are visited (the others end every run): row by row of y, the
 * positions of x that hold y's word, right to left, so the diagonal predecessor is still the
 * previous row's.
 */
function longestRunOf(x: number[], y: number[]): number {
  chain(x);
  if (stamp > 0x3fffffff - y.length) {
    runAt.fill(0);
    stamp = 1;
  }
  let best = 0;
  for (let j = 0; j < y.length; j++) {
    const v = y[j];
    if (v >= head.length) continue;
    const row = stamp + j + 1;
    for (let i = head[v]; i >= 0; i = nextPos[i]) {
      const r = i > 0 && runAt[i - 1] === row - 1 ? runLen[i - 1] + 1 : 1;
      runAt[i] = row;
      runLen[i] = r;
      if (r > best) best = r;
    }
  }
  stamp += y.length + 1;
  return best;
}

/** Longest common run of token norms (punctuation ignored). */
export function longestRun(a: UnitFeatures, b: UnitFeatures): number {
  const table = new Map<string, number>();
  const ids = (u: UnitFeatures) => u.tokens.map((t) => idOf(table, t.norm));
  const run = longestRunOf(ids(a), ids(b));
  // its numbers are not the index's: nothing chained by them may stay
  unchain();
  return run;
}

export interface Weights {
  idf(term: string): number;
  entityIdf(entity: string): number;
}

/** A clause's terms and names together with its sentence's context (for contextMassOf). */
interface InContext {
  terms: Set<string>;
  entities: Set<string>;
}
const inContextCache = new WeakMap<UnitFeatures, WeakMap<ClauseFeatures, InContext>>();
function inContext(u: UnitFeatures, c: ClauseFeatures): InContext {
  let byClause = inContextCache.get(u);
  if (!byClause) inContextCache.set(u, (byClause = new WeakMap()));
  let x = byClause.get(c);
  if (!x) byClause.set(c, (x = { terms: new Set([...c.termSet, ...u.context]), entities: new Set([...c.entities, ...u.contextEntities]) }));
  return x;
}

/** What one sentence says through a pointer ("such a proposal") may meet the other's words. */
function contextMassOf(a: UnitFeatures, b: UnitFeatures, ca: ClauseFeatures, cb: ClauseFeatures, weights: Weights): number {
  if (!a.context.size && !b.context.size && !a.contextEntities.size && !b.contextEntities.size) return 0;
  let mass = 0;
  const left = inContext(a, ca);
  const right = inContext(b, cb);
  for (const t of right.terms) if (left.terms.has(t) && !(ca.termSet.has(t) && cb.termSet.has(t))) mass += CONTEXT_WEIGHT * weights.idf(t);
  for (const e of right.entities) if (left.entities.has(e) && !(ca.entities.has(e) && cb.entities.has(e))) mass += CONTEXT_WEIGHT * weights.entityIdf(e);
  return mass;
}

const NONE: readonly string[] = Object.freeze([]);
let pairRows = new Int32Array(16);
// Scratch for the shared terms of every clause pair (row-major, clause of a by clause of b),
// and each term's clauses in b, by term number (set by sharedTerms, cleared by unmarkTerms
// once the pair is scored; contextMassAt reads it too).
let pairWeight = new Float64Array(64);
let pairCount = new Int32Array(64);
let termMark = new Int32Array(1024);
/** rows[i] gets bit j for every clause i of one side and j of the other that hold a key both have. */
function markPairs(rows: Int32Array, keys: readonly string[], other: Set<string>, left: Map<string, number>, right: Map<string, number>): void {
  for (let k = 0; k < keys.length; k++) {
    const x = keys[k];
    if (!other.has(x)) continue;
    const r = right.get(x) ?? 0;
    if (!r) continue;
    let l = left.get(x) ?? 0;
    while (l) {
      const i = 31 - Math.clz32(l & -l);
      rows[i] |= r;
      l &= l - 1;
    }
  }
}

// Scratch for contextMassAt, by term number: the clauses of a that hold the term (bit i), and
// whether a's context holds it (set by markContext, cleared by unmarkContext); b's clauses
// are in termMark.
let markA = new Int32Array(1024);
let contextA = new Uint8Array(1024);

function markContext(pa: Packed, words: number): void {
  if (markA.length < words) {
    const size = Math.max(2 * markA.length, words);
    markA = new Int32Array(size);
    contextA = new Uint8Array(size);
  }
  for (let k = 0; k < pa.termIds.length; k++) markA[pa.termIds[k]] = pa.termMasks[k];
  for (let k = 0; k < pa.contextIds.length; k++) contextA[pa.contextIds[k]] = 1;
}

function unmarkContext(pa: Packed): void {
  for (let k = 0; k < pa.termIds.length; k++) markA[pa.termIds[k]] = 0;
  for (let k = 0; k < pa.contextIds.length; k++) contextA[pa.contextIds[k]] = 0;
}

/**
 * contextMassOf for clause i of a and clause j of b, by term number (both sentences masked,
 * sharedTerms and markContext done): the same terms in the same order, so the same sum to
 * the last bit.
 */
function contextMassAt(a: UnitFeatures, b: UnitFeatures, pb: Packed, ca: ClauseFeatures, cb: ClauseFeatures, i: number, j: number, weights: Weights): number {
  let mass = 0;
  // b's clause terms first: one counts when a has it only through its context
  const own = pb.clauseTermIds[j];
  const w = pb.clauses[j].terms.w;
  for (let k = 0; k < own.length; k++) {
    const t = own[k];
    if (contextA[t] && !((markA[t] >>> i) & 1)) mass += CONTEXT_WEIGHT * w[k];
  }
  // then b's context terms that its clause does not hold: one counts when a has it at all
  const ids = pb.contextIds;
  for (let k = 0; k < ids.length; k++) {
    const t = ids[k];
    if ((termMark[t] >>> j) & 1) continue;
    if (((markA[t] >>> i) & 1) || contextA[t]) mass += pb.contextWeights[k];
  }
  if (!a.contextEntities.size && !b.contextEntities.size) return mass;
  for (const e of cb.entities) if (a.contextEntities.has(e) && !ca.entities.has(e)) mass += CONTEXT_WEIGHT * weights.entityIdf(e);
  for (const e of b.contextEntities) {
    if (cb.entities.has(e)) continue;
    if (ca.entities.has(e) || a.contextEntities.has(e)) mass += CONTEXT_WEIGHT * weights.entityIdf(e);
  }
  return mass;
}

/**
 * For every clause pair (i of a, j of b): the summed weight of the terms both hold, added in
 * the order of clause i's terms (the same sums as sharedWeight), and their count; and in
 * pairRows[i] a bit for each j that shares a term with clause i. Leaves b's terms marked
 * (unmarkTerms clears them).
 */
function sharedTerms(pa: Packed, pb: Packed, na: number, nb: number, words: number): void {
  if (termMark.length < words) termMark = new Int32Array(Math.max(2 * termMark.length, words));
  const cells = na * nb;
  if (pairWeight.length < cells) {
    pairWeight = new Float64Array(2 * cells);
    pairCount = new Int32Array(2 * cells);
  }
  pairWeight.fill(0, 0, cells);
  pairCount.fill(0, 0, cells);
  const mark = termMark;
  const ids = pb.termIds;
  for (let k = 0; k < ids.length; k++) mark[ids[k]] = pb.termMasks[k];
  for (let i = 0; i < na; i++) {
    const own = pa.clauseTermIds[i];
    const w = pa.clauses[i].terms.w;
    let row = 0;
    for (let k = 0; k < own.length; k++) {
      let m = mark[own[k]];
      if (!m) continue;
      row |= m;
      while (m) {
        const cell = i * nb + (31 - Math.clz32(m & -m));
        pairWeight[cell] += w[k];
        pairCount[cell]++;
        m &= m - 1;
      }
    }
    pairRows[i] |= row;
  }
}

function unmarkTerms(pb: Packed): void {
  for (let k = 0; k < pb.termIds.length; k++) termMark[pb.termIds[k]] = 0;
}

// What scoreOf() found for the last pair, for lastSimilarity(): its units, the aligned clauses
// and the figures (in a typed array, so storing them allocates nothing).
let lastA: UnitFeatures | null = null;
let lastB: UnitFeatures | null = null;
let lastI = 0;
let lastJ = 0;
const lastFigures = new Float64Array(7);
const SCORE = 0;
const TERMS = 1;
const ENTITIES = 2;
const ENTITY_MASS = 3;
const CLAUSE_MASS = 4;
const CONTEXT_MASS = 5;
const RUN = 6;

/** The full comparison of two sentences. */
export function similarity(a: UnitFeatures, b: UnitFeatures, weights: Weights): Similarity {
  scoreOf(a, b, weights);
  return lastSimilarity();
}

/** The comparison scoreOf() made last, as a Similarity of its own. */
export function lastSimilarity(): Similarity {
  const a = lastA!;
  const b = lastB!;
  // a list only when there are shared names (most pairs have none)
  let named: string[] | null = null;
  for (const e of a.entities) if (b.entities.has(e)) (named ??= []).push(e);
  const f = lastFigures;
  return {
    score: f[SCORE], terms: f[TERMS], entities: f[ENTITIES], sharedEntities: named ?? NONE, entityMass: f[ENTITY_MASS],
    clauseMass: f[CLAUSE_MASS], contextMass: f[CONTEXT_MASS], run: f[RUN],
    a: a.clauses[lastI], b: b.clauses[lastJ],
  };
}

/**
 * The similarity score of two sentences, building nothing for it: the rest of the comparison
 * is kept until the next call, for lastSimilarity(). `statement`: b's number in the index
 * `weights` belongs to, if b is an index statement (its packing is then kept by number).
 */
export function scoreOf(a: UnitFeatures, b: UnitFeatures, weights: Weights, statement = -1): number {
  const numbering = numberingFor(weights);
  const pa = packedPage(a, weights, numbering);
  const pb = packed(b, weights, numbering, statement);
  const entityWeight = sharedWeight(pa.entities, b.entities);
  const sharedNames = sharedCount;
  const entities = overlapOf(entityWeight, pa.entities, b.entities.size, pb.entities.sum);
  const countries = overlapOf(sharedWeight(pa.countries, b.countries), pa.countries, b.countries.size, pb.countries.sum);
  const run = longestRunOf(pa.norms, pb.norms);
  // the best-aligned pair of clauses carries the comparison: a long sentence does not match
  // by sharing a word here and a name there
  let bi = -1;
  let bj = -1;
  let bv = 0;
  let bt = 0;
  let be = 0;
  let bn = 0;
  let bws = 0;
  let bemass = 0;
  let bctx = 0;
  // Only clause pairs that share a term or a name (or meet through a pointer's context) can
  // score above 0: a pair sharing nothing scores 0 and never displaces the first pair, which
  // stands in when no pair shares anything.
  const na = a.clauses.length;
  const nb = b.clauses.length;
  if (pairRows.length < na) pairRows = new Int32Array(2 * na);
  const rows = pairRows;
  const masked = na <= MASKED && nb <= MASKED;
  const context = a.context.size > 0 || b.context.size > 0 || a.contextEntities.size > 0 || b.contextEntities.size > 0;
  const everyPair = !masked || context;
  if (masked) {
    rows.fill(0, 0, na);
    rows[0] = 1;
    sharedTerms(pa, pb, na, nb, numbering.terms.size);
    if (sharedNames) markPairs(rows, pa.entities.keys, b.entities, pa.entityClauses, pb.entityClauses);
  }
  if (everyPair) rows.fill(-1, 0, na);
  if (masked && context) markContext(pa, numbering.terms.size);
  for (let i = 0; i < na; i++) {
    const row = rows[i];
    if (row === 0) continue;
    const ca = a.clauses[i];
    const wa = pa.clauses[i];
    for (let j = 0; j < nb; j++) {
      if (!everyPair && !((row >>> j) & 1)) continue;
      const cb = b.clauses[j];
      const wb = pb.clauses[j];
      let ws: number;
      let n: number;
      if (masked) {
        ws = pairWeight[i * nb + j];
        n = pairCount[i * nb + j];
      } else {
        ws = sharedWeight(wa.terms, cb.termSet);
        n = sharedCount;
      }
      const t = cosineOf(ws, wa.terms.sum, wb.terms.sum);
      const emass0 = sharedWeight(wa.entities, cb.entities);
      const e = overlapOf(emass0, wa.entities, cb.entities.size, wb.entities.sum);
      const emass = !wa.entities.keys.length || !cb.entities.size ? 0 : emass0;
      const ctx = !context ? 0 : masked ? contextMassAt(a, b, pb, ca, cb, i, j, weights) : contextMassOf(a, b, ca, cb, weights);
      const v = 0.75 * t + 0.25 * e + 0.15 * (1 - Math.exp(-ctx / EVIDENCE_SCALE));
      if (bi < 0 || v > bv || (v === bv && n > bn)) {
        bi = i;
        bj = j;
        bv = v;
        bt = t;
        be = e;
        bn = n;
        bws = ws;
        bemass = emass;
        bctx = ctx;
      }
    }
  }
  if (masked) unmarkTerms(pb);
  if (masked && context) unmarkContext(pa);
  const runScore = Math.min(1, Math.max(0, run - 2) / 8);
  // many names in common (a list of the same leaders or countries) is closeness of its own
  const names = 0.1 * (1 - Math.exp(-bemass / ENTITY_SCALE));
  const score = 0.6 * bt + 0.2 * be + 0.1 * countries + 0.15 * runScore + 0.15 * (1 - Math.exp(-bctx / 7)) + names;
  lastA = a;
  lastB = b;
  lastI = bi;
  lastJ = bj;
  const f = lastFigures;
  f[SCORE] = score;
  f[TERMS] = bt;
  f[ENTITIES] = entities;
  f[ENTITY_MASS] = bemass;
  f[CLAUSE_MASS] = bws + bctx;
  f[CONTEXT_MASS] = bctx;
  f[RUN] = run;
  return score;
}
