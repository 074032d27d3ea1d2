// The term lists stored in the index file: what the builder writes, the loader reads back
// exactly; an index without them, or with lists that do not belong to its statements (other
// term rules, edited text, damaged lists), loads with the lists read from the text instead —
// never with a wrong list.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { buildIndex } from '../../src/core/index/build';
import { loadIndex, type LoadedIndex } from '../../src/core/index/load';
import { serializeIndex } from '../../src/core/index/serialize';
import { decodeList, encodeList, postingsCheck, termListsFromText, usesStoredLists } from '../../src/core/index/postings';
import { analyze } from '../../src/core/engine';
import { SEED_INDEX } from './seed';

const seedJson = readFileSync(SEED_INDEX, 'utf8');
const fresh = () => JSON.parse(seedJson);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

function lists(index: LoadedIndex): [string, number[] | undefined][] {
  return [...index.postings.keys()].sort().map((t) => [t, index.postings.get(t)]);
}
const decoded = (l: string) => decodeList(l, 1e9)!;
const fromText = (raw: Raw) => [...termListsFromText(raw)].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('list encoding', () => {
  it('round-trips any rising list of statement numbers', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const ids = [...xs].sort((a, b) => a - b);
        const s = encodeList(ids);
        expect(s).toMatch(/^[0-9A-Za-z_-]+$/);
        expect(decodeList(s, 5_000_001)).toEqual(ids);
      }),
    );
    // gaps 1, 1, 1, 38: each gap - 1 in base 32; 37 = 1·32 + 5 is a continued digit (x) and a last one (5)
    expect(encodeList([0, 1, 2, 40])).toBe('000x5');
  });

  it('rejects what no list encodes: unknown characters, an unfinished number, nothing, a statement past the end', () => {
    expect(decodeList('0"1', 10)).toBeNull();
    expect(decodeList('0é', 10)).toBeNull();
    expect(decodeList('0w', 10)).toBeNull();
    expect(decodeList('', 10)).toBeNull();
    expect(decodeList('9', 10)).toEqual([9]);
    expect(decodeList('a', 10)).toBeNull();
    expect(decodeList('ZZZZZZZZZZZZ0', 10)).toBeNull();
  });
});

describe('stored term lists', () => {
  it('are written by the builder, kept by serializeIndex, and read back as the text gives them', () => {
    const raw = fresh();
    expect(raw.postings.terms.length).toBeGreaterThan(100);
    const index = loadIndex(raw);
    expect(usesStoredLists(index.postings)).toBe(true);
    expect(lists(index)).toEqual(fromText(raw));
    expect(index.postings.get('no-such-term')).toBeUndefined();
    expect(JSON.parse(serializeIndex(raw))).toEqual(raw);
  });

  it('are optional: an index written before them loads, with the same lists and the same analysis', () => {
    const old = fresh();
    delete old.postings;
    const before = loadIndex(old);
    const now = loadIndex(fresh());
    expect(usesStoredLists(before.postings)).toBe(false);
    expect(lists(before)).toEqual(lists(now));
    const page = fresh().documents[1].text;
    expect(JSON.stringify(analyze(page, now))).toBe(JSON.stringify(analyze(page, before)));
  });

  const spoilers: [string, (x: Raw) => void][] = [
    ['a list that lost a statement', (x) => {
      const k = x.postings.lists.findIndex((l: string) => decoded(l).length > 3);
      x.postings.lists[k] = encodeList(decoded(x.postings.lists[k]).slice(1));
    }],
    ['a list with a statement added', (x) => {
      const k = x.postings.lists.findIndex((l: string) => decoded(l)[0] > 0);
      x.postings.lists[k] = encodeList([0, ...decoded(x.postings.lists[k])]);
    }],
    ['two lists swapped', (x) => ([x.postings.lists[3], x.postings.lists[4]] = [x.postings.lists[4], x.postings.lists[3]])],
    ['a term renamed', (x) => (x.postings.terms[5] = x.postings.terms[5] + 'x')],
    ['a list that does not decode', (x) => (x.postings.lists[2] = 'w')],
    ['a document text edited (same length)', (x) => {
      const s = x.statements[10];
      const text: string = x.documents[s.doc].text;
      const at = text.indexOf('Ukraine', s.start);
      x.documents[s.doc].text = text.slice(0, at) + 'Ukrainf' + text.slice(at + 7);
    }],
    ['statements cut off', (x) => (x.statements = x.statements.slice(0, 100))],
    ['statements edited', (x) => (x.statements[3].end -= 1)],
    ['lists from other term rules', (x) => (x.postings.rules = '0-0000000000000000')],
    ['no check', (x) => delete x.postings.check],
    ['terms that are not a list', (x) => (x.postings.terms = 'a b c')],
    ['fewer lists than terms', (x) => x.postings.lists.pop()],
    ['a term that is not a string', (x) => (x.postings.terms[0] = 7)],
    ['a postings field of the wrong kind', (x) => (x.postings = 'dGVybXM=')],
    ['a duplicated term', (x) => (x.postings.terms[1] = x.postings.terms[0])],
    // the fingerprint made to match: still never a wrong list
    ['a duplicated term, with a check that matches', (x) => {
      x.postings.terms[1] = x.postings.terms[0];
      x.postings.check = postingsCheck(x, x.postings.terms, x.postings.lists);
    }],
  ];
  it('a list that does not decode, with a check that matches: the lists are read from the text from then on', () => {
    const raw = fresh();
    const k = raw.postings.terms.indexOf('ukrain');
    raw.postings.lists[k] = raw.postings.lists[k] + 'w';
    raw.postings.check = postingsCheck(raw, raw.postings.terms, raw.postings.lists);
    const index = loadIndex(raw);
    expect(index.postings.get('trump')).toEqual(termListsFromText(raw).get('trump'));
    expect(usesStoredLists(index.postings)).toBe(true);
    expect(index.postings.get('ukrain')).toEqual(termListsFromText(raw).get('ukrain'));
    expect(usesStoredLists(index.postings)).toBe(false);
    expect(lists(index)).toEqual(fromText(raw));
  });

  for (const [what, spoil] of spoilers) {
    it(`are not used when they do not belong to the statements: ${what}`, () => {
      const raw = fresh();
      spoil(raw);
      const index = loadIndex(raw);
      // read from the text instead: exactly the lists of the statements as they are now
      expect(lists(index)).toEqual(fromText(raw));
      expect(usesStoredLists(index.postings)).toBe(false);
    });
  }
});
