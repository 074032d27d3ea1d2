// Caches for what the stance rules work out of a sentence or a clause. Index statements live
// as long as their index: what is worked out for them is kept in a WeakMap. A page's
// sentences live for one analysis, and a WeakMap entry keyed by such a short-lived object
// keeps its value through V8's young-generation collections until a full collection, so every
// analysis pushed its rule caches into the old generation (about 0.7 MB per 2,000-word page).
// For page sentences only the sentence being checked is kept: a claim's statements are
// checked one after another.
import type { ClauseFeatures, UnitFeatures } from '../match/features';

const lasting = new WeakSet<UnitFeatures>();

/** Marks an index statement's features: kept as long as they are (the index marks its own). */
export function markLasting(u: UnitFeatures): void {
  lasting.add(u);
}

/** A value per sentence (`make` may take one more argument that is the same for every call about a sentence). */
export class UnitCache<V, A = undefined> {
  private readonly kept = new WeakMap<UnitFeatures, V>();
  private last: UnitFeatures | null = null;
  private lastValue: V | undefined;

  constructor(private readonly make: (u: UnitFeatures, arg: A) => V) {}

  get(u: UnitFeatures, arg: A): V {
    if (lasting.has(u)) {
      let v = this.kept.get(u);
      if (v === undefined) this.kept.set(u, (v = this.make(u, arg)));
      return v;
    }
    if (u !== this.last) {
      this.lastValue = this.make(u, arg);
      this.last = u;
    }
    return this.lastValue!;
  }
}

/** A value per clause of a sentence. */
export class ClauseCache<V> {
  private readonly kept = new WeakMap<ClauseFeatures, V>();
  private last: UnitFeatures | null = null;
  private recent = new Map<ClauseFeatures, V>();

  constructor(private readonly make: (u: UnitFeatures, c: ClauseFeatures) => V) {}

  get(u: UnitFeatures, c: ClauseFeatures): V {
    const lasts = lasting.has(u);
    let table: Map<ClauseFeatures, V> | WeakMap<ClauseFeatures, V>;
    if (lasts) table = this.kept;
    else {
      if (u !== this.last) {
        this.recent = new Map();
        this.last = u;
      }
      table = this.recent;
    }
    let v = table.get(c);
    if (v === undefined) table.set(c, (v = this.make(u, c)));
    return v;
  }
}
