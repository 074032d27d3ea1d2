// Entity discovery for the index builder (Node only, never on a page): capitalised runs are
// read as names, titles and affiliations are peeled off, and the surface forms of one
// person (Zelenskiy / Zelenskyy / Zelensky, "Fredriech Merz") are grouped under one entity.
import type { IndexEntity } from './schema';
import type { EntityType } from '../types';
import { tokenize, type Token } from '../text/tokens';
import { splitSentences } from '../text/sentences';
import {
  COUNTRIES, DEMONYMS, LOCATIVE, METONYMS, NAME_PARTICLES, ORG_WORDS, SPEECH_VERBS, STOPWORDS, TITLE_WORDS,
  WEEKDAYS_MONTHS,
} from '../text/lexicon';
import { isGivenNameVariant, isSpellingVariant } from '../extract/fuzzy';

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'first', 'second', 'third']);

/** Titles that are written together with a name as one form ("President Trump"). */
const NAME_TITLES = new Set(['president', 'chancellor', 'senator', 'governor', 'king', 'queen', 'pope', 'premier', 'mr', 'mrs', 'ms', 'dr', 'sir']);
/** Lower-case role words right before a name mark it as a person ("Kremlin aide Yuri Ushakov"). */
const ROLE_BEFORE = new Set(['aide', 'adviser', 'advisor', 'envoy', 'spokesman', 'spokeswoman', 'official', 'minister', 'leader', 'lady', 'wife', 'husband', 'son', 'daughter']);
const ORG_METONYMS = new Set(['kremlin', 'white house', 'pentagon', 'downing street', 'elysee']);

interface Run {
  tokens: Token[];
  /** Token before the run in its sentence, if any. */
  before: Token | null;
  after: Token | null;
  sentenceInitial: boolean;
  titleCaseLine: boolean;
}

interface Candidate {
  surface: string;
  norms: string[];
  type: EntityType | 'unknown';
  title: string | null;
  titled: boolean;
  before: Token | null;
  after: Token | null;
  /** Only ever seen as the first word of a sentence. */
  initial?: boolean;
}

/** Name words without titles and without leading particles ("Von Der Leyen" -> leyen). */
function nameNorms(norms: string[]): string[] {
  const ns = norms.filter((n) => !NAME_TITLES.has(n));
  let k = 0;
  while (k < ns.length - 1 && NAME_PARTICLES.has(ns[k])) k++;
  return k > 0 ? [ns[ns.length - 1]] : ns;
}

function surfaceOf(tokens: Token[], text: string): string {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const end = last.possessive ? last.start + last.raw.replace(/['’]s?$/, '').length : last.end;
  return text.slice(first.start, end).replace(/\s+/g, ' ');
}

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const s of splitSentences(text)) {
    const toks = tokenize(text.slice(s.start, s.end), s.start);
    const words = toks.filter((t, i) => !(i > 0 && toks[i - 1].end === t.end));
    // a headline in Title Case: no lower-case word of substance
    const titleCaseLine = words.length >= 4 && !words.some((t) => !t.cap && !t.acronym && t.norm.length >= 4 && !STOPWORDS.has(t.norm));
    let cur: Token[] = [];
    let startIdx = 0;
    const flush = (endIdx: number) => {
      // drop trailing particles
      while (cur.length && NAME_PARTICLES.has(cur[cur.length - 1].norm) && !cur[cur.length - 1].cap) cur.pop();
      if (cur.length)
        runs.push({ tokens: cur, before: toks[startIdx - 1] ?? null, after: toks[endIdx] ?? null, sentenceInitial: startIdx === 0, titleCaseLine });
      cur = [];
    };
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (i > 0 && toks[i - 1].end === t.end) continue; // contraction piece
      const capital = t.cap || t.acronym;
      let ahead = i + 1;
      while (ahead < toks.length && NAME_PARTICLES.has(toks[ahead].norm) && !toks[ahead].cap) ahead++;
      const particle = !t.cap && NAME_PARTICLES.has(t.norm) && cur.length > 0 && !!toks[ahead]?.cap;
      const joins = cur.length > 0 && (t.gap === ' ' || (t.gap === '-' && (TITLE_WORDS.has(t.norm) || TITLE_WORDS.has(cur[cur.length - 1].norm))));
      if ((capital || particle) && !WEEKDAYS_MONTHS.has(t.norm) && !/^\d/.test(t.raw)) {
        if (cur.length > 0 && !joins) flush(i);
        if (cur.length === 0) startIdx = i;
        cur.push(t);
        if (t.possessive) flush(i + 1);
      } else flush(i);
    }
    flush(toks.length);
  }
  return runs;
}

