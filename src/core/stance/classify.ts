// Decides corroborates / conflicts / related for one page claim and one statement.
import type { StanceContext, StanceVerdict } from './types';
import { STANCE_RULES } from './rules';
import { wordFor } from './words';
import { negationCues } from './cues';
import { UnitCache } from './kept';
import { ANTONYM_TERMS } from '../text/lexicon';

export interface Thresholds {
  /** Below this a statement is not shown at all. */
  related: number;
  /** From here on a statement may corroborate or conflict. */
  stance: number;
}

export function thresholdsFor(sensitivity = 0.5): Thresholds {
  const s = Math.min(1, Math.max(0, Number.isFinite(sensitivity) ? sensitivity : 0.5));
  const shift = (s - 0.5) * 0.2;
  return { related: 0.24 + shift, stance: 0.28 + shift };
}

/** Enough shared substance to say anything stronger than "related". */
export function hasEvidence(ctx: StanceContext): boolean {
  const { sim } = ctx;
  if (sim.run >= 5) return true;
  // two telling words in the aligned clauses, and a telling name in common (or more words)
  const countryMass = sharedCountries(ctx) >= 3 ? 1.5 * sharedCountries(ctx) : 0;
  return sharedCount(ctx) >= 2 && sim.clauseMass + countryMass >= MIN_CLAUSE_TERMS && sim.clauseMass + countryMass + sim.entityMass >= EVIDENCE + foreignPenalty(ctx);
}

function sharedCount(ctx: StanceContext): number {
  let n = 0;
  for (const t of ctx.sim.a.termSet) if (ctx.sim.b.termSet.has(t)) n++;
  // naming the same three countries or more is shared substance too ("leaders of Britain,
  // Italy and Finland" / "British, Italian and Finnish leaders")
  if (sharedCountries(ctx) >= 3) n += 2;
  return n;
}

function sharedCountries(ctx: StanceContext): number {
  let n = 0;
  for (const c of ctx.page.countries) if (ctx.statement.countries.has(c)) n++;
  return n;
}

/**
 * Names on the page that the index does not know ("Netanyahu", "Darfur") say the sentence
 * may be about someone else: each asks for more shared substance.
 */
function foreignPenalty(ctx: StanceContext): number {
  const { page } = ctx;
  return Math.min(3, page.foreignNames) * FOREIGN_NAME_COST;
}
const FOREIGN_NAME_COST = 1;

/** "a disadvantage" and "not desirable" say the same: an antonym pair undoes one negation. */
function antonymsCompensate(ctx: StanceContext): boolean {
  const a = ctx.sim.a.termSet;
  const b = ctx.sim.b.termSet;
  for (let k = 0; k < ANTONYM_TERMS.length; k++) {
    const x = ANTONYM_TERMS[k][0];
    const y = ANTONYM_TERMS[k][1];
    if ((a.has(x) && b.has(y)) || (a.has(y) && b.has(x))) return true;
  }
  return false;
}

function hasNegation(u: StanceContext['page'], c: StanceContext['sim']['a']): boolean {
  return negationCues(u, c).length > 0;
}

/** Sums of money, shares and spans of years are what a sentence states; a day or a count is a detail. */
const SALIENT_UNITS = /^(USD|GBP|EUR|JPY|percent|year|decade)$/;

/** Rules that look for a specific pattern may speak on less shared substance than plain agreement. */
const SPECIFIC_RULES = new Set(['same-quote', 'different-figures', 'different-object', 'modality']);
function decisiveIsTelling(ctx: StanceContext): boolean {
  const shared = [...ctx.sim.a.negated.keys()].filter((x) => ctx.sim.b.negated.has(x) && ctx.sim.a.negated.get(x) !== ctx.sim.b.negated.get(x));
  return shared.some((x) => ctx.idf(x) >= TELLING_IDF);
}
/** IDF of a word that is not everyday vocabulary in the index (common words are halved). */
const TELLING_IDF = 1.5;

/** Two people disagreeing is not two reports disagreeing: a conflict needs one agent. */
function sameAgent(ctx: StanceContext): boolean {
  const a = ctx.page.agent;
  const b = ctx.statement.agent;
  return !a || !b || a === b;
}

