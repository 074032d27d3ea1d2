// Meta test: no HTML-string APIs anywhere in src/ (DOM is built with createElement and
// textContent), and no code from strings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|js|mjs)$/.test(n) ? [p] : [];
  });
}

const FORBIDDEN = [/\.innerHTML\b/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /\beval\s*\(/, /\bnew\s+Function\s*\(/, /dangerouslySetInnerHTML/];

describe('src/', () => {
  it('never builds DOM from HTML strings or runs code from strings', () => {
    const hits: string[] = [];
    for (const f of files('src')) {
      const text = readFileSync(f, 'utf8');
      for (const re of FORBIDDEN) if (re.test(text)) hits.push(`${f}: ${re}`);
    }
    expect(hits).toEqual([]);
  });
});
