// Work cut into frame-sized slices (after Dark Reader's async queue): each slice runs until
// about 8 ms have passed, then yields to the page so input and rendering stay smooth.

export const SLICE_BUDGET_MS = 8;

/**
 * A macrotask, not scheduler.yield(): that resumes us ahead of the page's own queued tasks
 * (timers, network callbacks), and our work is never more urgent than the page's. A 1 ms
 * timer rather than 0: the page gets a real window between two slices (input, a frame),
 * and back-to-back slices do not read as one long task in a profile.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1));
}

/** Resolves when the page is idle (requestIdleCallback), or after `timeoutMs` at the latest. */
export function whenIdle(timeoutMs = 500): Promise<void> {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
  return new Promise((resolve) => (ric ? ric(() => resolve(), { timeout: timeoutMs }) : setTimeout(resolve, 0)));
}

/**
 * Calls `step(item)` for each item, yielding whenever the budget is spent. Stops early
 * (returning false) when `cancelled()` turns true between slices.
 */
export async function runSliced<T>(
  items: readonly T[],
  step: (item: T, index: number) => void,
  cancelled: () => boolean = () => false,
  budgetMs = SLICE_BUDGET_MS,
): Promise<boolean> {
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    if (performance.now() - sliceStart >= budgetMs) {
      await yieldToPage();
      if (cancelled()) return false;
      sliceStart = performance.now();
    }
    step(items[i], i);
  }
  return !cancelled();
}

/**
 * Work that yields between small steps. `yield` lets the runner end a slice when its budget
 * is spent; `yield true` ends the slice there whatever is left of it, around one large step
 * that cannot be cut (a selector over the whole page), so that it runs in a task of its own.
 */
export type Steps<R> = Generator<boolean | void, R, void>;

/** Runs a step generator (one that yields between small steps) to its end at once. */
export function runToEnd<R>(steps: Steps<R>): R {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs a step generator in slices of about `budgetMs`, yielding to the page in between.
 * Resolves with its result, or null when `cancelled()` turns true between slices.
 */
export async function runStepsSliced<R>(
  steps: Steps<R>,
  cancelled: () => boolean = () => false,
  budgetMs = SLICE_BUDGET_MS,
): Promise<R | null> {
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (r.value === true || performance.now() - sliceStart >= budgetMs) {
      await yieldToPage();
      if (cancelled()) {
        steps.return(undefined as R);
        return null;
      }
      sliceStart = performance.now();
    }
  }
}
