// The index bundled with the extension, loaded and validated once per background lifetime.
// The glob keeps the build working before `npm run build:index` has produced the file:
// analysis then answers with a clear error instead of the build failing.
import { loadIndex, type LoadedIndex } from '../core/index/load';

const bundled = import.meta.glob('../../assets/seed-index.json', { eager: true, import: 'default' });

let cached: { ok: true; index: LoadedIndex } | { ok: false; error: string } | null = null;

export function getIndex(): { ok: true; index: LoadedIndex } | { ok: false; error: string } {
  if (cached) return cached;
  const raw = Object.values(bundled)[0];
  if (raw === undefined) {
    cached = { ok: false, error: 'no bundled index: assets/seed-index.json was missing at build time' };
    return cached;
  }
  try {
    cached = { ok: true, index: loadIndex(raw) };
  } catch (err) {
    cached = { ok: false, error: `bundled index is invalid: ${err instanceof Error ? err.message : String(err)}` };
  }
  return cached;
}
