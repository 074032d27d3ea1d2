// Scoring for `npm run eval`: pure functions over engine results and the gold file.
//
// The covering rule (shared/eval/README.md: "contains it or shares most of its words;
// a claim the size of a paragraph counts for nothing"):
//   A claim (or a matched statement) COVERS a gold quote when
//   - it has at most MAX_COVER_WORDS (60) word tokens — longer is paragraph-sized and
//     covers nothing; and
//   - its word tokens contain the quote's word tokens as a contiguous run, or at least
//     MIN_COVER_SHARE (60 %) of the quote's word tokens (counted with multiplicity) occur
//     in it.
//   Word tokens: Unicode letter/digit runs after folding case, diacritics, and curly vs
//   straight quotes/apostrophes; punctuation and spacing never matter.
import type { AnalysisResult, MatchResult, Stance } from '../core/types';

export const MAX_COVER_WORDS = 60;
export const MIN_COVER_SHARE = 0.6;

export interface GoldQuote { doc: string; quote: string }
export interface GoldPair { page: GoldQuote; statement: GoldQuote; stance: Stance; accept?: Stance[]; note?: string }
export interface GoldNegative { page: GoldQuote }
export interface GoldEntity { name: string; type: string; aliases: string[] }
export interface GoldTrap { page: GoldQuote; must_not_link_to: string }
export interface Gold { pairs: GoldPair[]; negatives: GoldNegative[]; entities: GoldEntity[]; traps: GoldTrap[] }

/** Engine output for one page, with the text it was run on. */
export interface PageRun { doc: string; text: string; result: AnalysisResult }

