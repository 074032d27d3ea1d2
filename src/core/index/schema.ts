// The index format: one versioned JSON file. The type and its validator live together
// so the two cannot drift apart.
import type { ClaimKind, EntityType } from '../types';
import type { IndexPostings } from './postings';

export const INDEX_FORMAT = 'crosscheck-index';
export const INDEX_VERSION = 1;

export type Modality = 'fact' | 'prediction' | 'possibility' | 'necessity' | 'desire' | 'belief';

export interface Figure {
  /** The figure as written, e.g. "$90 billion", "40-minute", "six". */
  text: string;
  start: number;
  end: number;
  value: number;
  /** Normalised unit: USD, GBP, EUR, percent, minute, hour, day, week, month, year, count, person… */
  unit: string;
  /** What is counted or measured, when a noun follows ("drones", "deal"), stemmed. */
  about: string | null;
}

export interface IndexDocument {
  id: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  language: string | null;
  url: string | null;
  text: string;
}

export interface IndexEntity {
  id: string;
  name: string;
  type: EntityType;
  /** Every surface form seen in the corpus, including misspellings. */
  aliases: string[];
}

export interface IndexStatement {
  /** Index of the document in `documents`. */
  doc: number;
  start: number;
  end: number;
  kind: ClaimKind;
  /** Entity id of the speaker, when the statement is a quote or an attribution. */
  speaker: string | null;
  /** Entity ids named in the statement, or implied by a demonym ("Italian" -> Italy). */
  entities: string[];
  /** Entity id the statement's leading pronoun refers to (from earlier sentences), if any. */
  subject: string | null;
  figures: Figure[];
  negated: boolean;
  modality: Modality;
}

export interface CrosscheckIndexFile {
  format: typeof INDEX_FORMAT;
  version: number;
  /** Free text: what the index was built from. */
  builtFrom: string;
  documents: IndexDocument[];
  entities: IndexEntity[];
  statements: IndexStatement[];
  /**
   * The term lists of the statements, as the builder stores them (optional: indexes from
   * before have none, and the loader then reads them from the text; it also does so when
   * they do not match the statements — see postings.ts).
   */
  postings?: IndexPostings;
}

export class IndexError extends Error {
  override name = 'IndexError';
}

const ENTITY_TYPES = new Set<EntityType>(['person', 'organization', 'place', 'other']);
const KINDS = new Set<ClaimKind>(['quote', 'attributed', 'figure', 'statement']);
const MODALITIES = new Set<Modality>(['fact', 'prediction', 'possibility', 'necessity', 'desire', 'belief']);

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const DOC_META = ['title', 'outlet', 'date', 'language', 'url'] as const;

/**
 * Checks that `raw` is a complete, internally consistent index. Throws an IndexError whose
 * message names the first problem found, in one line. (Plain loops: this reads every
 * statement of indexes of 50,000 and more each time one is loaded.)
 */
