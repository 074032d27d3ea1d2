// What each sentence claims: its kind (quote, attributed statement, figure, plain statement),
// its speaker, the figures it gives, and whether it is negated or hedged.
import type { ClaimKind } from '../types';
import type { Figure, Modality } from '../index/schema';
import { tokenize, type Token } from '../text/tokens';
import { splitSentences, type Span } from '../text/sentences';
import { SPEECH_VERBS } from '../text/lexicon';
import { CLAUSE_WORD, CONTRAST_AFTER_NOT, NEGATING_VERB, NEGATOR, PRONOUN, SPEECH_VERB } from '../text/words';
import { wordRuns } from '../text/chars';
import { findMentions, type EntityMatcher, type EntityMention } from './entities';
import { findFiguresOf } from './figures';

export interface SentenceInfo extends Span {
  tokens: Token[];
  mentions: EntityMention[];
  kind: ClaimKind;
  speaker: string | null;
  /** Person the sentence is about when it opens with a pronoun ("He also said …"). */
  subject: string | null;
  figures: Figure[];
  negated: boolean;
  modality: Modality;
  /** Quoted spans (absolute offsets), at least three words each. */
  quotes: Span[];
}

/** Whether a gap between words holds a clause end: /[,;:—–()]|\n/. */
function endsClause(gap: string): boolean {
  if (gap === ' ' || gap === '') return false;
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2014 || c === 0x2013 || c === 0x28 || c === 0x29 || c === 0x0a) return true;
  }
  return false;
}

/** Per token: is it inside the scope of a negation (NegEx-style: from the cue to the clause end)? */
export function negationScope(tokens: Token[]): boolean[] {
  const neg = new Array<boolean>(tokens.length).fill(false);
  let active = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > 0 && (endsClause(t.gap) || (t.facts.flags & CLAUSE_WORD) !== 0)) active = false;
    if (isNegationCue(tokens, i)) {
      active = true;
      continue;
    }
    neg[i] = active;
  }
  return neg;
}

function hasNegationCue(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) if (isNegationCue(tokens, i)) return true;
  return false;
}

export function isNegationCue(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const flags = t.facts.flags;
  if ((flags & NEGATOR) !== 0) {
    const next = tokens[i + 1];
    if (t.norm === 'not' && next && (next.facts.flags & CONTRAST_AFTER_NOT) !== 0) return false;
    if (t.norm === 'no' && next && (next.norm === 'longer' || next.norm === 'doubt')) return next.norm === 'longer';
    return true;
  }
  return (flags & NEGATING_VERB) !== 0;
}

export function modalityOf(tokens: Token[]): Modality {
  for (const t of tokens) {
    const m = t.facts.modal;
    if (m) return m;
  }
  return 'fact';
}

function quotedSpans(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const s = text.slice(span.start, span.end);
  if (!s.includes('"') && !s.includes('“')) return out; // every quote opens with one of them
  const re = /[“"]([^“”"]{2,}?)(?:[”"]|$)/g;
  for (const m of s.matchAll(re)) {
    const inner = m[1];
    // trim().split(/\s+/).length: its words, and at least one
    if (wordRuns(inner) < 3) continue;
    const start = span.start + (m.index ?? 0) + 1;
    out.push({ start, end: start + inner.length });
  }
  return out;
}

/** The first mention that ends just before token `end`. */
function mentionEndingAt(mentions: EntityMention[], end: number): EntityMention | undefined {
  for (const m of mentions) if (m.tokenEnd === end) return m;
  return undefined;
}
/** The first mention that starts at token `start`. */
function mentionStartingAt(mentions: EntityMention[], start: number): EntityMention | undefined {
  for (const m of mentions) if (m.tokenStart === start) return m;
  return undefined;
}
/** Whether token k is part of a mention. */
function inMention(mentions: EntityMention[], k: number): boolean {
  for (const m of mentions) if (m.tokenStart <= k && k < m.tokenEnd) return true;
  return false;
}

// Written with plain loops: a closure over the loop's index would make the function allocate
// a context for every token it looks at.
function speakerOf(tokens: Token[], mentions: EntityMention[], types: Map<string, string>, lastPerson: string | null): string | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // a written speech verb always has itself as its norm: test that first, it is cheaper
    if ((t.facts.flags & SPEECH_VERB) === 0 || !SPEECH_VERBS.has(t.raw.toLowerCase())) continue;
    // subject before the verb, allowing an adverb or two ("Trump also said")
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const m = mentionEndingAt(mentions, k + 1);
      if (m && types.get(m.entity) !== 'place') return m.entity;
      if ((tokens[k].facts.flags & PRONOUN) !== 0) return lastPerson;
      if (tokens[k].cap && !inMention(mentions, k)) break;
    }
    // "…,” said Trump
    const after = mentionStartingAt(mentions, i + 1);
    if (after && types.get(after.entity) === 'person') return after.entity;
  }
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].norm !== 'according' || tokens[i + 1]?.norm !== 'to') continue;
    // the first "according to" only
    return mentionStartingAt(mentions, i + 2)?.entity ?? null;
  }
  return null;
}

