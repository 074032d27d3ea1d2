// Stored term lists are trusted when termRules() matches the one they were made with, so
// termRules() must change whenever the terms a text yields change. It sees lexicon and
// stemmer changes by itself; this test pins the terms of the seeds' text to catch a change
// it cannot see (tokenizer rules for compounds, contractions, accents…).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunkTerms, termRules } from '../../src/core/index/postings';
import { SEEDS } from './seed';

/** termRules() and the digest of the seeds' terms, as of the last change of either. */
const PINNED = { rules: '1-9daec4a5b47c3a40', terms: 'c1eccfa9640e60db' };

function seedTermsDigest(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt')).sort()) {
    for (const chunk of readFileSync(join(SEEDS, f), 'utf8').split(/\s+/)) h.update(`${chunk}\u0001${chunkTerms(chunk).join('\u0002')}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

describe('term rules fingerprint', () => {
  it('changes whenever the terms of the seeds change', () => {
    const now = { rules: termRules(), terms: seedTermsDigest() };
    if (now.rules === PINNED.rules && now.terms !== PINNED.terms)
      expect.fail('the terms of the seeds changed but termRules() did not: bump TERM_RULES_VERSION in src/core/index/postings.ts, then update PINNED here');
    if (now.rules !== PINNED.rules || now.terms !== PINNED.terms)
      expect.fail(`term rules changed: set PINNED in tests/core/term-rules.test.ts to ${JSON.stringify(now)} (and run npm run build:index)`);
  });
});
