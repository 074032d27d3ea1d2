// Small indexes of our own writing, for rule tests that must not lean on the seed corpus.
import { buildIndex, type SourceArticle } from '../../src/core/index/build';
import { loadIndex, type LoadedIndex } from '../../src/core/index/load';
import { analyze } from '../../src/core/engine';
import type { MatchResult } from '../../src/core/types';

export function article(id: string, text: string, outlet: string | null = null): SourceArticle {
  return { id, title: null, outlet, date: null, language: 'en', url: null, text };
}

export function indexOf(...articles: SourceArticle[]): LoadedIndex {
  return loadIndex(buildIndex(articles, 'test'));
}

/** The matches of the page claim that contains `needle`. */
export function matchesFor(index: LoadedIndex, page: string, needle: string): MatchResult[] {
  const r = analyze(page, index);
  const claim = r.claims.find((c) => c.text.includes(needle));
  return claim ? claim.matches : [];
}
