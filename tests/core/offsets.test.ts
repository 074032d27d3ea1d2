import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { analyze } from '../../src/core/engine';
import { seedIndex, SEEDS } from './seed';
import type { AnalysisResult } from '../../src/core/types';

function expectOffsets(text: string, r: AnalysisResult) {
  for (const e of r.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  for (const c of r.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
}

describe('offsets', () => {
  const index = seedIndex();
  for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt'))) {
    it(`every mention and claim of ${f} slices its own text`, () => {
      const text = readFileSync(`${SEEDS}/${f}`, 'utf8');
      const r = analyze(text, index);
      expect(r.claims.length).toBeGreaterThan(5);
      expectOffsets(text, r);
    });
  }

  it('holds for text with curly quotes, contractions and soft hyphens of our own', () => {
    const text = 'Zelen\u00adsky’s aide said: “We won’t sign.” President Putin’s envoy didn’t comment.\n\nNATO’s chief, Mark Rutte, wasn’t there.';
    expectOffsets(text, analyze(text, index));
  });

  it('arbitrary Unicode never throws, offsets hold and a second run gives the same result', () => {
    const pieces = fc.constantFrom('Trump', 'Zelenskyy', ' said ', '“', '”', '"', '.', ',', '\n', ' not ', '$90 billion', 'ceasefire', 'é', '\u200d', '\u00ad', '👍🏽', 'مرحبا', '中文', ' ');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const a = analyze(text, index);
        expectOffsets(text, a);
        expect(analyze(text, index)).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });
});
