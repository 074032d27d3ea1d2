// Turns a validated index file into the in-memory structures the matcher needs.
import { validateIndex, type CrosscheckIndexFile } from './schema';

export interface LoadedIndex {
  file: CrosscheckIndexFile;
}

/** Validates and prepares an index. Throws IndexError with a one-line message when it is broken. */
export function loadIndex(raw: unknown): LoadedIndex {
  return { file: validateIndex(raw) };
}
