// Entity scoring for `npm run eval`.
//
// Occurrences: every place a gold alias appears in a page's text as a whole word,
// case-sensitive ("Putin’s" counts as Putin: an apostrophe ends a word). Where aliases
// overlap the longest wins ("President Donald Trump" is one occurrence, not three), and
// trap surfaces ("Melania Trump") block the shorter aliases inside them.
//
// An occurrence is a hit when an engine mention linked to the gold entity's engine entity
// covers it. Leading title words ("President", "Chancellor"…) may be left out of the
// mention when what remains is itself an alias of the same entity.
// Each gold entity maps to the engine entity most of its occurrences are linked to.
import type { EntityResult } from '../core/types';
import type { GoldEntity, GoldTrap, PageRun } from './eval-score';

const TITLE_WORDS = new Set([
  'President', 'Vice', 'Prime', 'Minister', 'Chancellor', 'Secretary', 'General', 'Foreign', 'Defence', 'Defense',
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Sir', 'Dame', 'Lord', 'Lady', 'King', 'Queen', 'Prince',
  'Princess', 'Senator', 'Governor', 'Mayor', 'Pope', 'First', 'Special', 'Envoy', 'Commission', 'Premier',
]);

export interface Occurrence { doc: string; start: number; end: number; surface: string; entity: string }

const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);

export function findWord(text: string, surface: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + surface.length])) out.push(i);
  }
  return out;
}

/** Gold entity occurrences in one text, longest surface first, trap surfaces blocking. */
export function findOccurrences(doc: string, text: string, entities: GoldEntity[], blockers: string[] = []): Occurrence[] {
  const all: Occurrence[] = [];
  for (const e of entities) {
    for (const alias of new Set(e.aliases)) {
      for (const start of findWord(text, alias)) all.push({ doc, start, end: start + alias.length, surface: alias, entity: e.name });
    }
  }
  for (const b of blockers) {
    for (const start of findWord(text, b)) all.push({ doc, start, end: start + b.length, surface: b, entity: '' });
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Occurrence[] = [];
  for (const o of all) {
    if (kept.some((k) => k.start < o.end && o.start < k.end)) continue;
    kept.push(o);
  }
  return kept.filter((o) => o.entity !== '').sort((a, b) => a.start - b.start);
}

const keyOf = (e: EntityResult) => e.id ?? e.name;

interface Linked { key: string; entity: EntityResult }

/** Engine entities whose mentions cover the occurrence (allowing dropped leading titles). */
function coveringLinks(o: Occurrence, result: PageRun['result'], aliases: Set<string>): Linked[] {
  const spans = [{ start: o.start, end: o.end }];
  // Occurrence minus leading title words, when the rest is an alias too.
  const words = o.surface.split(' ');
  for (let k = 1; k < words.length && TITLE_WORDS.has(words[k - 1]); k++) {
    const rest = words.slice(k).join(' ');
    if (aliases.has(rest)) spans.push({ start: o.end - rest.length, end: o.end });
  }
  const out: Linked[] = [];
  for (const e of result.entities) {
    if (e.mentions.some((m) => spans.some((s) => m.start <= s.start && m.end >= s.end))) out.push({ key: keyOf(e), entity: e });
  }
  return out;
}

export interface EntityOutcome {
  occurrences: number;
  hits: number;
  recall: number;
  /** Gold name -> engine entity (key, name, type), or null when nothing links. */
  mapping: Map<string, { key: string; name: string; type: string } | null>;
  typeCorrect: number;
  typeTotal: number;
  misses: { occ: Occurrence; got: string }[];
}

export function scoreEntities(entities: GoldEntity[], runs: PageRun[], blockers: string[]): EntityOutcome {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const rows: { occ: Occurrence; links: Linked[] }[] = [];
  for (const run of runs) {
    for (const occ of findOccurrences(run.doc, run.text, entities, blockers)) {
      rows.push({ occ, links: coveringLinks(occ, run.result, new Set(byName.get(occ.entity)!.aliases)) });
    }
  }
  // Majority vote: which engine entity do this gold entity's occurrences link to?
  const mapping: EntityOutcome['mapping'] = new Map();
  for (const e of entities) {
    const votes = new Map<string, { n: number; entity: EntityResult }>();
    for (const r of rows) {
      if (r.occ.entity !== e.name) continue;
      for (const l of r.links) {
        const v = votes.get(l.key) ?? { n: 0, entity: l.entity };
        v.n++;
        votes.set(l.key, v);
      }
    }
    let best: { key: string; n: number; entity: EntityResult } | null = null;
    for (const [key, v] of votes) if (!best || v.n > best.n) best = { key, ...v };
    mapping.set(e.name, best ? { key: best.key, name: best.entity.name, type: best.entity.type } : null);
  }
  const misses: EntityOutcome['misses'] = [];
  let hits = 0;
  for (const r of rows) {
    const want = mapping.get(r.occ.entity);
    if (want && r.links.some((l) => l.key === want.key)) hits++;
    else misses.push({ occ: r.occ, got: r.links.length ? r.links.map((l) => l.entity.name).join(', ') : 'no mention' });
  }
  let typeCorrect = 0;
  let typeTotal = 0;
  for (const e of entities) {
    const m = mapping.get(e.name);
    if (!m) continue;
    typeTotal++;
    if (m.type === e.type) typeCorrect++;
  }
  return { occurrences: rows.length, hits, recall: rows.length ? hits / rows.length : 0, mapping, typeCorrect, typeTotal, misses };
}

export interface TrapOutcome { trap: GoldTrap; occurrences: number; links: number }

/** A trap occurrence is linked when any mention overlapping it links to the forbidden entity. */
export function scoreTraps(traps: GoldTrap[], runs: Map<string, PageRun>, mapping: EntityOutcome['mapping']): TrapOutcome[] {
  return traps.map((trap) => {
    const run = runs.get(trap.page.doc);
    const forbidden = mapping.get(trap.must_not_link_to);
    const starts = run ? findWord(run.text, trap.page.quote) : [];
    let links = 0;
    for (const start of starts) {
      const end = start + trap.page.quote.length;
      const bad = run!.result.entities.some(
        (e) =>
          (forbidden ? keyOf(e) === forbidden.key : e.name === trap.must_not_link_to) &&
          e.mentions.some((m) => m.start < end && start < m.end),
      );
      if (bad) links++;
    }
    return { trap, occurrences: starts.length, links };
  });
}
