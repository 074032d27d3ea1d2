// The one entry point every door uses: page text in; entities, claims and matches with a
// stance out. Pure: no DOM, no browser API.
import type { AnalysisResult, AnalyzeOptions, ClaimResult, EntityResult, MatchResult } from './types';
import type { LoadedIndex } from './index/load';
import { perIndex } from './index/per-index';
import { readSentences, type SentenceInfo } from './extract/claims';
import { countWords } from './text/tokens';
import { pointsBack, unitFeatures, withContext, type UnitFeatures } from './match/features';
import { findCandidates } from './match/candidates';
import { lastSimilarity, scoreOf, similarity, type Similarity } from './match/score';
import { fuseScore } from './match/rescore';
import { classifyStance, thresholdsFor } from './stance/classify';
import type { StanceVerdict } from './stance/types';

/** Sentences shorter than this are not claims. */
const MIN_CLAIM_WORDS = 5;
/** How the feature score and fuse.js's rescoring combine. */
const FEATURE_SHARE = 0.85;
const FUSE_SHARE = 0.15;
/**
 * fuse.js judges the borderline: a claim's closest statement that the feature score alone
 * leaves under the bar is rescored with fuse.js's typo-tolerant search of the claim's most
 * telling words, and shown when that lifts it over. Further down, and for statements the
 * feature score already shows, its share would rarely change what is shown, and its bitap
 * search costs more per record than the whole feature score.
 */
/** Words of a claim that go into the fuse.js query (each costs a bitap scan of every record). */
const QUERY_TERMS = 4;
/** Two sentences this alike (term Jaccard) are one sentence, re-published. */
const SAME_SENTENCE = 0.75;

/** localeCompare's order (same default locale), without building a collator per call. */
const compare = new Intl.Collator().compare;

/** Whether two sentences are one, re-published: term Jaccard of at least SAME_SENTENCE. */
function sameSentence(a: string[], b: Set<string>): boolean {
  // shared terms are at most the smaller set and the union at least the larger: sets of very
  // different sizes cannot be alike enough
  const n = a.length;
  if (Math.min(n, b.size) < SAME_SENTENCE * Math.max(n, b.size)) return false;
  const alike = (shared: number) => shared / Math.max(1, n + b.size - shared) >= SAME_SENTENCE;
  let shared = 0;
  for (let i = 0; i < n; i++) {
    if (b.has(a[i])) shared++;
    // stop once even the rest all shared would not be enough (the ratio grows with shared)
    else if (!alike(shared + n - i - 1)) return false;
  }
  return alike(shared);
}

/** The claim's most telling words, for fuse.js (bitap cost grows with every word). */
function fuseQuery(unit: UnitFeatures, index: LoadedIndex): { query: string; terms: string[] } {
  // a term's last spelling, in the order of its first
  const raw = new Map<string, string>();
  for (const h of unit.terms) raw.set(h.term, unit.tokens[h.token].raw);
  const terms = [...raw.keys()];
  const weight = terms.map((t) => index.idf(t));
  // the QUERY_TERMS heaviest (ties: localeCompare order, then first met), as a stable sort
  // would order them, without sorting them all
  const before = (x: number, y: number) => weight[x] > weight[y] || (weight[x] === weight[y] && compare(terms[x], terms[y]) < 0);
  const order: number[] = [];
  for (let k = 0; k < terms.length; k++) {
    let p = order.length;
    while (p > 0 && before(k, order[p - 1])) p--;
    if (p >= QUERY_TERMS) continue;
    order.splice(p, 0, k);
    if (order.length > QUERY_TERMS) order.pop();
  }
  const top = order.map((k) => terms[k]);
  return { query: top.map((t) => raw.get(t)).join(' '), terms: top };
}

/** Each document's place in the localeCompare order of document ids (ids are unique). */
const ranks = new WeakMap<LoadedIndex, Int32Array>();
function docRanks(index: LoadedIndex): Int32Array {
  let r = ranks.get(index);
  if (!r) {
    const docs = index.file.documents;
    const order = docs.map((_, k) => k).sort((x, y) => compare(docs[x].id, docs[y].id));
    r = new Int32Array(docs.length);
    order.forEach((d, k) => (r![d] = k));
    ranks.set(index, r);
  }
  return r;
}

