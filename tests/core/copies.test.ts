// A story re-published by several outlets is compared once: every copy is still reported,
// each with its own outlet, and the copies agree on stance, score and reasons.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/engine';
import { article, indexOf } from './helpers';

const shared = 'President Zelensky said on Monday that Ukraine would never give up the Donbas region in any peace deal.';

describe('re-published statements', () => {
  const index = indexOf(
    article('a', `Talks in Washington ended late. ${shared} Officials declined to comment.`, 'Outlet A'),
    article('b', `${shared} The meeting lasted two hours.`, 'Outlet B'),
    article('c', 'Markets rose on Monday after a quiet weekend of trading in Asia.', 'Outlet C'),
  );

  it('share one representative', () => {
    const copies = index.file.statements.map((_, i) => i).filter((i) => index.statementText(i) === shared);
    expect(copies).toHaveLength(2);
    expect(index.representative(copies[0])).toBe(index.representative(copies[1]));
    const other = index.file.statements.findIndex((_, i) => index.statementText(i) !== shared);
    expect(index.representative(other)).toBe(other);
  });

  it('are each reported, with the same verdict', () => {
    const page = 'Zelensky said on Monday that Ukraine would never give up the Donbas region in any peace deal, his office confirmed.';
    const claim = analyze(page, index).claims.find((c) => c.text.includes('Donbas'))!;
    const copies = claim.matches.filter((m) => m.statement === shared);
    expect(copies.map((m) => m.outlet).sort()).toEqual(['Outlet A', 'Outlet B']);
    expect(copies[0].stance).toBe(copies[1].stance);
    expect(copies[0].reasons).toEqual(copies[1].reasons);
    expect(copies[0].reasons).not.toBe(copies[1].reasons);
  });
});
