// The features one sentence (a page claim or an index statement) is compared by.
import type { Figure, Modality } from '../index/schema';
import type { Token } from '../text/tokens';
import { splitClauses, type Span } from '../text/sentences';
import { contentTerms, type TermHit } from '../text/terms';
import { wordRuns } from '../text/chars';
import { DEMONYMS, METONYMS } from '../text/lexicon';
import { STOPWORD, TITLE, WEEKDAY_MONTH } from '../text/words';
import { fold, impliedPlaces, type EntityMatcher, type EntityMention } from '../extract/entities';
import { isNegationCue, negationScope } from '../extract/claims';
import { findFigures } from '../extract/figures';

/** A clause's features. Read-only: a clause may share its collections with its sentence's. */
export interface ClauseFeatures extends Span {
  /** Token index range inside the unit. */
  from: number;
  to: number;
  terms: TermHit[];
  termSet: Set<string>;
  /** Whether each term sits inside a negation's scope (first occurrence). */
  negated: Map<string, boolean>;
  modalities: Set<Modality>;
  /** Entities named in the clause, plus the sentence's speaker or subject. */
  entities: Set<string>;
}

/** A sentence's features. Read-only: empty sets and a sentence's sets may be shared with others. */
export interface UnitFeatures extends Span {
  text: string;
  tokens: Token[];
  terms: TermHit[];
  termSet: Set<string>;
  entities: Set<string>;
  countries: Set<string>;
  figures: Figure[];
  quotes: Span[];
  clauses: ClauseFeatures[];
  negScope: boolean[];
  /** Who says or does what the sentence reports: its speaker, else the person it is about. */
  agent: string | null;
  /** Capitalised names in the sentence that the index does not know. */
  foreignNames: number;
  /**
   * Terms and entities of the sentence before, when this one points back to it ("such a
   * proposal", "that suggestion", "He …"): what the pointer stands for.
   */
  context: Set<string>;
  contextEntities: Set<string>;
}