/** Which indexed article this page is, if it is one (also after small edits). */
function ownDocument(index: LoadedIndex, units: UnitFeatures[], candidates: number[][]): number | null {
  const hits = new Map<number, number>();
  units.forEach((u, i) => {
    if (u.termSet.size < 4) return;
    const terms = [...u.termSet];
    const docs = new Set<number>();
    for (const s of candidates[i]) {
      const doc = index.file.statements[s].doc;
      if (docs.has(doc)) continue;
      if (sameSentence(terms, index.features(index.representative(s)).termSet)) {
        docs.add(doc);
        hits.set(doc, (hits.get(doc) ?? 0) + 1);
      }
    }
  });
  let best: number | null = null;
  let bestShare = 0;
  for (const [doc, n] of hits) {
    const share = n / Math.max(1, index.docStatementCount[doc]);
    if (n >= 3 && share >= 0.3 && share > bestShare) {
      best = doc;
      bestShare = share;
    }
  }
  return best;
}

/**
 * A claim's candidates that passed the feature score's gate: statement number, its
 * representative, its feature score (reused from claim to claim; analyze() is not re-entered).
 */
const scoredC: number[] = [];
const scoredRep: number[] = [];
const scoredFeature: number[] = [];

/**
 * Per index: which representative was scored for the current claim (its stamp) and where its
 * score is kept (its slot), so copies are found without a map per claim.
 */
interface ClaimScratch {
  seen: Int32Array;
  slot: Int32Array;
  stamp: number;
}
const claimScratches = new WeakMap<LoadedIndex, ClaimScratch>();
const scratchFor = (index: LoadedIndex): ClaimScratch =>
  perIndex(claimScratches, index, (n) => ({ seen: new Int32Array(n), slot: new Int32Array(n), stamp: 0 }), (s, n) => s.seen.length === n && s.stamp <= 0x3fffffff);

/** A sentence's words (a contraction's two pieces are one word). */
function wordsIn(s: SentenceInfo): number {
  const t = s.tokens;
  let n = 0;
  for (let i = 0; i < t.length; i++) if (!(i > 0 && t[i - 1].end === t[i].end)) n++;
  return n;
}

