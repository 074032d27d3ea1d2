// A page must not be able to tell that Crosscheck is installed by loading one of its files
// at a fixed URL: the built manifests expose no web-accessible resource, or only with
// dynamic URLs (Chrome's use_dynamic_url) where the browser supports it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type War = { resources: string[]; use_dynamic_url?: boolean } | string;

describe.each(['chrome', 'firefox'])('built %s manifest', (target) => {
  const path = `dist/${target}/manifest.json`;
  it.skipIf(!existsSync(path))('exposes no web-accessible resource at a fixed URL', () => {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { web_accessible_resources?: War[] };
    for (const entry of manifest.web_accessible_resources ?? []) {
      expect(typeof entry).toBe('object');
      // Firefox already randomises moz-extension:// hosts per profile; Chrome needs the flag.
      if (target === 'chrome') expect((entry as { use_dynamic_url?: boolean }).use_dynamic_url).toBe(true);
    }
  });
});
