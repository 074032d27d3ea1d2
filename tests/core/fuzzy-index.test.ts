import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions } from '../../src/core/extract/entities';
import { isGivenNameVariant, isSpellingVariant } from '../../src/core/extract/fuzzy';
import { tokenize } from '../../src/core/text/tokens';
import type { IndexEntity } from '../../src/core/index/schema';

// Misspelt names are looked up among surnames with the same first letter and a length within
// two. The mentions must be those of comparing the word with every surname in order.
function slowFuzzy(text: string, entities: IndexEntity[]): string[] {
  const m = compileMatcher(entities);
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (!t.cap || t.norm.length < 5 || m.byFirst.has(t.norm)) continue;
    for (const [surname, ids] of m.surnames) {
      if (surname !== t.norm && isSpellingVariant(surname, t.norm)) {
        out.push(ids[0]);
        break;
      }
    }
  }
  return out;
}

describe('fuzzy person lookup', () => {
  const names = ['Zelenskyy', 'Zelenska', 'Friedrich Merz', 'Vladimir Putin', 'Keir Starmer', 'Emmanuel Macron', 'Giorgia Meloni', 'Alexander Stubb', 'Mark Rutte', 'Ursula Leyen'];
  const entities: IndexEntity[] = names.map((n, i) => ({ id: 'p' + i, name: n, type: 'person', aliases: [] }));
  for (let i = 0; i < 300; i++) entities.push({ id: 'x' + i, name: `Given${i} Surname${String.fromCharCode(97 + (i % 26))}${'x'.repeat(i % 7)}`, type: 'person', aliases: [] });

  it('finds spelling variants of long and short surnames, one or two edits apart', () => {
    const text = 'Zelenskiy met Starmar and Macronn. Later Meloni, Stubbb and Ruttee spoke; Surnamebxx was there. Zelenskyyi too.';
    const m = compileMatcher(entities);
    const found = findMentions(text, tokenize(text), m).map((x) => x.entity);
    expect(found).toEqual(expect.arrayContaining(slowFuzzy(text, entities)));
    expect(found).toContain('p0');
    expect(found).toContain('p4');
  });

  it('a given-name variant before a known surname is that person', () => {
    const text = 'Fredriech Merz said so.';
    const m = compileMatcher(entities);
    expect(findMentions(text, tokenize(text), m).map((x) => [x.entity, x.text])).toEqual([['p2', 'Fredriech Merz']]);
    expect(isGivenNameVariant('friedrich', 'fredriech')).toBe(true);
  });

  it('answers the same after the surname table grows', () => {
    const m = compileMatcher(entities);
    const text = 'Putinn spoke.';
    expect(findMentions(text, tokenize(text), m).map((x) => x.entity)).toEqual(['p3']);
    m.surnames.set('putinx', ['late']);
    expect(findMentions(text, tokenize(text), m).map((x) => x.entity)).toEqual(['p3']);
  });
});
