import type { StanceRule } from '../types';
import { ANTONYM_TERMS } from '../../text/lexicon';
import { wordFor } from '../words';
import { negationCues } from '../cues';
import type { ClauseFeatures, UnitFeatures } from '../../match/features';

/**
 * Verbs of saying and thinking frame a claim; "did not believe X" and "believed Y" disagree
 * only if X is Y, so these are never what a negation is judged on.
 */
const FRAME_VERBS = new Set(['g:believe', 'sai', 'say', 'tell', 'know', 'g:propose', 'think', 'expect', 'g:want']);

const SCOPE_BREAK = new Set(['before', 'after', 'until', 'for', 'to', 'with', 'than', 'because', 'while', 'unless', 'if', 'but', 'and', 'or']);

function cueCount(u: UnitFeatures, c: ClauseFeatures): number {
  return negationCues(u, c).length;
}

/** Terms standing right after a negation (within three words): what it negates. */
function focusTerms(u: UnitFeatures, c: ClauseFeatures): string[] {
  const out: string[] = [];
  for (const i of negationCues(u, c)) {
    // up to three words on, but not past a preposition or conjunction ("not needed before a deal")
    let stop = Math.min(c.to, i + 4);
    for (let k = i + 1; k < stop; k++) if (SCOPE_BREAK.has(u.tokens[k].norm)) stop = k;
    for (const h of c.terms) if (h.token > i && h.token < stop && !FRAME_VERBS.has(h.term)) out.push(h.term);
  }
  return out;
}

/** One account affirms what the other negates ("produced no guarantees" vs "will come to a resolution"). */
export const polarity: StanceRule = {
  name: 'polarity',
  description: 'What a negation directly governs in one text ("no agreement", "did not approve") is affirmed in the other (antonyms count as a negation).',
  apply({ page, statement, sim }) {
    const a = sim.a;
    const b = sim.b;
    let flip = false;
    for (let k = 0; k < ANTONYM_TERMS.length; k++) {
      const gx = ANTONYM_TERMS[k][0];
      const gy = ANTONYM_TERMS[k][1];
      if ((a.termSet.has(gx) && b.termSet.has(gy) && !b.termSet.has(gx)) || (a.termSet.has(gy) && b.termSet.has(gx) && !b.termSet.has(gy))) flip = !flip;
    }
    // what a negation directly governs ("no agreement", "did not approve") decides, whatever
    // the surrounding context shares
    // "could not imagine it without a ceasefire": two negations cancel, so neither decides
    if (cueCount(page, a) >= 2 || cueCount(statement, b) >= 2) return null;
    const focus = focusTerms(page, a).concat(focusTerms(statement, b));
    const decisive = focus.find((t) => a.negated.has(t) && b.negated.has(t) && (a.negated.get(t) !== b.negated.get(t)) !== flip);
    if (!decisive) return null;
    const negatedSide = a.negated.get(decisive) ? 'page' : 'statement';
    const word = wordFor(page, decisive, a);
    const other = wordFor(statement, decisive, b);
    const reason =
      negatedSide === 'page'
        ? `opposite polarity: this page negates "${word}", the other report affirms "${other}"`
        : `opposite polarity: this page affirms "${word}", the other report negates "${other}"`;
    return { stance: 'conflicts', reasons: [reason] };
  },
};
