// Working memory kept per loaded index (buffers sized by its statements), made afresh when
// the index is new or the kept one no longer fits.
import type { LoadedIndex } from './load';

export function perIndex<T>(kept: WeakMap<LoadedIndex, T>, index: LoadedIndex, make: (statements: number) => T, fits: (x: T, statements: number) => boolean): T {
  const n = index.file.statements.length;
  let x = kept.get(index);
  if (x === undefined || !fits(x, n)) {
    x = make(n);
    kept.set(index, x);
  }
  return x;
}
