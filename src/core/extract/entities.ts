// Finding known entities in any text: exact aliases first (longest wins), then spelling
// variants of surnames. A surname preceded by a different given name is another person
// ("Melania Trump" is not Donald Trump), and is not linked.
import type { IndexEntity } from '../index/schema';
import type { EntityType } from '../types';
import { fold, tokenize, type Token } from '../text/tokens';
import { isGivenNameVariant, isSpellingVariant } from './fuzzy';
import { TITLE_WORDS, DEMONYMS, STOPWORDS } from '../text/lexicon';
import { STOPWORD, TITLE } from '../text/words';

export interface EntityMention {
  entity: string;
  start: number;
  end: number;
  text: string;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

interface AliasEntry {
  norms: string[];
  /** Which alias words are written in capitals (US, NATO): they only match capitals. */
  upper: boolean[];
  entity: string;
  type: EntityType;
}

export interface EntityMatcher {
  /** First token norm -> aliases starting with it, longest first. */
  byFirst: Map<string, AliasEntry[]>;
  /** Person surnames for fuzzy lookup: surname -> entity ids. */
  surnames: Map<string, string[]>;
  /** Every person surname, short ones too, for "misspelt given name + surname". */
  allSurnames: Map<string, string[]>;
  /** Given names per person entity. */
  givens: Map<string, Set<string>>;
  types: Map<string, EntityType>;
  maxLen: number;
  /** Country or region (folded, as in DEMONYMS' values) -> the place entity that names it. */
  placeByCountry: Map<string, string>;
}

/** Places a sentence (or its tokens [from, to)) implies through demonyms ("Italian Prime Minister" -> Italy), as entity ids. */
export function impliedPlaces(tokens: Token[], m: EntityMatcher, from = 0, to = tokens.length): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t.cap) continue;
    const key = t.facts.demonym;
    const id = key ? m.placeByCountry.get(key) : undefined;
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

