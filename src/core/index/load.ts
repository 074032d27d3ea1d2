// Turns a validated index file into what the matcher needs: the entity matcher, per-statement
// features (computed once, on first use) and inverted lists by term and by entity.
import { validateIndex, type CrosscheckIndexFile, type IndexEntity, type IndexStatement } from './schema';
import { compileMatcher, findMentions, type EntityMatcher } from '../extract/entities';
import { tokenize } from '../text/tokens';
import { termOf } from '../text/terms';
import { readTermLists, type TermLists } from './postings';
import { COMMON_WORDS } from '../text/lexicon';

/** Terms of very common words: their weight is halved (see COMMON_WORDS). */
const COMMON_TERMS = new Set(COMMON_WORDS.map((w) => termOf(w)).filter((t) => !t.startsWith('g:')));
import { pointsBack, unitFeatures, withContext, type UnitFeatures } from '../match/features';
import { markLasting } from '../stance/kept';

export interface LoadedIndex {
  file: CrosscheckIndexFile;
  matcher: EntityMatcher;
  entityById: Map<string, IndexEntity>;
  /** term -> statement numbers (rising; a list is read from the index file on first use) */
  postings: TermLists;
  /** entity id -> statement numbers */
  entityPostings: Map<string, number[]>;
  /** statement count per document */
  docStatementCount: number[];
  idf(term: string): number;
  /** How telling it is that two statements name this entity (rare entities tell more). */
  entityIdf(id: string): number;
  features(statement: number): UnitFeatures;
  /**
   * A statement whose features are this one's (same text, speaker and subject, and the same
   * sentence before it when it points back): a story re-published by several outlets is
   * compared once. Features hold offsets into their own document, so compare with the
   * representative's features throughout, never mix the two.
   */
  representative(statement: number): number;
  statementText(statement: number): string;
}

/** entity id -> the statements that name it, or have it as speaker or subject (rising, each once). */
function entityLists(statements: IndexStatement[]): Map<string, number[]> {
  const lists = new Map<string, number[]>();
  const add = (e: string, i: number) => {
    const list = lists.get(e);
    if (list === undefined) lists.set(e, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    const named = s.entities;
    for (let j = 0; j < named.length; j++) add(named[j], i);
    if (s.speaker) add(s.speaker, i);
    if (s.subject) add(s.subject, i);
  }
  return lists;
}

/** Validates and prepares an index. Throws IndexError with a one-line message when it is broken. */
export function loadIndex(raw: unknown): LoadedIndex {
  const file = validateIndex(raw);
  const matcher = compileMatcher(file.entities);
  const entityById = new Map(file.entities.map((e) => [e.id, e]));
  const postings = readTermLists(file);
  const statements = file.statements;
  const docStatementCount = new Array<number>(file.documents.length).fill(0);
  for (let i = 0; i < statements.length; i++) docStatementCount[statements[i].doc]++;
  const entityPostings = entityLists(statements);
  const statementText = (i: number): string => {
    const s = statements[i];
    return file.documents[s.doc].text.slice(s.start, s.end);
  };
  const n = Math.max(1, file.statements.length);
  const entityIdfCache = new Map<string, number>();
  const entityIdf = (id: string): number => {
    let v = entityIdfCache.get(id);
    if (v === undefined) entityIdfCache.set(id, (v = Math.log(1 + (n + 1) / ((entityPostings.get(id)?.length ?? 0) + 1))));
    return v;
  };
  const idfCache = new Map<string, number>();
  const idf = (term: string): number => {
    let v = idfCache.get(term);
    if (v === undefined) {
      const df = postings.get(term)?.length ?? 0;
      v = Math.log(1 + (n + 1) / (df + 1)) * (COMMON_TERMS.has(term) ? 0.5 : 1);
      idfCache.set(term, v);
    }
    return v;
  };
  // features by statement number, worked out on first use
  const cache: (UnitFeatures | undefined)[] = [];
  const bareCache: (UnitFeatures | undefined)[] = [];
  const bare = (i: number): UnitFeatures => {
    let f = bareCache[i];
    if (!f) {
      const s = file.statements[i];
      const text = file.documents[s.doc].text;
      // offsets into the document's text; the tokens keep the tokenizer's shape (no copies)
      const tokens = tokenize(text.slice(s.start, s.end), s.start);
      const mentions = findMentions(text, tokens, matcher, new Set([0]));
      f = unitFeatures(text, { start: s.start, end: s.end }, tokens, mentions, [s.speaker, s.subject], matcher);
      markLasting(f);
      bareCache[i] = f;
    }
    return f;
  };
  // a statement that points back ("such a proposal") takes the statement before it as context
  const features = (i: number): UnitFeatures => {
    let f = cache[i];
    if (!f) {
      const prev = i > 0 && file.statements[i - 1].doc === file.statements[i].doc ? i - 1 : -1;
      f = withContext(bare(i), prev >= 0 && pointsBack(statementText(i)) ? bare(prev) : null);
      markLasting(f);
      cache[i] = f;
    }
    return f;
  };
  const reps = new Int32Array(statements.length).fill(-1);
  const repOf = new Map<string, number>();
  const signature = (i: number): string => {
    const s = statements[i];
    return `${s.speaker ?? ''}\u0000${s.subject ?? ''}\u0000${statementText(i)}`;
  };
  const representative = (i: number): number => {
    if (reps[i] < 0) {
      const prev = i > 0 && statements[i - 1].doc === statements[i].doc && pointsBack(statementText(i)) ? i - 1 : -1;
      const key = prev >= 0 ? `${signature(i)}\u0001${signature(prev)}` : signature(i);
      let r = repOf.get(key);
      if (r === undefined) repOf.set(key, (r = i));
      reps[i] = r;
    }
    return reps[i];
  };
  return {
    file, matcher, entityById, postings, entityPostings, docStatementCount, idf, entityIdf, features, representative,
    statementText,
  };
}
