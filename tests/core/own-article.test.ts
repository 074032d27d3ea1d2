import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/engine';
import { seedIndex, SEEDS } from './seed';

const index = seedIndex();
const seed = (id: string) => readFileSync(`${SEEDS}/${id}.txt`, 'utf8');

/** A re-publication: straight quotes, a changed headline, a sentence cut, words edited, boilerplate around it. */
function republish(text: string): string {
  const lines = text.split('\n').filter(Boolean);
  const edited = lines
    .slice(1)
    .filter((_, i) => i !== 3)
    .map((l, i) => (i % 4 === 0 ? l.replace(/\bsaid\b/, 'told reporters') : l))
    .map((l) => l.replace(/[“”]/g, '"').replace(/’/g, "'"));
  return ['Sign up for our newsletter', 'A different headline for the same story', ...edited, 'Related: more from our politics desk'].join('\n');
}

describe('the page’s own article', () => {
  for (const id of ['000_a45b5977d33f2883', '001_05538c842d29af46', '002_ea448918cd7fbcf1', '003_47dcfd72622b8e67']) {
    it(`is recognised for ${id}, also re-published with small edits, and never matched against itself`, () => {
      for (const text of [seed(id), republish(seed(id))]) {
        const r = analyze(text, index);
        expect(r.document.matchedIndexDoc).toBe(id);
        for (const c of r.claims) for (const m of c.matches) expect(m.doc).not.toBe(id);
        // the other seed articles still speak to it
        expect(r.claims.some((c) => c.matches.some((m) => m.stance === 'corroborates'))).toBe(true);
      }
    });
  }

  it('is not claimed for a page that only quotes one sentence of an indexed article', () => {
    const text = [
      'A regional paper summarised the week in foreign policy.',
      '“I can’t imagine that the next meeting would take place without a ceasefire,” Merz said.',
      'Elsewhere, farmers protested about diesel prices and a storm closed two ports.',
    ].join('\n');
    const r = analyze(text, index);
    expect(r.document.matchedIndexDoc).toBeNull();
    expect(r.claims.some((c) => c.matches.some((m) => m.stance === 'corroborates' && m.reasons.join(' ').includes('same quote')))).toBe(true);
  });
});
