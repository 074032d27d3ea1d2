// Scoring rules of `npm run eval`, on small made-up data (never the gold set's sentences).
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, ClaimResult, EntityResult, MatchResult, Stance } from '../../src/core/types';
import {
  covers, MAX_COVER_WORDS, perTenThousand, scoreNegatives, scorePairs, scoreUnrelated, selfMatches, summarisePairs,
  type GoldPair, type PageRun,
} from '../../src/cli/eval-score';
import { findOccurrences, findWord, scoreEntities, scoreTraps } from '../../src/cli/eval-entities';

function match(doc: string, statement: string, stance: Stance, score = 0.5): MatchResult {
  return { doc, outlet: null, title: null, statement, stance, score, reasons: [] };
}
function claim(text: string, matches: MatchResult[] = []): ClaimResult {
  return { text, start: 0, end: text.length, kind: 'statement', speaker: null, entities: [], matches };
}
function result(claims: ClaimResult[], entities: EntityResult[] = [], self: string | null = null): AnalysisResult {
  return { document: { title: null, words: 100, matchedIndexDoc: self }, entities, claims };
}
function run(doc: string, text: string, r: AnalysisResult): PageRun {
  return { doc, text, result: r };
}

describe('covers', () => {
  it('accepts a claim containing the quote, whatever the quotes, case or punctuation', () => {
    expect(covers('The mayor said: “We will rebuild the pier by June,” on Friday.', 'we will rebuild the pier by June')).toBe(true);
    expect(covers('Officials can’t confirm the figure.', "officials can't confirm the figure")).toBe(true);
  });

  it('accepts a claim sharing at least 60% of the quote’s words, rejects below', () => {
    // quote has 10 words; the claim shares 6 of them
    const quote = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet';
    expect(covers('alpha bravo charlie delta echo foxtrot and more', quote)).toBe(true);
    expect(covers('alpha bravo charlie delta echo and more', quote)).toBe(false);
  });

  it('counts repeated words only as often as the claim has them', () => {
    expect(covers('the cat', 'the the the cat sat')).toBe(false);
  });

  it('never lets a paragraph-sized claim cover anything', () => {
    const quote = 'the bridge reopened on Tuesday';
    const long = `${quote} ${'and then more words followed '.repeat(12)}`;
    expect(long.split(/\s+/).filter(Boolean).length).toBeGreaterThan(MAX_COVER_WORDS);
    expect(covers(long, quote)).toBe(false);
    expect(covers(`${quote} and a short tail.`, quote)).toBe(true);
  });

  it('rejects empty input', () => {
    expect(covers('', 'anything')).toBe(false);
    expect(covers('anything', '')).toBe(false);
  });
});

describe('pairs', () => {
  const pairs: GoldPair[] = [
    { page: { doc: 'a', quote: 'the dam will open in May' }, statement: { doc: 'b', quote: 'dam opens in May' }, stance: 'corroborates', accept: [] },
    { page: { doc: 'a', quote: 'the toll is ten dollars' }, statement: { doc: 'c', quote: 'the toll is twelve dollars' }, stance: 'conflicts', accept: [] },
    { page: { doc: 'a', quote: 'ferries run hourly' }, statement: { doc: 'b', quote: 'ferries run every hour' }, stance: 'corroborates', accept: ['related'] },
    { page: { doc: 'a', quote: 'harbour master resigned in March' }, statement: { doc: 'c', quote: 'harbour master stepped down' }, stance: 'corroborates', accept: [] },
  ];
  const runs = new Map([
    ['a', run('a', '', result([
      claim('Engineers said the dam will open in May.', [match('c', 'The dam opens in May.', 'corroborates', 0.9), match('b', 'The dam opens in May, say engineers.', 'corroborates', 0.6)]),
      claim('The council said the toll is ten dollars.', [match('c', 'Drivers pay because the toll is twelve dollars.', 'corroborates')]),
      claim('Ferries run hourly in summer.', [match('b', 'Ferries run every hour now.', 'related')]),
      claim('Nothing about boats here.', [match('c', 'The harbour master stepped down.', 'corroborates')]),
    ]))],
  ]);
  const out = scorePairs(pairs, runs);

  it('finds a pair only through the right document and a covering statement', () => {
    expect(out.map((o) => !!o.found)).toEqual([true, true, true, false]);
    expect(out[0].found!.doc).toBe('b');
  });

  it('judges stance against the gold stance or the accepted ones', () => {
    expect(out.map((o) => o.stanceOk)).toEqual([true, false, true, false]);
  });

  it('summarises recall, stance accuracy both ways, and conflicts found', () => {
    const s = summarisePairs(out);
    expect(s).toMatchObject({ pairs: 4, found: 3, stanceCorrect: 2, conflictsTotal: 1, conflictsFound: 0 });
    expect(s.recall).toBeCloseTo(0.75);
    expect(s.stanceAccuracyFound).toBeCloseTo(2 / 3);
    expect(s.stanceAccuracyAll).toBeCloseTo(0.5);
  });

  it('a missing page finds nothing rather than failing', () => {
    expect(scorePairs(pairs, new Map())[0].found).toBeNull();
  });
});

