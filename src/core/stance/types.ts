import type { DiffPart, Stance } from '../types';
import type { UnitFeatures } from '../match/features';
import type { Similarity } from '../match/score';

export interface StanceContext {
  page: UnitFeatures;
  statement: UnitFeatures;
  sim: Similarity;
  idf: (term: string) => number;
  /** Entity id -> type, from the index. */
  types: Map<string, string>;
}

export interface StanceVerdict {
  stance: Stance;
  reasons: string[];
  diff?: DiffPart[];
}

/** One rule, one file: a rule either decides the stance (with reasons) or passes. */
export interface StanceRule {
  name: string;
  /** What the rule looks for, in plain words (shown in docs and checked by a meta-test). */
  description: string;
  apply(ctx: StanceContext): StanceVerdict | null;
}
