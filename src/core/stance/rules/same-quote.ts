import type { StanceRule } from '../types';
import type { UnitFeatures } from '../../match/features';
import { describeDiff, wordDiff } from '../diff';
import type { DiffPart } from '../../types';
import { isContentWord } from '../../text/terms';
import { fold } from '../../text/tokens';
import { NEGATORS } from '../../text/lexicon';

function quoteTexts(u: UnitFeatures): string[] {
  return u.quotes.map((q) => u.text.slice(q.start - u.start, q.end - u.start));
}
const negations = (s: string) => s.split(/\s+/).filter((w) => NEGATORS.has(fold(w).replace(/[^\p{L}']/gu, '')) || /n['’]t\b/i.test(w)).length;

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
    const qa = quoteTexts(page);
    const qb = quoteTexts(statement);
    if (!qa.length && !qb.length) return null;
    const left = qa.length ? qa : [page.text];
    const right = qb.length ? qb : [statement.text];
    let best: { a: string; b: string; same: number; ratio: number; content: number } | null = null;
    for (const a of left) {
      for (const b of right) {
        if (a === page.text && b === statement.text) continue;
        const d = wordDiff(a, b);
        const sameWords = d.filter((p) => p.op === 'same').flatMap((p) => p.text.split(' '));
        const same = sameWords.length;
        const content = sameWords.filter((w) => isContentWord(fold(w).replace(/[^\p{L}\p{N}']/gu, ''))).length;
        const shorter = Math.min(a.split(/\s+/).length, b.split(/\s+/).length);
        const ratio = same / Math.max(1, shorter);
        if (!best || ratio * same > best.ratio * best.same) best = { a, b, same, ratio, content };
      }
    }
    // a short quote ("be involved") counts when it stands word for word in the other quote
    // and the same person says it
    const shortQuote =
      !!best && best.content >= 1 && best.same >= 2 && best.ratio === 1 && qa.length > 0 && qb.length > 0 &&
      !!page.agent && page.agent === statement.agent;
    if (!best || (!shortQuote && (best.same < 4 || best.content < 2 || best.ratio < 0.6))) return null;
    // the diff shown to readers covers the stretch the two have in common, not the words
    // around a quote on one side only
    const diff = trimToShared(wordDiff(best.a, best.b));
    const changes = describeDiff(diff);
    if (negations(best.a) % 2 !== negations(best.b) % 2)
      return { stance: 'conflicts', reasons: ['same quote, but one version negates it'], diff };
    return {
      stance: 'corroborates',
      reasons: [changes.length ? `same quote; wording differs: ${changes.join('; ')}` : 'same quote'],
      diff: changes.length ? diff : undefined,
    };
  },
};
