// The features one sentence (a page claim or an index statement) is compared by.
import type { Figure, Modality } from '../index/schema';
import type { Token } from '../text/tokens';
import { splitClauses, type Span } from '../text/sentences';
import { contentTerms, type TermHit } from '../text/terms';
import { DEMONYMS, METONYMS, MODAL_WORDS } from '../text/lexicon';
import { fold, type EntityMatcher, type EntityMention } from '../extract/entities';
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
}

function countryOf(name: string): string | null {
  const f = fold(name);
  return DEMONYMS[f] ?? METONYMS[f] ?? null;
}

export function unitFeatures(
  source: string,
  span: Span,
  tokens: Token[],
  mentions: EntityMention[],
  extraEntities: (string | null)[],
  matcher: EntityMatcher,
): UnitFeatures {
  const text = source.slice(span.start, span.end);
  // entity names are compared as entities, not as words
  const inMention = new Set<number>();
  for (const m of mentions) for (let k = m.tokenStart; k < m.tokenEnd; k++) inMention.add(k);
  const terms = contentTerms(tokens).filter((h) => !inMention.has(h.token));
  const entities = new Set<string>(mentions.map((m) => m.entity));
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
    return { ...c, from, to, terms: ct, termSet: new Set(ct.map((h) => h.term)), negated, modalities };
  });
  const figures = findFigures(text).map((f) => ({ ...f, start: f.start + span.start, end: f.end + span.start }));
  const quotes: Span[] = [];
  for (const m of text.matchAll(/[“"]([^“”"]{2,}?)(?:[”"]|$)/g)) {
    if (m[1].trim().split(/\s+/).length < 3) continue;
    const start = span.start + (m.index ?? 0) + 1;
    quotes.push({ start, end: start + m[1].length });
  }
  return { ...span, text, tokens, terms, termSet: new Set(terms.map((h) => h.term)), entities, countries, figures, quotes, clauses, negScope };
}
