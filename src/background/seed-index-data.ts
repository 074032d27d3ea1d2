// The index bundled with the extension, as raw JSON. The glob keeps the build working before
// `npm run build:index` has produced the file: callers then get undefined and say so.
const bundled = import.meta.glob('../../assets/seed-index.json', { eager: true, import: 'default' });

export function bundledIndexRaw(): unknown {
  return Object.values(bundled)[0];
}
