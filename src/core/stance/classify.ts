// Decides corroborates / conflicts / related for one page claim and one statement.
import type { StanceContext, StanceVerdict } from './types';
import { STANCE_RULES } from './rules';
import { wordFor } from './words';

export interface Thresholds {
  /** Below this a statement is not shown at all. */
  related: number;
  /** From here on a statement may corroborate or conflict. */
  stance: number;
}

export function thresholdsFor(sensitivity = 0.5): Thresholds {
  const s = Math.min(1, Math.max(0, Number.isFinite(sensitivity) ? sensitivity : 0.5));
  const shift = (s - 0.5) * 0.2;
  return { related: 0.24 + shift, stance: 0.34 + shift };
}

/** Enough shared substance to say anything stronger than "related". */
export function hasEvidence(ctx: StanceContext): boolean {
  const shared = [...ctx.sim.a.termSet].filter((t) => ctx.sim.b.termSet.has(t));
  const strong = shared.filter((t) => ctx.idf(t) >= 1.2).length;
  return ctx.sim.run >= 5 || (strong >= 2 && (ctx.sim.sharedEntities.length > 0 || strong >= 3));
}

export function classifyStance(ctx: StanceContext, t: Thresholds): StanceVerdict {
  const strongEnough = ctx.sim.score >= t.stance && hasEvidence(ctx);
  for (const rule of STANCE_RULES) {
    const v = rule.apply(ctx);
    if (!v) continue;
    if (v.stance === 'related' || strongEnough || (rule.name === 'same-quote' && ctx.sim.score >= t.related)) return v;
    // a rule fired, but the statements are too far apart to take sides
    return { stance: 'related', reasons: [...v.reasons.map((r) => `possibly: ${r}`)] };
  }
  const shared = [...ctx.sim.a.termSet].filter((x) => ctx.sim.b.termSet.has(x)).sort((x, y) => ctx.idf(y) - ctx.idf(x));
  const words = shared.slice(0, 4).map((x) => wordFor(ctx.page, x, ctx.sim.a));
  if (strongEnough)
    return { stance: 'corroborates', reasons: [`says the same: ${words.join(', ')}${ctx.sim.sharedEntities.length ? ' (same people or places)' : ''}`] };
  return { stance: 'related', reasons: [words.length ? `same subject (${words.join(', ')}), not the same claim` : 'same people or places, not the same claim'] };
}