function enoughForRule(ctx: StanceContext, rule: string, t: Thresholds): boolean {
  if (rule !== 'same-quote' && rule !== 'different-figures' && !sameAgent(ctx)) return false;
  // opposite polarity on a telling word, said of the same named people, needs less overlap
  if (rule === 'polarity' && ctx.sim.score >= t.related && ctx.sim.entityMass > 0 && sameActors(ctx) && ctx.sim.clauseMass >= 2.5 && decisiveIsTelling(ctx))
    return true;
  if (!SPECIFIC_RULES.has(rule)) return ctx.sim.score >= t.stance && hasEvidence(ctx) && sameActors(ctx);
  return ctx.sim.score >= t.related && (rule === 'same-quote' || (ctx.sim.clauseMass >= 1.5 && ctx.sim.entityMass > 0) || sharedCount(ctx) >= 2);
}

/** Shared IDF weight (words of the aligned clauses plus names) needed to take sides. */
const EVIDENCE = 5.5;
/** …of which words at least this much: names alone are a topic, not a claim. */
const MIN_CLAUSE_TERMS = 4;

/**
 * Agreement needs the same actors: when either side names people or organisations, they must
 * share one. Places alone are a setting, not an actor.
 */
export function sameActors(ctx: StanceContext): boolean {
  const a = actorsOf(ctx.page, ctx.types);
  const b = actorsOf(ctx.statement, ctx.types);
  if (!a.size && !b.size) return true;
  for (const e of a) if (b.has(e)) return true;
  return false;
}

/** The people and organisations a sentence names, worked out once per sentence. */
const actorCache = new UnitCache<Set<string>, StanceContext['types']>((u, types) => {
  const out = new Set<string>();
  for (const e of u.entities) if (types.get(e) === 'person' || types.get(e) === 'organization') out.add(e);
  return out;
});
function actorsOf(u: StanceContext['page'], types: StanceContext['types']): Set<string> {
  return actorCache.get(u, types);
}

/**
 * The `n` shared terms of the aligned clauses with the highest IDF, highest first; equal
 * weights keep the clause's order (as a stable sort would).
 */
function mostTelling(ctx: StanceContext, n: number): string[] {
  const top: string[] = [];
  const weight: number[] = [];
  for (const x of ctx.sim.a.termSet) {
    if (!ctx.sim.b.termSet.has(x)) continue;
    const w = ctx.idf(x);
    if (top.length === n && w <= weight[n - 1]) continue;
    // after every term that weighs as much or more; the lightest drops out when full
    let k = Math.min(top.length, n - 1);
    while (k > 0 && weight[k - 1] < w) {
      top[k] = top[k - 1];
      weight[k] = weight[k - 1];
      k--;
    }
    top[k] = x;
    weight[k] = w;
  }
  return top;
}

export function classifyStance(ctx: StanceContext, t: Thresholds): StanceVerdict {
  const strongEnough = ctx.sim.score >= t.stance && hasEvidence(ctx) && sameActors(ctx);
  for (const rule of STANCE_RULES) {
    const v = rule.apply(ctx);
    if (!v) continue;
    if (v.stance === 'related' || enoughForRule(ctx, rule.name, t)) return v;
    // a rule fired, but the statements are too far apart to take sides
    return { stance: 'related', reasons: [...v.reasons.map((r) => `possibly: ${r}`)] };
  }
  const words = mostTelling(ctx, 4).map((x) => wordFor(ctx.page, x, ctx.sim.a));
  // a sum, a share or a span of years is the point of the clause: agreement without it is only a topic
  const salient = ctx.page.figures.find(
    (f) => f.start >= ctx.sim.a.start && f.end <= ctx.sim.a.end && SALIENT_UNITS.test(f.unit) && !ctx.statement.figures.some((g) => g.unit === f.unit),
  );
  if (strongEnough && salient)
    return { stance: 'related', reasons: [`same subject, but the other report gives no figure like ${salient.text}`] };
  // one account negates something the other leaves unsaid ("ended without progress"): not agreement
  const negA = hasNegation(ctx.page, ctx.sim.a);
  const negB = hasNegation(ctx.statement, ctx.sim.b);
  if (strongEnough && negA !== negB && !antonymsCompensate(ctx))
    return { stance: 'related', reasons: [`same subject (${words.join(', ')}), but only one account says what did not happen`] };
  if (strongEnough) {
    const names = ctx.sim.sharedEntities.length ? ` (same ${ctx.sim.sharedEntities.length > 1 ? 'names' : 'name'} too)` : '';
    return { stance: 'corroborates', reasons: [`says the same: ${words.join(', ')}${names}`] };
  }
  return { stance: 'related', reasons: [words.length ? `same subject (${words.join(', ')}), not the same claim` : 'same people or places, not the same claim'] };
}