const POINTS_BACK =
  /\b(?:such an?|(?:that|this|the) (?:suggestion|idea|proposal|position|plan|move|offer|demand|stance|meeting|summit|call|request))\b|^(?:["“]?)(?:He|She|They|It)\b/u;

/** Whether a sentence refers back to the one before it. */
export function pointsBack(text: string): boolean {
  return POINTS_BACK.test(text);
}

/** Adds the previous sentence's terms and names as context, when the sentence points back. */
export function withContext(u: UnitFeatures, previous: UnitFeatures | null): UnitFeatures {
  if (!previous || !pointsBack(u.text)) return u;
  // the same fields in the same order as unitFeatures makes them, so every unit has one shape
  // (a spread copy took a shape of its own, and code optimised for units was thrown away
  // whenever it met the other)
  return {
    start: u.start, end: u.end, text: u.text, tokens: u.tokens, terms: u.terms, termSet: u.termSet, entities: u.entities,
    countries: u.countries, figures: u.figures, quotes: u.quotes, clauses: u.clauses, negScope: u.negScope,
    foreignNames: u.foreignNames, agent: u.agent, context: previous.termSet, contextEntities: previous.entities,
  };
}

function countryOf(name: string): string | null {
  const f = fold(name).replace(/\./g, '');
  return DEMONYMS[f] ?? METONYMS[f] ?? null;
}

/** The first item whose key is at least `at` (xs.length if none): xs are in key order. */
function firstFrom<T>(xs: T[], key: (x: T) => number, at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(xs[mid]) >= at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const startOf = (t: Token) => t.start;
const tokenOf = (h: TermHit) => h.token;

/**
 * Features are read, never changed once made, so collections are shared where their contents
 * are the same: one empty set for every empty context and modality set, and a clause that is
 * the whole sentence shares the sentence's term list, term set and entity set.
 */
const NO_STRINGS = new Set<string>();
const NO_MODALITIES = new Set<Modality>();

/** Which tokens are part of a mention: scratch space for one call of unitFeatures at a time. */
let mentionMarks = new Uint8Array(256);

export function unitFeatures(
  source: string,
  span: Span,
  tokens: Token[],
  mentions: EntityMention[],
  extraEntities: (string | null)[],
  matcher: EntityMatcher,
  /** The span's figures, offsets into `source`, when the caller has read them already. */
  knownFigures?: Figure[],
): UnitFeatures {
  const text = source.slice(span.start, span.end);
  const n = tokens.length;
  // entity names are compared as entities, not as words
  if (mentionMarks.length < n) mentionMarks = new Uint8Array(Math.max(n, 2 * mentionMarks.length));
  const inMention = mentionMarks;
  inMention.fill(0, 0, n);
  for (const m of mentions) for (let k = m.tokenStart; k < m.tokenEnd; k++) inMention[k] = 1;
  // names, capitalised titles ("Vice President") and demonyms ("Russian") are compared as
  // entities and places, not as words
  const terms = contentTerms(tokens, 0, n, (i) => {
    const t = tokens[i];
    return inMention[i] !== 0 || (t.cap && ((t.facts.flags & TITLE) !== 0 || t.facts.demonym !== null));
  });
  const entities = new Set<string>();
  for (const m of mentions) entities.add(m.entity);
  for (const p of impliedPlaces(tokens, matcher)) entities.add(p);
  for (const e of extraEntities) if (e) entities.add(e);
  const countries = new Set<string>();
  for (const m of mentions) {
    if (matcher.types.get(m.entity) === 'place' || matcher.types.get(m.entity) === 'organization') {
      const c = countryOf(m.text) ?? (matcher.types.get(m.entity) === 'place' ? fold(m.text) : null);
      if (c) countries.add(c);
    }
  }
  for (const t of tokens) if (t.cap && t.facts.demonym !== null) countries.add(t.facts.demonym);
  const termSet = new Set<string>();
  for (const h of terms) termSet.add(h.term);
  const negScope = negationScope(tokens);
  const clauses: ClauseFeatures[] = splitClauses(source, span).map((c) => {
    // tokens and terms are in text order: each clause holds a run of them
    // tokens are in text order, terms in token order
    const from = firstFrom(tokens, startOf, c.start);
    const to = firstFrom(tokens, startOf, c.end);
    // a clause that is the whole sentence (most are) shares the sentence's terms and names
    const whole = from === 0 && to === n;
    const ct = whole ? terms : terms.slice(firstFrom(terms, tokenOf, from), firstFrom(terms, tokenOf, to));
    const negated = new Map<string, boolean>();
    for (const h of ct) if (!negated.has(h.term)) negated.set(h.term, negScope[h.token] || isNegationCue(tokens, h.token));
    let cterms = termSet;
    if (!whole) {
      cterms = new Set<string>();
      for (const h of ct) cterms.add(h.term);
    }
    let modalities: Set<Modality> | null = null;
    for (let k = from; k < to; k++) {
      const m = tokens[k].facts.modal;
      if (m) (modalities ??= new Set<Modality>()).add(m);
    }
    let ents = entities;
    if (!whole) {
      ents = new Set<string>();
      for (const m of mentions) if (m.tokenStart >= from && m.tokenStart < to) ents.add(m.entity);
      for (const p of impliedPlaces(tokens, matcher, from, to)) ents.add(p);
      for (const e of extraEntities) if (e) ents.add(e);
    }
    return { start: c.start, end: c.end, from, to, terms: ct, termSet: cterms, negated, modalities: modalities ?? NO_MODALITIES, entities: ents };
  });
  const figures = knownFigures ?? findFigures(text, span.start);
  const quotes: Span[] = [];
  // every quote opens with one of these
  if (text.includes('"') || text.includes('“')) for (const m of text.matchAll(/[“"]([^“”"]{2,}?)(?:[”"]|$)/g)) {
    // trim().split(/\s+/).length: its words, and at least one
    if (wordRuns(m[1]) < 2) continue;
    const start = span.start + (m.index ?? 0) + 1;
    quotes.push({ start, end: start + m[1].length });
  }
  let foreignNames = 0;
  for (let i = 1; i < n; i++) {
    const t = tokens[i];
    if (!t.cap || inMention[i] === 1 || t.acronym) continue;
    if (t.gap !== ' ' && (/[.!?:"“]\s*$/.test(t.gap) || /^["“‘(]/.test(t.gap.trim()))) continue; // a sentence or quote opens here
    if ((t.facts.flags & (STOPWORD | TITLE | WEEKDAY_MONTH)) !== 0 || t.facts.demonym !== null) continue;
    if (tokens[i - 1].cap && inMention[i - 1] === 0 && tokens[i - 1].gap !== undefined && t.gap === ' ') continue; // one name, counted once
    foreignNames++;
  }
  return { start: span.start, end: span.end, text, tokens, terms, termSet, entities, countries, figures, quotes, clauses, negScope, foreignNames, agent: extraEntities[0] ?? extraEntities[1] ?? null,
    context: NO_STRINGS, contextEntities: NO_STRINGS };
}
