import type { StanceRule } from '../types';

function anyNegated(negated: Map<string, boolean>): boolean {
  for (const v of negated.values()) if (v) return true;
  return false;
}

/**
 * Necessity is not likelihood: "a ceasefire is not necessary" and "there will be no ceasefire"
 * are different claims about the same thing.
 */
export const modality: StanceRule = {
  name: 'modality',
  description: 'One text speaks of necessity, the other of what will happen (or did), about the same negated thing.',
  apply({ sim }) {
    const a = sim.a;
    const b = sim.b;
    if (!anyNegated(a.negated) || !anyNegated(b.negated)) return null;
    const nec = (m: Set<string>) => m.has('necessity') && !m.has('prediction');
    const pred = (m: Set<string>) => m.has('prediction') && !m.has('necessity');
    if (nec(a.modalities) && pred(b.modalities))
      return { stance: 'conflicts', reasons: ['necessity vs outcome: one says it is not necessary, the other that it will not happen'] };
    if (pred(a.modalities) && nec(b.modalities))
      return { stance: 'conflicts', reasons: ['outcome vs necessity: one says it will not happen, the other that it is not necessary'] };
    return null;
  },
};
