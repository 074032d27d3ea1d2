// Work cut into frame-sized slices (after Dark Reader's async queue): each slice runs until
// about 8 ms have passed, then yields to the page so input and rendering stay smooth.

export const SLICE_BUDGET_MS = 8;

function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
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
