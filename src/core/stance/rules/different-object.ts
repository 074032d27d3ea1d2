import type { StanceRule } from '../types';
import type { UnitFeatures, ClauseFeatures } from '../../match/features';
import { termOf } from '../../text/terms';
import { ClauseCache } from '../kept';

const FRAME_END = new Set(['a', 'an', 'the', 'of', 'his', 'her', 'their', 'its', 'for', 'on', 'about']);

/** A clause's frames in the order found, and by frame. */
interface Frames {
  list: { key: string; object: string; word: string }[];
  byKey: Map<string, { object: string; word: string }>;
}

/** A clause's frames depend on its tokens only: found once per clause (statements' clauses live as long as the index). */
const framesCache = new ClauseCache<Frames>((u, c) => findFrames(u, c));
function frames(u: UnitFeatures, c: ClauseFeatures): Frames {
  return framesCache.get(u, c);
}

function findFrames(u: UnitFeatures, c: ClauseFeatures): Frames {
  // every 3-word frame that ends in a determiner or preposition and holds a content word,
  // with the content word that follows it
  const out: Frames = { list: [], byKey: new Map() };
  const t = u.tokens;
  for (let i = c.from; i + 3 < c.to; i++) {
    if (!FRAME_END.has(t[i + 2].norm)) continue;
    // a token's facts carry its content term (null: not a content word)
    if (t[i].facts.term === null && t[i + 1].facts.term === null && t[i + 2].facts.term === null) continue;
    let k = i + 3;
    while (k < c.to && FRAME_END.has(t[k].norm)) k++;
    if (k >= c.to || t[k].facts.term === null || t[k].cap) continue;
    const key = `${termOf(t[i].norm)} ${termOf(t[i + 1].norm)} ${termOf(t[i + 2].norm)}`;
    if (out.byKey.has(key)) continue;
    const f = { key, object: t[k].facts.term!, word: t[k].raw };
    out.list.push(f);
    out.byKey.set(key, f);
  }
  return out;
}

/** The same frame with a different object: "the concept of a ceasefire" vs "of a deal". */
export const differentObject: StanceRule = {
  name: 'different-object',
  description: 'A shared phrase ("the concept of a …") completed by a different thing in each text.',
  apply({ page, statement }) {
    for (const ca of page.clauses) {
      const fa = frames(page, ca).list;
      if (!fa.length) continue;
      for (const cb of statement.clauses) {
        const fb = frames(statement, cb).byKey;
        if (!fb.size) continue;
        for (let k = 0; k < fa.length; k++) {
          const a = fa[k];
          const b = fb.get(a.key);
          if (!b || a.object === b.object) continue;
          // each object must be absent from the other clause, or it is only a list
          if (cb.termSet.has(a.object) || ca.termSet.has(b.object)) continue;
          return { stance: 'conflicts', reasons: [`a different object: ${a.word} vs ${b.word}`] };
        }
      }
    }
    return null;
  },
};