export function wordTokens(s: string): string[] {
  const folded = s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[‘’‛`´]/g, "'");
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function covers(text: string, quote: string): boolean {
  const t = wordTokens(text);
  const q = wordTokens(quote);
  if (!q.length || !t.length || t.length > MAX_COVER_WORDS) return false;
  if (` ${t.join(' ')} `.includes(` ${q.join(' ')} `)) return true;
  const bag = new Map<string, number>();
  for (const w of t) bag.set(w, (bag.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of q) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      shared++;
      bag.set(w, n - 1);
    }
  }
  return shared / q.length >= MIN_COVER_SHARE;
}

/** Whether the quote's words stand in the text as one contiguous run. */
export function contains(text: string, quote: string): boolean {
  const t = wordTokens(text);
  const q = wordTokens(quote);
  return q.length > 0 && t.length <= MAX_COVER_WORDS && ` ${t.join(' ')} `.includes(` ${q.join(' ')} `);
}

/**
 * The claims that stand for the sentence holding a quote: those that contain it, when any
 * does; otherwise those that share most of its words. (A neighbouring sentence that happens
 * to share 60 % of a short quote's words is not the sentence the gold set points at.)
 */
export function coveringClaims<T extends { text: string }>(claims: T[], quote: string): T[] {
  const holding = claims.filter((c) => contains(c.text, quote));
  return holding.length ? holding : claims.filter((c) => covers(c.text, quote));
}

export const isFirm = (s: Stance) => s === 'corroborates' || s === 'conflicts';

export interface PairOutcome {
  pair: GoldPair;
  /** The best (highest-scoring) match that satisfies the pair, if any. */
  found: MatchResult | null;
  /** Claims on the page covering the page quote, for diagnostics. */
  coveringClaims: { text: string; matches: MatchResult[] }[];
  stanceOk: boolean;
}

export function scorePairs(pairs: GoldPair[], runs: Map<string, PageRun>): PairOutcome[] {
  return pairs.map((pair) => {
    const run = runs.get(pair.page.doc);
    const claims = run ? coveringClaims(run.result.claims, pair.page.quote) : [];
    let found: MatchResult | null = null;
    const fromDoc = claims.flatMap((c) => c.matches.filter((m) => m.doc === pair.statement.doc));
    // the statement holding the quote, if it was matched; else one sharing most of its words
    for (const m of coveringClaims(fromDoc.map((x) => ({ ...x, text: x.statement })), pair.statement.quote)) {
      if (!found || m.score > found.score) found = m;
    }
    const stanceOk = !!found && (found.stance === pair.stance || (pair.accept ?? []).includes(found.stance));
    return { pair, found, coveringClaims: claims.map((c) => ({ text: c.text, matches: c.matches })), stanceOk };
  });
}

export interface PairSummary {
  pairs: number;
  found: number;
  recall: number;
  stanceCorrect: number;
  /** Over found pairs (NaN-free: 0 when none found). */
  stanceAccuracyFound: number;
  stanceAccuracyAll: number;
  conflictsTotal: number;
  conflictsFound: number;
}

export function summarisePairs(outcomes: PairOutcome[]): PairSummary {
  const found = outcomes.filter((o) => o.found).length;
  const stanceCorrect = outcomes.filter((o) => o.stanceOk).length;
  const conflicts = outcomes.filter((o) => o.pair.stance === 'conflicts');
  return {
    pairs: outcomes.length,
    found,
    recall: outcomes.length ? found / outcomes.length : 0,
    stanceCorrect,
    stanceAccuracyFound: found ? stanceCorrect / found : 0,
    stanceAccuracyAll: outcomes.length ? stanceCorrect / outcomes.length : 0,
    conflictsTotal: conflicts.length,
    conflictsFound: conflicts.filter((o) => o.found?.stance === 'conflicts').length,
  };
}

export interface NegativeOutcome { negative: GoldNegative; hits: { claim: string; match: MatchResult }[] }

/** A negative is hit when a claim covering it has any corroborating or conflicting match. */
export function scoreNegatives(negatives: GoldNegative[], runs: Map<string, PageRun>): NegativeOutcome[] {
  return negatives.map((negative) => {
    const run = runs.get(negative.page.doc);
    const hits: NegativeOutcome['hits'] = [];
    for (const c of coveringClaims(run?.result.claims ?? [], negative.page.quote)) {
      for (const m of c.matches) if (isFirm(m.stance)) hits.push({ claim: c.text, match: m });
    }
    return { negative, hits };
  });
}

/** Matches a page got from its own article (the contract forbids them). */
export function selfMatches(runs: Map<string, PageRun>): { doc: string; claim: string }[] {
  const out: { doc: string; claim: string }[] = [];
  for (const run of runs.values()) {
    const self = run.result.document.matchedIndexDoc ?? run.doc;
    for (const c of run.result.claims) {
      if (c.matches.some((m) => m.doc === self || m.doc === run.doc)) out.push({ doc: run.doc, claim: c.text });
    }
  }
  return out;
}

export interface UnrelatedPage { name: string; words: number; falseMatches: number; examples: string[] }

/** A claim with at least one corroborating/conflicting match counts as one false match. */
export function scoreUnrelated(name: string, words: number, result: AnalysisResult): UnrelatedPage {
  const hit = result.claims.filter((c) => c.matches.some((m) => isFirm(m.stance)));
  return {
    name,
    words,
    falseMatches: hit.length,
    examples: hit.slice(0, 3).map((c) => {
      const m = c.matches.find((x) => isFirm(x.stance))!;
      return `${clip(c.text, 90)} -> ${m.stance} ${m.doc}: ${clip(m.statement, 90)}`;
    }),
  };
}

export function perTenThousand(pages: UnrelatedPage[]): number {
  const words = pages.reduce((n, p) => n + p.words, 0);
  const hits = pages.reduce((n, p) => n + p.falseMatches, 0);
  return words ? (hits / words) * 10_000 : 0;
}

export function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : `${t.slice(0, n - 1)}…`;
}

/** Reads and checks the gold file's shape; throws with a one-line message. */
export function parseGold(raw: unknown): Gold {
  const g = raw as Partial<Gold> | null;
  if (!g || !Array.isArray(g.pairs) || !Array.isArray(g.negatives) || !Array.isArray(g.entities) || !Array.isArray(g.traps)) {
    throw new Error('gold file lacks pairs/negatives/entities/traps arrays');
  }
  return g as Gold;
}
