import type { StanceRule } from '../types';
import type { UnitFeatures } from '../../match/features';
import { describeDiff, wordDiffOf, wordKey, words } from '../diff';
import type { DiffPart } from '../../types';
import { isContentWord } from '../../text/terms';
import { NEGATORS } from '../../text/lexicon';
import { UnitCache } from '../kept';

/** One quotation (or a whole sentence) as the rule compares it; worked out once per sentence. */
interface Quoted {
  text: string;
  words: string[];
  keys: string[];
  /** Words as `text.split(/\s+/)` counts them. */
  length: number;
  /** How often each key occurs, and each key that is a content word. */
  counts: Counts;
  contentCounts: Counts;
  /** Negation words in it (an odd count negates). */
  negations: number;
}

/** What a quotation needs of one word: its key, and whether it is a content word or a negation. */
interface WordFacts {
  key: string;
  content: boolean;
  negates: boolean;
}
const factsByWord = new Map<string, WordFacts>();
function factsOf(w: string): WordFacts {
  let f = factsByWord.get(w);
  if (!f) {
    const key = wordKey(w);
    // a negator has no digits to drop (the key is compared as wordKey makes it)
    const negates = NEGATORS.has(/\p{N}/u.test(key) ? key.replace(/\p{N}/gu, '') : key) || /n['’]t\b/i.test(w);
    f = { key, content: isContentWord(key), negates };
    if (factsByWord.size > 100_000) factsByWord.clear();
    factsByWord.set(w, f);
  }
  return f;
}

/** Word counts, by key and as parallel lists (read without an entry array per word). */
interface Counts {
  of: Map<string, number>;
  keys: string[];
  counts: number[];
}

function countsOf(keys: string[]): Counts {
  const of = new Map<string, number>();
  for (const k of keys) of.set(k, (of.get(k) ?? 0) + 1);
  return { of, keys: [...of.keys()], counts: [...of.values()] };
}

function quoted(text: string): Quoted {
  const ws = words(text);
  const keys: string[] = new Array(ws.length);
  const contentKeys: string[] = [];
  let negations = 0;
  for (let i = 0; i < ws.length; i++) {
    const f = factsOf(ws[i]);
    keys[i] = f.key;
    if (f.content) contentKeys.push(f.key);
    if (f.negates) negations++;
  }
  // as many words as `text.split(/\s+/)` gives: an empty piece before leading and after
  // trailing space, and one for an empty text
  const length = text ? ws.length + (/^\s/.test(text) ? 1 : 0) + (/\s$/.test(text) ? 1 : 0) : 1;
  return { text, words: ws, keys, length, counts: countsOf(keys), contentCounts: countsOf(contentKeys), negations };
}

const quotedCache = new UnitCache<{ quotes: Quoted[]; whole: Quoted }>((u) => ({
  quotes: u.quotes.map((s) => quoted(u.text.slice(s.start - u.start, s.end - u.start))),
  whole: quoted(u.text),
}));
function quotesOf(u: UnitFeatures): { quotes: Quoted[]; whole: Quoted } {
  return quotedCache.get(u, undefined);
}

/** Words two texts have in common, in any order: at least as many as they share in order. */
function common(a: Counts, b: Counts): number {
  let n = 0;
  for (let i = 0; i < a.keys.length; i++) {
    const d = b.of.get(a.keys[i]);
    if (d) n += Math.min(a.counts[i], d);
  }
  return n;
}

function trimToShared(parts: DiffPart[]): DiffPart[] {
  const first = parts.findIndex((p) => p.op === 'same');
  let last = -1;
  parts.forEach((p, i) => {
    if (p.op === 'same') last = i;
  });
  return first < 0 ? parts : parts.slice(first, last + 1);
}

/** The same quote, possibly worded differently: corroborates, with the word-level difference. */
export const sameQuote: StanceRule = {
  name: 'same-quote',
  description: 'Both texts carry the same quotation (most of its words in order); wording differences are listed.',
  apply({ page, statement }) {
    if (!page.quotes.length && !statement.quotes.length) return null;
    const pq = quotesOf(page);
    const sq = quotesOf(statement);
    const left = pq.quotes.length ? pq.quotes : [pq.whole];
    const right = sq.quotes.length ? sq.quotes : [sq.whole];
    const shortAllowed = pq.quotes.length > 0 && sq.quotes.length > 0 && !!page.agent && page.agent === statement.agent;
    // the words two texts share in any order bound what they share in order: when no pair
    // could pass the test below, no diff is needed
    let possible = false;
    for (const a of left) {
      for (const b of right) {
        if (a.text === page.text && b.text === statement.text) continue;
        // both tests need a content word in common: the content words are the fewer to count
        const content = common(a.contentCounts, b.contentCounts);
        if (content < 1) continue;
        const same = common(a.counts, b.counts);
        const shorter = Math.min(a.length, b.length);
        if ((same >= 4 && content >= 2 && same / Math.max(1, shorter) >= 0.6) || (shortAllowed && content >= 1 && same >= 2 && same >= shorter)) possible = true;
      }
    }
    if (!possible) return null;
    let best: { a: Quoted; b: Quoted; same: number; ratio: number; content: number; diff: DiffPart[] } | null = null;
    for (const a of left) {
      for (const b of right) {
        if (a.text === page.text && b.text === statement.text) continue;
        const d = wordDiffOf(a.words, a.keys, b.words, b.keys);
        const sameWords = d.filter((p) => p.op === 'same').flatMap((p) => p.text.split(' '));
        const same = sameWords.length;
        const content = sameWords.filter((w) => isContentWord(wordKey(w))).length;
        const shorter = Math.min(a.length, b.length);
        const ratio = same / Math.max(1, shorter);
        if (!best || ratio * same > best.ratio * best.same) best = { a, b, same, ratio, content, diff: d };
      }
    }
    // a short quote ("be involved") counts when it stands word for word in the other quote
    // and the same person says it
    const shortQuote =
      !!best && best.content >= 1 && best.same >= 2 && best.ratio === 1 && shortAllowed;
    if (!best || (!shortQuote && (best.same < 4 || best.content < 2 || best.ratio < 0.6))) return null;
    // the diff shown to readers covers the stretch the two have in common, not the words
    // around a quote on one side only
    const diff = trimToShared(best.diff);
    const changes = describeDiff(diff);
    if (best.a.negations % 2 !== best.b.negations % 2)
      return { stance: 'conflicts', reasons: ['same quote, but one version negates it'], diff };
    return {
      stance: 'corroborates',
      reasons: [changes.length ? `same quote; wording differs: ${changes.join('; ')}` : 'same quote'],
      diff: changes.length ? diff : undefined,
    };
  },
};