export function compileMatcher(entities: IndexEntity[]): EntityMatcher {
  const byFirst = new Map<string, AliasEntry[]>();
  const surnames = new Map<string, string[]>();
  const allSurnames = new Map<string, string[]>();
  const givens = new Map<string, Set<string>>();
  const types = new Map<string, EntityType>();
  let maxLen = 1;
  for (const e of entities) {
    types.set(e.id, e.type);
    const seen = new Set<string>();
    // each alias's norms, name first: tokenized once, for the aliases and the person's names
    const aliasesNorms: string[][] = [];
    for (const alias of [e.name, ...e.aliases]) {
      const toks = tokenize(alias).filter((t, i, all) => !(i > 0 && all[i - 1].end === t.end)); // contraction pieces share a span
      const norms = toks.map((t) => t.norm);
      aliasesNorms.push(norms);
      const upper = toks.map((t) => t.acronym);
      if (norms.length === 0) continue;
      const key = norms.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      maxLen = Math.max(maxLen, norms.length);
      const list = byFirst.get(norms[0]) ?? [];
      list.push({ norms, upper, entity: e.id, type: e.type });
      byFirst.set(norms[0], list);
    }
    if (e.type === 'person') {
      const nameNorms = aliasesNorms[0].filter((n) => !TITLE_WORDS.has(n));
      const g = new Set<string>();
      for (const norms of aliasesNorms) {
        const ns = norms.filter((n) => !TITLE_WORDS.has(n));
        if (ns.length >= 2) g.add(ns[0]);
        const last = ns[ns.length - 1];
        if (last) {
          const all = allSurnames.get(last) ?? [];
          if (!all.includes(e.id)) all.push(e.id);
          allSurnames.set(last, all);
        }
        if (last && last.length >= 5) {
          const ids = surnames.get(last) ?? [];
          if (!ids.includes(e.id)) ids.push(e.id);
          surnames.set(last, ids);
        }
      }
      if (nameNorms.length >= 2) g.add(nameNorms[0]);
      givens.set(e.id, g);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  const placeByCountry = new Map<string, string>();
  for (const e of entities) {
    if (e.type !== 'place') continue;
    for (const alias of [e.name, ...e.aliases]) {
      const f = fold(alias).replace(/\./g, '');
      const key = DEMONYMS[f] ?? f;
      if (!placeByCountry.has(key)) placeByCountry.set(key, e.id);
    }
  }
  return { byFirst, surnames, allSurnames, givens, types, maxLen, placeByCountry };
}

/** /^\d/: an ASCII digit first. */
function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function sameRun(tokens: Token[], i: number): boolean {
  // token i continues the capitalised run of token i-1
  return i > 0 && tokens[i].gap === ' ' && !tokens[i - 1].possessive;
}

function isNameLike(t: Token): boolean {
  return t.cap && (t.facts.flags & (STOPWORD | TITLE)) === 0 && t.facts.demonym === null;
}

/**
 * Whether a single-word person alias at token i stands alone. A preceding capitalised word
 * that is not a title, a known given name of the entity or a sentence start makes it part of
 * another name.
 */
function surnameStandsAlone(tokens: Token[], i: number, entity: string, m: EntityMatcher, sentenceStarts: ReadonlySet<number>): boolean {
  if (!sameRun(tokens, i)) return true;
  const prev = tokens[i - 1];
  if (!isNameLike(prev) || prev.acronym) return true;
  if (sentenceStarts.has(i - 1) && STOPWORDS.has(prev.norm)) return true;
  const g = m.givens.get(entity);
  if (g && [...g].some((x) => isGivenNameVariant(x, prev.norm))) return true;
  // the previous word is itself a known entity (e.g. "NATO Rutte") — fine
  if (m.byFirst.has(prev.norm)) {
    const others = m.byFirst.get(prev.norm)!;
    if (others.some((a) => a.norms.length === 1 && a.entity !== entity)) return true;
  }
  return false;
}

/** Finds every mention of a known entity. `sentenceStarts` holds token indexes that open a sentence. */
export function findMentions(text: string, tokens: Token[], m: EntityMatcher, sentenceStarts: ReadonlySet<number> = new Set<number>()): EntityMention[] {
  const out: EntityMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t.cap && !t.acronym && !startsWithDigit(t.raw)) {
      i++;
      continue;
    }
    let found: { entity: string; len: number } | null = null;
    const cands = m.byFirst.get(t.norm);
    if (cands) {
      for (const a of cands) {
        const n = a.norms.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < n; k++) if (a.upper[k] && !tokens[i + k].acronym) ok = false;
        for (let k = 1; k < n && ok; k++) {
          const tk = tokens[i + k];
          if (tk.norm !== a.norms[k] || (k > 0 && /[.!?;:,()\n]/.test(tk.gap))) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        if (n === 1 && a.type === 'person' && !surnameStandsAlone(tokens, i, a.entity, m, sentenceStarts)) continue;
        found = { entity: a.entity, len: n };
        break;
      }
    }
    if (!found && t.cap && t.norm.length >= 5) found = fuzzyPerson(tokens, i, m, sentenceStarts);
    if (found) {
      const last = tokens[i + found.len - 1];
      // a name is never half of a contraction piece: extend to the written word's end
      const end = last.possessive ? last.start + last.raw.replace(/['’]s?$/, '').length : last.end;
      out.push({ entity: found.entity, start: t.start, end, text: text.slice(t.start, end), tokenStart: i, tokenEnd: i + found.len });
      i += found.len;
      while (i < tokens.length && tokens[i].start < end) i++;
    } else i++;
  }
  return out;
}

/** Surnames by first character and length, in the map's order, so that a word is compared with few. */
interface SurnameIndex {
  size: number;
  order: Map<string, number>;
  byStart: Map<string, string[]>;
}
const surnameIndexes = new WeakMap<Map<string, string[]>, SurnameIndex>();

function surnameIndex(map: Map<string, string[]>): SurnameIndex {
  let index = surnameIndexes.get(map);
  if (!index || index.size !== map.size) {
    index = { size: map.size, order: new Map(), byStart: new Map() };
    for (const surname of map.keys()) {
      index.order.set(surname, index.order.size);
      const key = surname.charAt(0) + ':' + surname.length;
      const list = index.byStart.get(key);
      if (list) list.push(surname);
      else index.byStart.set(key, [surname]);
    }
    surnameIndexes.set(map, index);
  }
  return index;
}

/**
 * The entries of a surname map that can be `word` or a spelling variant of it, in the map's
 * order: the word itself, and surnames with its first letter and a length within two of
 * its own (isSpellingVariant is false for any other).
 */
function surnameCandidates(map: Map<string, string[]>, word: string): [string, string[]][] {
  const index = surnameIndex(map);
  const found: string[] = [];
  if (map.has(word)) found.push(word);
  for (let len = Math.max(0, word.length - 2); len <= word.length + 2; len++) {
    const list = index.byStart.get(word.charAt(0) + ':' + len);
    if (list) for (const s of list) if (s !== word) found.push(s);
  }
  if (found.length > 1) found.sort((a, b) => index.order.get(a)! - index.order.get(b)!);
  return found.map((s) => [s, map.get(s)!]);
}

const NO_VARIANTS: [string, string[]][] = [];
const variantCaches = new WeakMap<Map<string, string[]>, { size: number; byWord: Map<string, [string, string[]][]> }>();

/**
 * The entries of a surname map whose surname is `word` or a spelling variant of it, in the
 * map's order. Depends on the word only: kept per map (most words have none).
 */
function spellingVariants(map: Map<string, string[]>, word: string): [string, string[]][] {
  let cache = variantCaches.get(map);
  if (!cache || cache.size !== map.size) {
    cache = { size: map.size, byWord: new Map() };
    variantCaches.set(map, cache);
  }
  let found = cache.byWord.get(word);
  if (found === undefined) {
    found = surnameCandidates(map, word).filter(([surname]) => surname === word || isSpellingVariant(surname, word));
    if (!found.length) found = NO_VARIANTS;
    if (cache.byWord.size >= 50_000) cache.byWord.clear();
    cache.byWord.set(word, found);
  }
  return found;
}

function fuzzyPerson(tokens: Token[], i: number, m: EntityMatcher, sentenceStarts: ReadonlySet<number>): { entity: string; len: number } | null {
  const t = tokens[i];
  // "Fredriech Merz": a given-name variant followed by a known surname
  const next = tokens[i + 1];
  if (next && sameRun(tokens, i + 1) && next.cap) {
    for (const [, ids] of spellingVariants(m.allSurnames, next.norm)) {
      for (const id of ids) {
        const g = m.givens.get(id);
        if (g && [...g].some((x) => isGivenNameVariant(x, t.norm))) return { entity: id, len: 2 };
      }
    }
  }
  for (const [surname, ids] of spellingVariants(m.surnames, t.norm)) {
    if (surname === t.norm) continue;
    const id = ids[0];
    if (surnameStandsAlone(tokens, i, id, m, sentenceStarts)) return { entity: id, len: 1 };
  }
  return null;
}

export { fold };
