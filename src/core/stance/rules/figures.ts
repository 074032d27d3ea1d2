import type { StanceRule } from '../types';
import type { Figure } from '../../index/schema';
import type { UnitFeatures } from '../../match/features';
import { SECONDS } from '../../extract/figures';

/** A figure's dimension and its size in that dimension's base unit (time in seconds). */
function measure(f: Figure): { dim: string; size: number } {
  if (SECONDS[f.unit]) return { dim: 'time', size: f.value * SECONDS[f.unit] };
  return { dim: f.unit, size: f.value };
}


function inClause(f: Figure, c: { start: number; end: number }): boolean {
  return f.start >= c.start && f.end <= c.end;
}

const FRAMES = new Set(['within', 'for', 'in', 'after', 'over', 'by', 'about', 'nearly', 'almost', 'around', 'than']);

/** The preposition right before a figure ("within"), if there is one. */
function wordBefore(u: UnitFeatures, f: Figure): string | null {
  let prev: string | null = null;
  for (const t of u.tokens) {
    if (t.end > f.start) break;
    prev = t.norm;
  }
  return prev && FRAMES.has(prev) ? prev : null;
}

/** Different figures for the same quantity conflict; figures for different things do not. */
export const differentFigures: StanceRule = {
  name: 'different-figures',
  description: 'Figures with the same unit for the same thing that differ conflict; the same unit for different things is only related.',
  apply({ page, statement, sim }) {
    let differentThings: string | null = null;
    for (const a of page.figures) {
      for (const b of statement.figures) {
        const ma = measure(a);
        const mb = measure(b);
        if (ma.dim !== mb.dim) continue;
        // a bare count ("two presidents") is too weak a quantity to contradict on its own
        if (a.unit === 'count' && Math.min(a.value, b.value) < 10) continue;
        // with nothing measured after them, two figures are one quantity when the same
        // preposition frames them ("within 10 days" / "within two weeks") in aligned clauses
        const framed = !a.about && !b.about && inClause(a, sim.a) && inClause(b, sim.b) && wordBefore(page, a) !== null && wordBefore(page, a) === wordBefore(statement, b);
        if ((a.about && b.about && a.about === b.about) || framed) {
          const rel = Math.abs(ma.size - mb.size) / Math.max(Math.abs(ma.size), Math.abs(mb.size), 1e-9);
          if (rel > 0.02) return { stance: 'conflicts', reasons: [`different figures: ${a.text} vs ${b.text}`] };
          return null;
        }
        if (a.about && b.about && a.about !== b.about && ma.size !== mb.size)
          differentThings = `the figures measure different things: ${a.text} (${a.about.replace(/^g:/, '')}) vs ${b.text} (${b.about.replace(/^g:/, '')})`;
      }
    }
    return differentThings ? { stance: 'related', reasons: [differentThings] } : null;
  },
};
