import { describe, expect, it } from 'vitest';
import type { AnalysisResult, ClaimResult, MatchResult, Stance } from '../../src/core/types';
import { countMarks, dominantStance, markableClaims } from '../../src/page/marks';
import { sourceLabel } from '../../src/page/card';

const match = (stance: Stance, over: Partial<MatchResult> = {}): MatchResult => ({
  doc: '001_x', outlet: null, title: null, statement: 'Trump met Zelenskiy at the White House on Monday afternoon.',
  stance, score: 0.6, reasons: ['same people'], ...over,
});
const claim = (start: number, matches: MatchResult[]): ClaimResult => ({
  text: 'x', start, end: start + 1, kind: 'statement', speaker: null, entities: [], matches,
});

describe('what gets marked', () => {
  it('marks a claim by its strongest disagreement first', () => {
    expect(dominantStance(claim(0, [match('corroborates'), match('conflicts')]))).toBe('conflicts');
    expect(dominantStance(claim(0, [match('related'), match('corroborates')]))).toBe('corroborates');
    expect(dominantStance(claim(0, [match('related')]))).toBe('related');
    expect(dominantStance(claim(0, []))).toBeNull();
  });

  it('marks only claims with matches, in page order, and counts matches by stance', () => {
    const analysis: AnalysisResult = {
      document: { title: null, words: 10, matchedIndexDoc: null },
      entities: [],
      claims: [claim(50, [match('conflicts'), match('related')]), claim(0, []), claim(10, [match('corroborates')])],
    };
    const marked = markableClaims(analysis);
    expect(marked).toEqual([2, 0]);
    expect(countMarks(analysis, marked, [0, 3])).toEqual({
      entities: 2, claims: 2, matches: { corroborates: 1, conflicts: 1, related: 1 },
    });
  });

  it('names a source by outlet, then title, then the opening words of its document', () => {
    expect(sourceLabel(match('related', { outlet: 'Reuters', title: 'Trump meets Zelenskiy' }))).toBe('Reuters — Trump meets Zelenskiy');
    expect(sourceLabel(match('related', { title: 'Trump meets Zelenskiy' }))).toBe('Trump meets Zelenskiy');
    expect(sourceLabel(match('related'), 'Ukrainian President Volodymyr Zelensky returned to the White House today')).toBe(
      'Ukrainian President Volodymyr Zelensky returned to the White…',
    );
  });
});
