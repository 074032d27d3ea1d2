// Sizes: the content script as Chrome loads it (manifest content_scripts, with every chunk
// it imports), and index files, gzipped.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export function gzipKb(text: string | Buffer): number {
  return gzipSync(text, { level: 9 }).length / 1024;
}

/** The content script's files in dist/chrome: its entries and everything they import. */
export function contentScriptFiles(dist: string): string[] | null {
  const manifestPath = join(dist, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) visit(resolve(dirname(file), m[1]));
    for (const m of code.matchAll(/["'`](assets\/[^"'`]+\.js)["'`]/g)) visit(join(dist, m[1]));
  };
  for (const cs of manifest.content_scripts ?? []) for (const js of cs.js ?? []) visit(join(dist, js));
  return [...seen];
}
