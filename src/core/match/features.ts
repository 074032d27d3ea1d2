// The features one sentence (a page claim or an index statement) is compared by.
import type { Figure, Modality } from '../index/schema';
import type { Token } from '../text/tokens';
import { splitClauses, type Span } from '../text/sentences';
import { contentTerms, type TermHit } from '../text/terms';
import { DEMONYMS, METONYMS, MODAL_WORDS, STOPWORDS, TITLE_WORDS, WEEKDAYS_MONTHS } from '../text/lexicon';
import { fold, impliedPlaces, type EntityMatcher, type EntityMention } from '../extract/entities';
import { isNegationCue, negationScope } from '../extract/claims';
import { findFigures } from '../extract/figures';

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
  return { ...u, context: previous.termSet, contextEntities: previous.entities };
}

function countryOf(name: string): string | null {
  const f = fold(name).replace(/\./g, '');
  return DEMONYMS[f] ?? METONYMS[f] ?? null;
}

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
  // entity names are compared as entities, not as words
  const inMention = new Set<number>();
  for (const m of mentions) for (let k = m.tokenStart; k < m.tokenEnd; k++) inMention.add(k);
  // names, capitalised titles ("Vice President") and demonyms ("Russian") are compared as
  // entities and places, not as words
  const terms = contentTerms(tokens).filter((h) => {
    const t = tokens[h.token];
    return !inMention.has(h.token) && !(t.cap && (TITLE_WORDS.has(t.norm) || DEMONYMS[t.norm]));
  });
  const entities = new Set<string>([...mentions.map((m) => m.entity), ...impliedPlaces(tokens, matcher)]);
  for (const e of extraEntities) if (e) entities.add(e);
  const countries = new Set<string>();
  for (const m of mentions) {
    if (matcher.types.get(m.entity) === 'place' || matcher.types.get(m.entity) === 'organization') {
      const c = countryOf(m.text) ?? (matcher.types.get(m.entity) === 'place' ? fold(m.text) : null);
      if (c) countries.add(c);
    }
  }
  for (const t of tokens) if (t.cap && DEMONYMS[t.norm]) countries.add(DEMONYMS[t.norm]);
  const negScope = negationScope(tokens);
  const clauses: ClauseFeatures[] = splitClauses(source, span).map((c) => {
    let from = tokens.findIndex((t) => t.start >= c.start);
    if (from < 0) from = tokens.length;
    let to = tokens.findIndex((t) => t.start >= c.end);
    if (to < 0) to = tokens.length;
    const ct = terms.filter((h) => h.token >= from && h.token < to);
    const negated = new Map<string, boolean>();
    for (const h of ct) if (!negated.has(h.term)) negated.set(h.term, negScope[h.token] || isNegationCue(tokens, h.token));
    const modalities = new Set<Modality>();
    for (let k = from; k < to; k++) {
      const m = MODAL_WORDS[tokens[k].norm];
      if (m) modalities.add(m);
    }
    const ents = new Set<string>([
      ...mentions.filter((m) => m.tokenStart >= from && m.tokenStart < to).map((m) => m.entity),
      ...impliedPlaces(tokens.slice(from, to), matcher),
    ]);
    for (const e of extraEntities) if (e) ents.add(e);
    return { start: c.start, end: c.end, from, to, terms: ct, termSet: new Set(ct.map((h) => h.term)), negated, modalities, entities: ents };
  });
  const figures = knownFigures ?? findFigures(text, span.start);
  const quotes: Span[] = [];
  for (const m of text.matchAll(/[“"]([^“”"]{2,}?)(?:[”"]|$)/g)) {
    if (m[1].trim().split(/\s+/).length < 2) continue;
    const start = span.start + (m.index ?? 0) + 1;
    quotes.push({ start, end: start + m[1].length });
  }
  let foreignNames = 0;
  tokens.forEach((t, i) => {
    if (i === 0 || !t.cap || inMention.has(i) || t.acronym) return;
    if (/[.!?:"“]\s*$/.test(t.gap) || /^["“‘(]/.test(t.gap.trim())) return; // a sentence or quote opens here
    if (STOPWORDS.has(t.norm) || TITLE_WORDS.has(t.norm) || DEMONYMS[t.norm] || WEEKDAYS_MONTHS.has(t.norm)) return;
    if (i > 0 && tokens[i - 1].cap && !inMention.has(i - 1) && tokens[i - 1].gap !== undefined && t.gap === ' ') return; // one name, counted once
    foreignNames++;
  });
  return { start: span.start, end: span.end, text, tokens, terms, termSet: new Set(terms.map((h) => h.term)), entities, countries, figures, quotes, clauses, negScope, foreignNames, agent: extraEntities[0] ?? extraEntities[1] ?? null,
    context: new Set(), contextEntities: new Set() };
}
