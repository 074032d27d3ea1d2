// Real text for the benchmark: the seed articles and the article text of the saved real
// pages (../shared/fixtures/pages), read the way `check FILE.html` reads them. Pages of a
// given length and indexes of a given size are made from these paragraphs only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { htmlToArticle } from '../src/cli/html';
import { buildIndex, titleFromText, type SourceArticle } from '../src/core/index/build';
import type { CrosscheckIndexFile } from '../src/core/index/schema';
import { postingsOf } from '../src/core/index/postings';
import { countWords } from '../src/core/text/tokens';

export const ROOT = resolve(import.meta.dirname ?? '.', '..');
export const PAGES_DIR = resolve(ROOT, '../shared/fixtures/pages');

export interface Corpus {
  seeds: SourceArticle[];
  pages: SourceArticle[];
  skipped: string[];
}

function article(id: string, text: string, title: string | null): SourceArticle {
  return { id, title, outlet: null, date: null, language: 'en', url: null, text };
}

export function readCorpus(opts: { seedsOnly?: boolean } = {}): Corpus {
  const skipped: string[] = [];
  const seedDir = join(ROOT, 'seeds');
  const seeds = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(seedDir, f), 'utf8');
      return article(f.slice(0, -4), text, titleFromText(text));
    });
  const pages: SourceArticle[] = [];
  if (opts.seedsOnly) return { seeds, pages, skipped };
  if (!existsSync(PAGES_DIR)) {
    skipped.push(`real pages: ${PAGES_DIR} not found, pages and indexes made from the seeds only`);
    return { seeds, pages, skipped };
  }
  for (const f of readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')).sort()) {
    const art = htmlToArticle(readFileSync(join(PAGES_DIR, f), 'utf8'));
    if (art && art.text.trim()) pages.push(article(`page-${f.slice(0, -5)}`, art.text, art.title));
  }
  return { seeds, pages, skipped };
}

function paragraphs(text: string): string[] {
  return text.split(/\n+/).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same text. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A page of about `words` words: a seed article first (so the matcher finds real matches),
 * then the real pages' and other seeds' paragraphs in turn, whole paragraphs only.
 */
export function makePage(corpus: Corpus, words: number): string {
  const order = [corpus.seeds[0], ...corpus.pages, ...corpus.seeds.slice(1)];
  const pool = order.flatMap((a) => paragraphs(a.text));
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const p = pool[i % pool.length];
    const w = countWords(p);
    if (n + w > words * 1.02 && n >= words * 0.9) break;
    out.push(p);
    n += w;
  }
  return out.join('\n\n');
}

/**
 * An index of exactly `statements` statements: the seeds and the real pages as they are,
 * then further articles whose paragraphs are drawn from the same real text in another
 * order (realistic vocabulary and near misses, never random words).
 */
export function makeLargeIndex(corpus: Corpus, statements: number): CrosscheckIndexFile {
  const base = [...corpus.seeds, ...corpus.pages];
  const pool = base.flatMap((a) => paragraphs(a.text).slice(1));
  const baseBuilt = buildIndex(base, 'bench');
  const perParagraph = baseBuilt.statements.length / Math.max(1, pool.length + base.length);
  const next = rng(4);
  const articles = [...base];
  const PARAS = 24;
  const needed = Math.ceil((statements - baseBuilt.statements.length) / (perParagraph * PARAS) * 1.1);
  for (let d = 0; d < needed; d++) {
    const body: string[] = [];
    for (let k = 0; k < PARAS; k++) body.push(pool[Math.floor(next() * pool.length)]);
    articles.push(article(`mix-${String(d).padStart(5, '0')}`, body.join('\n\n'), null));
  }
  let built = buildIndex(articles, `bench: ${statements} statements from seeds and real pages`);
  while (built.statements.length < statements) {
    // too few: add more mixed articles (rare; the estimate over-shoots by 10 %)
    for (let k = 0; k < 50; k++) {
      const body: string[] = [];
      for (let j = 0; j < PARAS; j++) body.push(pool[Math.floor(next() * pool.length)]);
      articles.push(article(`mix-x${articles.length}`, body.join('\n\n'), null));
    }
    built = buildIndex(articles, built.builtFrom);
  }
  // fewer statements: their term lists again (the builder's would name the statements cut off)
  const cut = { ...built, statements: built.statements.slice(0, statements) };
  return { ...cut, postings: postingsOf(cut) };
}