function lowerAttested(corpus: string[]): Set<string> {
  const set = new Set<string>();
  for (const text of corpus) for (const t of tokenize(text)) if (!t.cap && !t.acronym) set.add(t.norm);
  return set;
}

function placeKey(norm: string): string | null {
  if (norm in DEMONYMS && (COUNTRIES.has(DEMONYMS[norm]) || DEMONYMS[norm] === 'europe')) {
    // "US", "Britain" are names of places; "Ukrainian" is a demonym (an affiliation, not a mention)
    if (['us', 'usa', 'uk', 'britain', 'america'].includes(norm)) return DEMONYMS[norm];
    return null;
  }
  if (COUNTRIES.has(norm)) return norm;
  return null;
}

/** Splits one run into name candidates with a first guess at their type. */
function candidatesOf(run: Run, text: string, lower: Set<string>): Candidate[] {
  let toks = run.tokens.slice();
  const out: Candidate[] = [];
  // leading sentence words ("However", "The", "Notably") and, in Title Case lines, ordinary words
  const ordinary = (t: Token) =>
    STOPWORDS.has(t.norm) || (lower.has(t.norm) && !TITLE_WORDS.has(t.norm) && !ORG_WORDS.has(t.norm) && !(t.norm in DEMONYMS) && !NAME_PARTICLES.has(t.norm));
  // Headlines in Title Case introduce no new names: every word there is capitalised.
  if (run.titleCaseLine) return out;
  if (!placeKey(toks.map((t) => t.norm).join(' '))) {
    while (toks.length && ordinary(toks[0])) toks.shift();
    while (toks.length && ordinary(toks[toks.length - 1]) && !ORG_WORDS.has(toks[toks.length - 1].norm)) toks.pop();
  }
  if (!toks.length || toks.every((t) => TITLE_WORDS.has(t.norm))) return out;
  if (toks.length === 1 && run.sentenceInitial && toks[0] === run.tokens[0]) {
    // a capitalised first word is only a name if it is known as one elsewhere
    out.push({ surface: surfaceOf(toks, text), norms: [toks[0].norm], type: 'unknown', title: null, titled: false, before: null, after: run.after, initial: true });
    return out;
  }

  // split off an organisation that ends inside the run ("European Commission Ursula von der Leyen")
  for (let k = 0; k < toks.length - 1; k++) {
    if (ORG_WORDS.has(toks[k].norm) && k >= 1 && !TITLE_WORDS.has(toks[k + 1].norm) === true && toks[k + 1].cap && !TITLE_WORDS.has(toks[k].norm)) {
      out.push(...candidatesOf({ ...run, tokens: toks.slice(0, k + 1), after: toks[k + 1] }, text, lower));
      return [...out, ...candidatesOf({ ...run, tokens: toks.slice(k + 1), before: toks[k], sentenceInitial: false }, text, lower)];
    }
  }
  // titles: everything after the last title word is the name; before it, affiliations
  let lastTitle = -1;
  for (let k = 0; k < toks.length - 1; k++) if (TITLE_WORDS.has(toks[k].norm)) lastTitle = k;
  if (lastTitle >= 0) {
    const name = toks.slice(lastTitle + 1);
    let firstTitle = lastTitle;
    while (firstTitle > 0 && TITLE_WORDS.has(toks[firstTitle - 1].norm)) firstTitle--;
    const affil = toks.slice(0, firstTitle);
    if (affil.length) out.push(...candidatesOf({ ...run, tokens: affil, after: toks[firstTitle] }, text, lower));
    const titleTok = toks[lastTitle];
    const looksLikeName =
      name.every((t) => (!lower.has(t.norm) || NAME_PARTICLES.has(t.norm)) && !TITLE_WORDS.has(t.norm)) && !placeKey(name.map((t) => t.norm).join(' '));
    if (looksLikeName && !name.every((t) => t.acronym)) {
      out.push({
        surface: surfaceOf(name, text), norms: name.map((t) => t.norm), type: 'person', title: titleTok.raw,
        titled: true, before: titleTok, after: run.after,
      });
      if (NAME_TITLES.has(titleTok.norm) && lastTitle === firstTitle)
        out.push({ surface: surfaceOf([titleTok, ...name], text), norms: [titleTok.norm, ...name.map((t) => t.norm)], type: 'person', title: null, titled: true, before: run.before, after: run.after });
      return out;
    }
    toks = name;
  }
  const norms = toks.map((t) => t.norm);
  const joined = norms.join(' ');
  if (toks.length === 1 && toks[0].norm in DEMONYMS && !placeKey(toks[0].norm)) return out; // a demonym alone
  let type: Candidate['type'] = 'unknown';
  if (ORG_METONYMS.has(joined)) type = 'organization';
  else if (placeKey(joined) || (joined in METONYMS && !ORG_METONYMS.has(joined))) type = 'place';
  else if (toks.every((t) => t.acronym)) type = 'organization';
  else if (ORG_WORDS.has(norms[norms.length - 1]) && toks.length >= 2) type = 'organization';
  else if (toks.length >= 2 && toks.every((t) => (!lower.has(t.norm) || NAME_PARTICLES.has(t.norm)) && !STOPWORDS.has(t.norm) && !NUMBER_WORDS.has(t.norm)))
    type = 'person';
  else if (toks.length >= 2) type = 'other';
  if (run.before && ROLE_BEFORE.has(run.before.norm) && toks.length >= 2) type = 'person';
  out.push({ surface: surfaceOf(toks, text), norms, type, title: null, titled: false, before: run.before, after: run.after });
  return out;
}

