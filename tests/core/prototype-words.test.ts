import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/engine';
import { readSentences } from '../../src/core/extract/claims';
import { seedIndex } from './seed';

// Words like "constructor" are keys of every plain object; word tables must not find them.
describe('words that name Object.prototype properties', () => {
  const index = seedIndex();
  const text = 'The building constructor said the deal would not take years. Constructor prices rose, and the constructor’s valueOf toString hasOwnProperty plan failed.';

  it('are read as ordinary words (no modality, place or contraction from Object.prototype)', () => {
    const sentences = readSentences(text, index.matcher);
    expect(sentences).toHaveLength(2);
    for (const s of sentences) {
      for (const t of s.tokens) expect(typeof t.norm).toBe('string');
      expect(typeof s.modality).toBe('string');
    }
    expect(sentences[1].modality).toBe('fact');
  });

  it('do not stop the analysis of a page', () => {
    expect(() => analyze(text, index)).not.toThrow();
  });
});