export function validateIndex(raw: unknown): CrosscheckIndexFile {
  if (!isObj(raw)) throw new IndexError('index is not a JSON object');
  if (raw.format !== INDEX_FORMAT) throw new IndexError(`not a Crosscheck index (format is ${JSON.stringify(raw.format)})`);
  if (raw.version !== INDEX_VERSION)
    throw new IndexError(`index version ${JSON.stringify(raw.version)} is not supported (this build reads version ${INDEX_VERSION})`);
  const { documents, entities, statements } = raw;
  if (!Array.isArray(documents) || documents.length === 0) throw new IndexError('index has no documents');
  if (!Array.isArray(entities)) throw new IndexError('index.entities is not a list');
  if (!Array.isArray(statements)) throw new IndexError('index.statements is not a list');
  const docIds = new Set<string>();
  const textLength: number[] = new Array(documents.length);
  for (let i = 0; i < documents.length; i++) {
    const d: unknown = documents[i];
    if (!isObj(d)) throw new IndexError(`documents[${i}] is not an object`);
    if (typeof d.id !== 'string' || !d.id) throw new IndexError(`documents[${i}].id is missing`);
    if (docIds.has(d.id)) throw new IndexError(`documents[${i}].id "${d.id}" is duplicated`);
    docIds.add(d.id);
    if (typeof d.text !== 'string') throw new IndexError(`documents[${i}].text is missing`);
    textLength[i] = d.text.length;
    for (const k of DOC_META) {
      const v = d[k];
      if (v !== null && typeof v !== 'string') throw new IndexError(`documents[${i}].${k} must be a string or null`);
    }
  }
  const entityIds = new Set<string>();
  for (let i = 0; i < entities.length; i++) {
    const e: unknown = entities[i];
    if (!isObj(e)) throw new IndexError(`entities[${i}] is not an object`);
    if (typeof e.id !== 'string' || !e.id) throw new IndexError(`entities[${i}].id is missing`);
    if (entityIds.has(e.id)) throw new IndexError(`entities[${i}].id "${e.id}" is duplicated`);
    entityIds.add(e.id);
    if (typeof e.name !== 'string' || !e.name) throw new IndexError(`entities[${i}].name is missing`);
    if (!ENTITY_TYPES.has(e.type as EntityType)) throw new IndexError(`entities[${i}].type ${JSON.stringify(e.type)} is not a known type`);
    const aliases = e.aliases;
    let aliasesOk = Array.isArray(aliases) && aliases.length > 0;
    if (aliasesOk) for (let j = 0; j < (aliases as unknown[]).length; j++) {
      const a = (aliases as unknown[])[j];
      if (typeof a !== 'string' || a.length === 0) aliasesOk = false;
    }
    if (!aliasesOk) throw new IndexError(`entities[${i}].aliases must be a non-empty list of strings`);
  }
  const isEntityOrNull = (v: unknown) => v === null || (typeof v === 'string' && entityIds.has(v));
  for (let i = 0; i < statements.length; i++) {
    const s: unknown = statements[i];
    if (!isObj(s)) throw new IndexError(`statements[${i}] is not an object`);
    const doc = s.doc;
    if (!isInt(doc) || doc >= documents.length) throw new IndexError(`statements[${i}].doc points to no document`);
    const { start, end } = s;
    if (!isInt(start) || !isInt(end) || end <= start || end > textLength[doc])
      throw new IndexError(`statements[${i}] has offsets outside its document`);
    if (!KINDS.has(s.kind as ClaimKind)) throw new IndexError(`statements[${i}].kind ${JSON.stringify(s.kind)} is not a known kind`);
    if (!MODALITIES.has(s.modality as Modality)) throw new IndexError(`statements[${i}].modality ${JSON.stringify(s.modality)} is unknown`);
    if (typeof s.negated !== 'boolean') throw new IndexError(`statements[${i}].negated must be true or false`);
    if (!isEntityOrNull(s.speaker)) throw new IndexError(`statements[${i}].speaker names no entity of the index`);
    if (!isEntityOrNull(s.subject)) throw new IndexError(`statements[${i}].subject names no entity of the index`);
    const named = s.entities;
    let namedOk = Array.isArray(named);
    if (namedOk) for (let j = 0; j < (named as unknown[]).length; j++) {
      const e = (named as unknown[])[j];
      if (typeof e !== 'string' || !entityIds.has(e)) namedOk = false;
    }
    if (!namedOk) throw new IndexError(`statements[${i}].entities names an entity the index does not have`);
    const figures = s.figures;
    if (!Array.isArray(figures)) throw new IndexError(`statements[${i}].figures is not a list`);
    for (let j = 0; j < figures.length; j++) {
      const f: unknown = figures[j];
      if (!isObj(f) || typeof f.value !== 'number' || !Number.isFinite(f.value) || typeof f.unit !== 'string' || typeof f.text !== 'string')
        throw new IndexError(`statements[${i}].figures[${j}] is malformed`);
    }
  }
  if (typeof raw.builtFrom !== 'string') throw new IndexError('index.builtFrom is missing');
  return raw as unknown as CrosscheckIndexFile;
}