interface PersonGroup {
  givens: Map<string, number>;
  surnames: Map<string, number>;
  forms: Map<string, number>;
  full: Map<string, number>;
  count: number;
}

/**
 * Whether one of a group's surnames is `norm` or a spelling variant of it. isSpellingVariant
 * is false for two different words unless both have five letters or more, the same first
 * letter and lengths within two: those are tested first, as they are cheap.
 */
function hasSurnameVariant(p: PersonGroup, norm: string): boolean {
  for (const s of p.surnames.keys()) {
    if (s === norm) return true;
    if (s.length < 5 || norm.length < 5 || s[0] !== norm[0] || Math.abs(s.length - norm.length) > 2) continue;
    if (isSpellingVariant(s, norm)) return true;
  }
  return false;
}

function bump(m: Map<string, number>, k: string, n = 1) {
  m.set(k, (m.get(k) ?? 0) + n);
}
function top(m: Map<string, number>): string {
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

function slug(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** Discovers the entities of a corpus. Deterministic: the same texts give the same list. */
export function discoverEntities(texts: string[]): IndexEntity[] {
  const lower = lowerAttested(texts);
  const cands: Candidate[] = [];
  for (const text of texts) for (const run of runsOf(text)) cands.push(...candidatesOf(run, text, lower));

  // 1. people with a given name and a surname
  const people: PersonGroup[] = [];
  const full = cands.filter((c) => c.type === 'person' && nameNorms(c.norms).length >= 2);
  const fullCounts = new Map<string, { c: Candidate; n: number }>();
  for (const c of full) {
    const k = c.norms.join(' ');
    const e = fullCounts.get(k);
    if (e) e.n++;
    else fullCounts.set(k, { c, n: 1 });
  }
  const ordered = [...fullCounts.values()].sort((a, b) => b.n - a.n || a.c.surface.localeCompare(b.c.surface));
  const groupOfForm = new Map<string, PersonGroup>();
  for (const { c, n } of ordered) {
    const ns = nameNorms(c.norms);
    const given = ns[0];
    const surname = ns[ns.length - 1];
    let g = people.find((p) => hasSurnameVariant(p, surname) && [...p.givens.keys()].some((x) => isGivenNameVariant(x, given)));
    if (!g) {
      g = { givens: new Map(), surnames: new Map(), forms: new Map(), full: new Map(), count: 0 };
      people.push(g);
    }
    bump(g.givens, given, n);
    bump(g.surnames, surname, n);
    bump(g.forms, c.surface, n);
    if (!c.norms.some((x) => NAME_TITLES.has(x))) bump(g.full, c.surface, n);
    g.count += n;
    groupOfForm.set(c.norms.join(' '), g);
  }
  const personBySurname = (norm: string): PersonGroup | undefined =>
    people
      .filter((p) => hasSurnameVariant(p, norm))
      .sort((a, b) => b.count - a.count)[0];

  // 2. everything else
  const others = new Map<string, { type: EntityType; forms: Map<string, number>; count: number }>();
  const addOther = (key: string, type: EntityType, surface: string) => {
    const o = others.get(key) ?? { type, forms: new Map(), count: 0 };
    bump(o.forms, surface);
    o.count++;
    if (o.type === 'other' && type !== 'other') o.type = type;
    others.set(key, o);
  };
  const pending: Candidate[] = [];
  for (const c of cands) {
    const bare = nameNorms(c.norms);
    if (c.type === 'person' && bare.length >= 2) continue;
    const joined = c.norms.join(' ');
    if (bare.length === 1) {
      const p = personBySurname(bare[0]);
      if (p && c.type !== 'place' && c.type !== 'organization') {
        bump(p.surnames, bare[0]);
        bump(p.forms, c.surface);
        p.count++;
        continue;
      }
    }
    if (c.type === 'place') {
      const key = placeKey(joined) ?? joined;
      addOther('place:' + key, 'place', c.surface);
    } else if (c.type === 'organization') addOther('org:' + joined, 'organization', c.surface);
    else if (c.type === 'person') {
      // a lone titled surname we have no full name for ("Chancellor Merz")
      const g = { givens: new Map(), surnames: new Map([[c.norms[c.norms.length - 1], 1]]), forms: new Map([[c.surface, 1]]), full: new Map(), count: 1 };
      people.push(g);
    } else pending.push(c);
  }
  // 3. unknown single words: a place after a locative preposition, a person before a speech verb
  const seenInside = new Set(pending.filter((c) => !c.initial).map((c) => c.norms.join(' ')));
  for (const c of pending) {
    if (c.initial && !seenInside.has(c.norms.join(' ')) && !others.has('place:' + c.norms.join(' ')) && !others.has('org:' + c.norms.join(' '))) {
      const p = personBySurname(c.norms[0]);
      if (p) {
        bump(p.forms, c.surface);
        p.count++;
      }
      continue;
    }
    const joined = c.norms.join(' ');
    if (others.has('place:' + joined) || others.has('org:' + joined)) {
      addOther(others.has('place:' + joined) ? 'place:' + joined : 'org:' + joined, 'other', c.surface);
      continue;
    }
    if (c.norms.length === 1) {
      const p = personBySurname(c.norms[0]);
      if (p) {
        bump(p.forms, c.surface);
        p.count++;
        continue;
      }
      if (c.before && LOCATIVE.has(c.before.norm)) addOther('place:' + joined, 'place', c.surface);
      else if (c.after && SPEECH_VERBS.has(c.after.norm)) addOther('person:' + joined, 'person', c.surface);
      else addOther('other:' + joined, 'other', c.surface);
    } else addOther('other:' + joined, 'other', c.surface);
  }

  const entities: IndexEntity[] = [];
  for (const p of people) {
    const surname = top(p.surnames);
    const givenForms = [...p.full.keys()];
    let name: string;
    if (givenForms.length) {
      // the most frequent full form, spelled with the most frequent surname
      const best = top(p.full);
      const parts = best.split(' ');
      const surnameSurface = [...p.forms.keys()].find((f) => tokenize(f).some((t) => t.norm === surname)) ?? parts[parts.length - 1];
      const sTok = tokenize(surnameSurface).find((t) => t.norm === surname);
      parts[parts.length - 1] = sTok ? sTok.raw.replace(/['’]s?$/, '') : parts[parts.length - 1];
      name = parts.join(' ');
    } else name = top(p.forms).split(' ').filter((w) => !NAME_TITLES.has(w.toLowerCase())).join(' ') || top(p.forms);
    entities.push({ id: slug(name), name, type: 'person', aliases: [...p.forms.keys()].sort() });
  }
  for (const [key, o] of others) {
    const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    // an unknown word seen once is noise, not an entity
    if (kind === 'other' && o.count < 2) continue;
    let name = top(o.forms);
    if (o.type === 'place' && COUNTRIES.has(rest)) {
      const proper = [...o.forms.keys()].find((f) => f.toLowerCase() === rest);
      name = proper ?? titleCase(rest);
    }
    entities.push({ id: slug(name), name, type: o.type, aliases: [...o.forms.keys()].sort() });
  }
  // an acronym that spells the initials of a longer name is that name ("ICC")
  // (names and types do not change in this loop: each name's initials are worked out once)
  const initials = new Map<IndexEntity, string>();
  for (const e of entities)
    if (e.type !== 'person') initials.set(e, e.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !STOPWORDS.has(w.toLowerCase())).map((w) => w[0]).join(''));
  for (const a of entities.filter((e) => /^\p{Lu}{2,6}$/u.test(e.name))) {
    const long = entities.find((e) => e !== a && e.type !== 'person' && initials.get(e) === a.name);
    if (long) {
      long.aliases = [...new Set([...long.aliases, ...a.aliases])].sort();
      a.id = '';
    }
  }
  // merge duplicate ids deterministically
  const byId = new Map<string, IndexEntity>();
  for (const e of entities) {
    if (!e.id) continue;
    const prev = byId.get(e.id);
    if (prev) prev.aliases = [...new Set([...prev.aliases, ...e.aliases])].sort();
    else byId.set(e.id, e);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
