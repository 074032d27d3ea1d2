// The committed seed index, loaded once per test file.
import { readFileSync } from 'node:fs';
import { loadIndex, type LoadedIndex } from '../../src/core/index/load';

export const SEEDS = new URL('../../seeds', import.meta.url).pathname;
export const SEED_INDEX = new URL('../../assets/seed-index.json', import.meta.url).pathname;

let cached: LoadedIndex | null = null;
export function seedIndex(): LoadedIndex {
  cached ??= loadIndex(JSON.parse(readFileSync(SEED_INDEX, 'utf8')));
  return cached;
}