const titledCache = new WeakMap<EntityMatcher, { aliases: Map<string, unknown>; size: number; titled: Map<string, Set<string>> }>();

/** Title word -> the people whose aliases carry it ("President Trump"). Worked out once per matcher. */
function titledPeople(m: EntityMatcher): Map<string, Set<string>> {
  const c = titledCache.get(m);
  if (c && c.aliases === m.byFirst && c.size === m.byFirst.size) return c.titled;
  const titled = readTitledPeople(m);
  titledCache.set(m, { aliases: m.byFirst, size: m.byFirst.size, titled });
  return titled;
}

function readTitledPeople(m: EntityMatcher): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [first, list] of m.byFirst) {
    for (const a of list) {
      if (a.norms.length < 2 || m.types.get(a.entity) !== 'person') continue;
      const set = out.get(first) ?? new Set<string>();
      set.add(a.entity);
      out.set(first, set);
    }
  }
  return out;
}

function definiteDescription(tokens: Token[], titled: Map<string, Set<string>>, seen: Map<string, number>): string | null {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.cap || !titled.has(t.norm)) continue;
    const det = tokens[i - 1].norm === 'the' || tokens[i - 2]?.norm === 'the';
    if (!det) continue;
    let best: string | null = null;
    for (const id of titled.get(t.norm)!) if ((seen.get(id) ?? 0) > (best ? seen.get(best) ?? 0 : 0)) best = id;
    return best;
  }
  return null;
}

/** Every sentence is read on its own: its first token opens it. */
const SENTENCE_START: ReadonlySet<number> = new Set([0]);

/** Splits a text into sentences and reads each one. Offsets are into `text`. */
export function readSentences(text: string, matcher: EntityMatcher): SentenceInfo[] {
  const out: SentenceInfo[] = [];
  let lastPerson: string | null = null;
  const seen = new Map<string, number>();
  const titled = titledPeople(matcher);
  for (const span of splitSentences(text)) {
    const sentence = text.slice(span.start, span.end);
    const tokens = tokenize(sentence, span.start);
    const mentions = findMentions(text, tokens, matcher, SENTENCE_START);
    const figures = findFiguresOf(sentence, span.start, tokens);
    const quotes = quotedSpans(text, span);
    const speaker = speakerOf(tokens, mentions, matcher.types, lastPerson);
    for (const m of mentions) seen.set(m.entity, (seen.get(m.entity) ?? 0) + 1);
    // "the president", "the U.S. president": the person with that title named most so far
    const described = mentions.some((m) => matcher.types.get(m.entity) === 'person') ? null : definiteDescription(tokens, titled, seen);
    const firstPerson = mentions.find((m) => matcher.types.get(m.entity) === 'person')?.entity ?? described;
    // a sentence that opens with "he"/"she", or a quote with no name in it, is about the last person named
    const subject = !firstPerson && (tokens.some((t) => (t.facts.flags & PRONOUN) !== 0) || (!speaker && quotes.length)) ? lastPerson : (tokens.length && (tokens[0].facts.flags & PRONOUN) !== 0 ? lastPerson : firstPerson);
    let kind: ClaimKind = 'statement';
    if (quotes.length) kind = 'quote';
    else if (speaker) kind = 'attributed';
    else if (figures.length) kind = 'figure';
    out.push({
      start: span.start, end: span.end, tokens, mentions, kind, speaker, subject, figures, quotes,
      // a token in a negation's scope comes after its cue: a cue is enough
      negated: hasNegationCue(tokens),
      modality: modalityOf(tokens),
    });
    lastPerson = speaker && matcher.types.get(speaker) === 'person' ? speaker : firstPerson ?? lastPerson;
  }
  return out;
}
