import { describe, expect, it } from 'vitest';
import {
  entityOptions,
  filterClaims,
  leadingStance,
  matchSource,
  mostContested,
  NO_FILTER,
  openingWords,
  summarizeClaims,
  visibleMatches,
} from '../../src/ui/claims';
import type { ClaimResult, MatchResult, Stance } from '../../src/core/types';
import { SAMPLE } from '../export/sample-analysis';

const match = (stance: Stance, score = 0.5): MatchResult => ({
  doc: `d-${stance}-${score}`,
  outlet: 'O',
  title: null,
  statement: 's',
  stance,
  score,
  reasons: [],
});
const claim = (...matches: MatchResult[]): ClaimResult => ({
  text: 'c',
  start: 0,
  end: 1,
  kind: 'statement',
  speaker: null,
  entities: [],
  matches,
});

describe('claim summaries', () => {
  it('counts claims by the stances of their matches', () => {
    expect(summarizeClaims(SAMPLE.claims)).toEqual({ total: 3, corroborates: 1, conflicts: 1, related: 1, none: 1 });
  });

  it('names a claim by its most pressing stance', () => {
    expect(leadingStance(SAMPLE.claims[0])).toBe('conflicts');
    expect(leadingStance(SAMPLE.claims[1])).toBe('related');
    expect(leadingStance(SAMPLE.claims[2])).toBe('none');
  });

  it('orders the most contested first: conflicts, then more matches', () => {
    const claims = [
      claim(match('corroborates'), match('corroborates'), match('related')), // 0: 3 matches, no conflict
      claim(match('conflicts')), // 1: conflict, 1 match
      claim(), // 2: no matches: left out
      claim(match('conflicts'), match('corroborates')), // 3: conflict, 2 matches
      claim(match('related')), // 4
    ];
    expect(mostContested(claims)).toEqual([3, 1, 0, 4]);
    expect(mostContested(claims, 2)).toEqual([3, 1]);
  });
});

describe('filters', () => {
  it('keeps everything with no filter', () => {
    expect(filterClaims(SAMPLE, NO_FILTER)).toEqual([0, 1, 2]);
  });

  it('filters by stance, including claims without matches', () => {
    expect(filterClaims(SAMPLE, { stances: ['conflicts'], entity: null })).toEqual([0]);
    expect(filterClaims(SAMPLE, { stances: ['related', 'none'], entity: null })).toEqual([1, 2]);
    expect(filterClaims(SAMPLE, { stances: [], entity: null })).toEqual([]);
    // matches under a claim follow the stance filter too, closest first
    expect(visibleMatches(SAMPLE.claims[0], { stances: ['conflicts'], entity: null }).map((m) => m.stance)).toEqual([
      'conflicts',
    ]);
    const c = claim(match('related', 0.2), match('related', 0.9));
    expect(visibleMatches(c, NO_FILTER).map((m) => m.score)).toEqual([0.9, 0.2]);
  });

  it('filters by entity and combines with stance', () => {
    expect(filterClaims(SAMPLE, { ...NO_FILTER, entity: 'e-un' })).toEqual([1]);
    expect(filterClaims(SAMPLE, { stances: ['conflicts'], entity: 'e-un' })).toEqual([]);
    expect(entityOptions(SAMPLE)).toEqual([
      { id: 'e-un', name: 'United Nations', claims: 1 },
      { id: 'e-zel', name: 'Volodymyr Zelensky', claims: 1 },
    ]);
  });
});

describe('match source', () => {
  it('uses outlet, title, then the document opening words', () => {
    const m = SAMPLE.claims[1].matches[0];
    expect(matchSource(m)).toEqual({ outlet: null, title: null, fallback: 'About 1,200 people were displaced, according to UN…' });
    expect(matchSource(m, 'Opening of the indexed article').fallback).toBe('Opening of the indexed article…');
    expect(matchSource(SAMPLE.claims[0].matches[0]).outlet).toBe('Kyiv Independent');
    expect(openingWords('  a  b ')).toBe('a b');
  });
});