describe('negatives, self matches and unrelated pages', () => {
  const runs = new Map([
    ['a', run('a', '', result([
      claim('The festival drew a record crowd.', [match('b', 'Crowds were small.', 'related')]),
      claim('The bakery closed after forty years.', [match('b', 'A bakery shut down.', 'corroborates')]),
      claim('Rain is expected tomorrow.', [match('a', 'Rain is expected tomorrow.', 'corroborates')]),
    ], [], 'a'))],
  ]);

  it('only corroborating or conflicting matches hit a negative', () => {
    const out = scoreNegatives([{ page: { doc: 'a', quote: 'drew a record crowd' } }, { page: { doc: 'a', quote: 'bakery closed after forty years' } }], runs);
    expect(out.map((n) => n.hits.length)).toEqual([0, 1]);
  });

  it('reports matches from the page’s own article', () => {
    expect(selfMatches(runs)).toEqual([{ doc: 'a', claim: 'Rain is expected tomorrow.' }]);
  });

  it('counts one false match per claim and normalises per 10,000 words', () => {
    const r = result([
      claim('One.', [match('x', 's', 'corroborates'), match('y', 's', 'conflicts')]),
      claim('Two.', [match('x', 's', 'related')]),
      claim('Three.', [match('x', 's', 'conflicts')]),
    ]);
    const p = scoreUnrelated('p.html', 4000, r);
    expect(p.falseMatches).toBe(2);
    expect(perTenThousand([p, { name: 'q', words: 6000, falseMatches: 0, examples: [] }])).toBeCloseTo(2);
    expect(perTenThousand([])).toBe(0);
  });
});

describe('entity occurrences', () => {
  const gold = [
    { name: 'Ana Lopez', type: 'person', aliases: ['Lopez', 'Ana Lopez', 'Mayor Ana Lopez'] },
    { name: 'Rivertown', type: 'place', aliases: ['Rivertown'] },
  ];

  it('finds whole words only, case-sensitive, with possessives after a curly apostrophe', () => {
    const t = 'Lopez’s plan. Lopezville and lopez are not her. (Lopez)';
    expect(findWord(t, 'Lopez')).toEqual([0, 49]);
  });

  it('keeps the longest alias where aliases overlap, and lets trap surfaces block', () => {
    const t = 'Mayor Ana Lopez met Lopez and Maria Lopez in Rivertown.';
    const occ = findOccurrences('d', t, gold, ['Maria Lopez']);
    expect(occ.map((o) => o.surface)).toEqual(['Mayor Ana Lopez', 'Lopez', 'Rivertown']);
  });

  const text = 'Mayor Ana Lopez visited Rivertown. Lopez spoke. Maria Lopez listened.';
  const at = (s: string, from = 0) => text.indexOf(s, from);
  const lopez: EntityResult = {
    id: 'e1', name: 'Ana Lopez', type: 'person',
    mentions: [
      { text: 'Ana Lopez', start: at('Ana Lopez'), end: at('Ana Lopez') + 9 },
      { text: 'Lopez', start: at('Lopez spoke'), end: at('Lopez spoke') + 5 },
      { text: 'Lopez', start: at('Lopez listened'), end: at('Lopez listened') + 5 },
    ],
  };
  const river: EntityResult = { id: 'e2', name: 'Rivertown', type: 'organization', mentions: [] };
  const runs = [run('d', text, result([], [lopez, river]))];

  it('maps gold to engine entities, scores recall (titles may be left out) and type accuracy', () => {
    const out = scoreEntities(gold, runs, ['Maria Lopez']);
    expect(out.occurrences).toBe(3);
    expect(out.hits).toBe(2);
    expect(out.misses.map((m) => m.occ.surface)).toEqual(['Rivertown']);
    expect(out.mapping.get('Ana Lopez')).toMatchObject({ key: 'e1' });
    expect(out.mapping.get('Rivertown')).toBeNull();
    expect(out).toMatchObject({ typeCorrect: 1, typeTotal: 1 });
  });

  it('counts a trap link when a mention inside the trap surface links to the forbidden entity', () => {
    const out = scoreEntities(gold, runs, ['Maria Lopez']);
    const traps = scoreTraps([{ page: { doc: 'd', quote: 'Maria Lopez' }, must_not_link_to: 'Ana Lopez' }], new Map(runs.map((r) => [r.doc, r])), out.mapping);
    expect(traps[0]).toMatchObject({ occurrences: 1, links: 1 });
  });
});
