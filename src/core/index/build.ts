// Builds the index from articles: documents, their sentences as statements with kind,
// speaker, entities, figures, negation and modality. Pure and deterministic.
import { INDEX_FORMAT, INDEX_VERSION, type CrosscheckIndexFile, type IndexDocument, type IndexStatement } from './schema';
import { discoverEntities } from './discover';
import { postingsOf } from './postings';
import { compileMatcher, impliedPlaces, type EntityMatcher } from '../extract/entities';
import { readSentences } from '../extract/claims';

export { titleFromText } from '../corpus/title';

/** An article to index: exactly what the index keeps of a document. */
export type SourceArticle = IndexDocument;

/** Sentences shorter than this are headings or fragments, not statements. */
const MIN_STATEMENT_WORDS = 4;

/**
 * `onProgress(done, total)` is told after entity discovery (done 0) and after each article's
 * statements, for a progress bar.
 */
export function buildIndex(articles: SourceArticle[], builtFrom: string, onProgress?: (done: number, total: number) => void): CrosscheckIndexFile {
  const sorted = [...articles].sort((a, b) => a.id.localeCompare(b.id));
  const entities = discoverEntities(sorted.map((a) => a.text));
  const matcher = compileMatcher(entities);
  const documents: IndexDocument[] = sorted.map(({ id, title, outlet, date, language, url, text }) => ({ id, title, outlet, date, language, url, text }));
  const statements: IndexStatement[] = [];
  onProgress?.(0, sorted.length);
  sorted.forEach((a, doc) => {
    statements.push(...extractStatements(a.text, doc, matcher));
    onProgress?.(doc + 1, sorted.length);
  });
  // keep only entities that some statement or alias scan can use (all, for now: mentions in headings count too)
  const index: CrosscheckIndexFile = { format: INDEX_FORMAT, version: INDEX_VERSION, builtFrom, documents, entities, statements };
  index.postings = postingsOf(index);
  return index;
}

/** The statements of one document (number `doc` in the index), in text order. */
export function extractStatements(text: string, doc: number, matcher: EntityMatcher): IndexStatement[] {
  const statements: IndexStatement[] = [];
  for (const s of readSentences(text, matcher)) {
    const words = s.tokens.filter((t, i) => !(i > 0 && s.tokens[i - 1].end === t.end)).length;
    if (words < MIN_STATEMENT_WORDS) continue;
    statements.push({
      doc, start: s.start, end: s.end, kind: s.kind, speaker: s.speaker, subject: s.subject,
      // named, or implied by a demonym ("Italian Prime Minister" implies Italy)
      entities: [...new Set([...s.mentions.map((m) => m.entity), ...impliedPlaces(s.tokens, matcher)])].sort(),
      figures: s.figures, negated: s.negated, modality: s.modality,
    });
  }
  return statements;
}