export function analyze(text: string, index: LoadedIndex, options: AnalyzeOptions = {}): AnalysisResult {
  const thresholds = thresholdsFor(options.sensitivity);
  const sentences = readSentences(text, index.matcher);

  // entities, in order of first mention
  const byEntity = new Map<string, EntityResult>();
  for (const s of sentences) {
    for (const m of s.mentions) {
      let e = byEntity.get(m.entity);
      if (!e) {
        const ie = index.entityById.get(m.entity)!;
        e = { id: ie.id, name: ie.name, type: ie.type, mentions: [] };
        byEntity.set(m.entity, e);
      }
      e.mentions.push({ text: m.text, start: m.start, end: m.end });
    }
  }

  // sentence numbers of the claims (a contraction's two pieces are one word)
  const claimAt = sentences.map((s, k) => ({ s, k })).filter(({ s }) => wordsIn(s) >= MIN_CLAIM_WORDS);
  const claimSentences: SentenceInfo[] = claimAt.map(({ s }) => s);
  // features of the claims, and of the sentence before a claim that points back to it
  const featuresOf: (UnitFeatures | undefined)[] = [];
  const featuresAt = (k: number): UnitFeatures => {
    const s = sentences[k];
    return (featuresOf[k] ??= unitFeatures(text, s, s.tokens, s.mentions, [s.speaker, s.subject], index.matcher, s.figures));
  };
  const units = claimAt.map(({ k }) => {
    const u = featuresAt(k);
    return withContext(u, k > 0 && pointsBack(u.text) ? featuresAt(k - 1) : null);
  });
  const candidates = units.map((u) => findCandidates(index, u));
  const own = ownDocument(index, units, candidates);

  const claims: ClaimResult[] = [];
  const scratch = scratchFor(index);
  claimSentences.forEach((s, i) => {
    const unit = units[i];
    // the feature score first, for the candidates not from the page's own article; copies of
    // one statement (a story re-published) are scored once, with one copy's features
    const stamp = ++scratch.stamp;
    // per statement met: its feature score, and the whole comparison where a verdict needs it
    const featureScores: number[] = [];
    const sims: (Similarity | null)[] = [];
    // the candidates that can reach the bar (with fuse.js's share at most), in candidate
    // order, and the one with the best feature score (the first met of equals)
    const list = candidates[i];
    let n = 0;
    let best = -1;
    for (let j = 0; j < list.length; j++) {
      const c = list[j];
      if (index.file.statements[c].doc === own) continue;
      const rep = index.representative(c);
      let f: number;
      if (scratch.seen[rep] === stamp) f = featureScores[scratch.slot[rep]];
      else {
        f = scoreOf(unit, index.features(rep), index, rep);
        scratch.seen[rep] = stamp;
        scratch.slot[rep] = sims.length;
        featureScores.push(f);
        // below the bar only fuse.js can lift it, and then it is compared again
        sims.push(FEATURE_SHARE * f >= thresholds.related ? lastSimilarity() : null);
      }
      if (FEATURE_SHARE * f + FUSE_SHARE < thresholds.related) continue;
      scoredC[n] = c;
      scoredRep[n] = rep;
      scoredFeature[n] = f;
      if (best < 0 || f > scoredFeature[best] || (f === scoredFeature[best] && c < scoredC[best])) best = n;
      n++;
    }
    let closest = best >= 0 && FEATURE_SHARE * scoredFeature[best] < thresholds.related ? scoredRep[best] : -1;
    let fuse = 0;
    if (closest >= 0) {
      // fuse.js refines a statement that already has one of the claim's telling words; it
      // does not find one that has none
      const { query, terms } = fuseQuery(unit, index);
      const f = index.features(closest);
      if (terms.some((t) => f.termSet.has(t))) fuse = fuseScore(index, query, closest, index.statementText(closest));
      else closest = -1;
    }
    const found: { m: MatchResult; doc: number }[] = [];
    // every copy of a statement has its representative's score, so one verdict serves them all
    const verdicts: (StanceVerdict | undefined)[] = [];
    // (in candidate order: the sort below orders them; matches it leaves in a tie are copies of
    // one statement in one document, with the same verdict)
    for (let j = 0; j < n; j++) {
      const c = scoredC[j];
      const rep = scoredRep[j];
      // the combined score of each (copies of one statement share one)
      const score = FEATURE_SHARE * scoredFeature[j] + (rep === closest ? FUSE_SHARE * fuse : 0);
      if (score < thresholds.related) continue;
      const k = scratch.slot[rep];
      let said = verdicts[k];
      if (!said) {
        // from here on the statement's Similarity carries the combined score
        const sim = (sims[k] ??= similarity(unit, index.features(rep), index));
        sim.score = score;
        verdicts[k] = said = classifyStance({ page: unit, statement: index.features(rep), sim, idf: index.idf, types: index.matcher.types }, thresholds);
      }
      const d = index.file.statements[c].doc;
      const doc = index.file.documents[d];
      const m: MatchResult = {
        doc: doc.id,
        title: doc.title,
        outlet: doc.outlet,
        statement: index.statementText(c),
        stance: said.stance,
        score: Math.round(Math.min(1, score) * 1000) / 1000,
        // each match has arrays of its own (a copy's may be changed without touching another's)
        reasons: said.reasons.slice(),
      };
      if (said.diff) m.diff = said.diff.map((p) => ({ ...p }));
      found.push({ doc: d, m });
    }
    // statements that take a side come first, then the closest (then by document id, as
    // localeCompare orders them)
    const firm = (m: MatchResult) => (m.stance === 'related' ? 0 : 1);
    const rank = docRanks(index);
    found.sort((a, b) => firm(b.m) - firm(a.m) || b.m.score - a.m.score || rank[a.doc] - rank[b.doc] || compare(a.m.statement, b.m.statement));
    // every statement above the threshold is reported; the card and the panel decide how
    // many to show at once
    const top = found.map((x) => x.m);
    if (!top.length && s.kind === 'statement' && s.mentions.length === 0) return;
    claims.push({
      text: text.slice(s.start, s.end),
      start: s.start,
      end: s.end,
      kind: s.kind,
      speaker: s.speaker ? index.entityById.get(s.speaker)?.name ?? null : null,
      entities: [...new Set(s.mentions.map((m) => m.entity))],
      matches: top,
    });
  });

  return {
    document: {
      title: options.title ?? null,
      words: countWords(text),
      matchedIndexDoc: own === null ? null : index.file.documents[own].id,
    },
    entities: [...byEntity.values()],
    claims,
  };
}
