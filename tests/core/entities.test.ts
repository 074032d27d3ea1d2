import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/engine';
import { seedIndex } from './seed';

const index = seedIndex();
const mentionsOf = (text: string) =>
  analyze(text, index).entities.flatMap((e) => e.mentions.map((m) => ({ name: e.name, text: m.text })));

describe('entity mentions', () => {
  it('links aliases and spelling variants to one person', () => {
    const ms = mentionsOf('Zelenskyy met Volodymyr Zelenskiy’s aides; later Zelenskyi spoke, and President Zelensky left.');
    expect(ms.filter((m) => m.name === 'Volodymyr Zelensky').map((m) => m.text)).toEqual([
      'Zelenskyy', 'Volodymyr Zelenskiy', 'Zelenskyi', 'President Zelensky',
    ]);
  });

  it('links a misspelt given name before a known surname', () => {
    expect(mentionsOf('Chancellor Fridrich Merz arrived.').find((m) => m.name === 'Friedrich Merz')?.text).toBe('Fridrich Merz');
  });

  it('never takes another family member for the person sharing the surname', () => {
    const ms = mentionsOf('Melania Trump and Olena Zelenska wrote letters; Ivanka Trump did not.');
    expect(ms.some((m) => m.name === 'Donald Trump')).toBe(false);
    expect(ms.some((m) => m.name === 'Volodymyr Zelensky')).toBe(false);
    expect(ms.map((m) => m.name)).toEqual(expect.arrayContaining(['Melania Trump', 'Olena Zelenska']));
  });

  it('matches capitalised names only, and acronyms only in capitals', () => {
    const ms = mentionsOf('They asked us about the trump card. About Us: nato policy.');
    expect(ms).toEqual([]);
    expect(mentionsOf('The US and NATO agreed.').map((m) => m.name)).toEqual(['United States', 'NATO']);
  });
});
