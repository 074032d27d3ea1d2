// Term lists ("postings"): for every content term, the numbers of the statements that hold it,
// rising. The builder stores them in the index file (field `postings`, delta-encoded strings),
// so that loading a large index does not read every statement's text again; the loader uses
// them only when they were made from exactly these statements with this build's term rules
// (`rules` and `check` below), and otherwise builds them from the text as before.
import { tokenize } from '../text/tokens';
import { contentTerms, isContentWord, termOf } from '../text/terms';
import { IRREGULAR, NEGATORS, STOPWORDS, SYNONYM_GROUPS } from '../text/lexicon';
import { decodeList, Fingerprint, ListBytes, pushGap } from './list-code';

export { decodeList, encodeList } from './list-code';

/** The stored term lists of an index file. */
export interface IndexPostings {
  /** Which term rules made them (termRules()): other rules make other terms. */
  rules: string;
  /** Fingerprint of the statements' text and of `terms` and `lists` (see postingsCheck). */
  check: string;
  /** Every term once, in code-unit order. */
  terms: string[];
  /** For each term, its statement numbers: rising, delta-encoded (encodeList). */
  lists: string[];
}

/** What the term lists are made from. */
export interface StatementSource {
  documents: { text: string }[];
  statements: { doc: number; start: number; end: number }[];
}

/** What the matcher reads: the statements of a term (sorted, each once), like Map#get. */
export interface TermLists {
  get(term: string): number[] | undefined;
  readonly size: number;
  keys(): IterableIterator<string>;
}

// ---- the terms of a statement ----

/** Characters that never belong to a word token: text splits into independent chunks there. */
function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

/** A chunk that is one plain ASCII word with plain punctuation around it ("(Kyiv,"). */
const PLAIN_CHUNK = /^[("“[]*([A-Za-z]+)[.,;:!?)"”\]]*$/;

/** The terms of one white-space-free chunk, as contentTerms(tokenize(chunk)) gives them. */
export function chunkTerms(chunk: string): string[] {
  const plain = PLAIN_CHUNK.exec(chunk);
  if (plain) {
    // one token, no contraction, no compound: its term, if it is a content word
    const norm = plain[1].toLowerCase();
    return isContentWord(norm) ? [termOf(norm)] : [];
  }
  return contentTerms(tokenize(chunk)).map((h) => h.term);
}

/**
 * Reads statements in order and reports each (term, statement) pair once. A token never
 * spans white space, so each white-space-delimited chunk ("U.S.-backed", "(Zelensky's")
 * yields the same terms on its own as inside its sentence: a chunk is read once and its
 * terms (as slot numbers) are remembered.
 */
class TermScanner {
  /** slot -> term */
  readonly terms: string[] = [];
  private readonly slotOf = new Map<string, number>();
  /** slot -> the last statement reported for it */
  private readonly last: number[] = [];
  private readonly chunkSlots = new Map<string, number[]>();

  private slotsOf(chunk: string): number[] {
    let slots = this.chunkSlots.get(chunk);
    if (slots === undefined) {
      slots = [];
      for (const term of chunkTerms(chunk)) {
        let slot = this.slotOf.get(term);
        if (slot === undefined) {
          slot = this.terms.length;
          this.slotOf.set(term, slot);
          this.terms.push(term);
          this.last.push(-1);
        }
        if (!slots.includes(slot)) slots.push(slot);
      }
      // the table outlives a streamed document: keep no slice that is a view of its text
      // (V8 makes slices of 13 characters or more such views)
      if (this.chunkSlots.size >= 200_000) this.chunkSlots.clear();
      this.chunkSlots.set(chunk.length >= 13 ? [...chunk].join('') : chunk, slots);
    }
    return slots;
  }

  /** Statement `i` (statements come in rising order): `add(slot, i, previous statement of the slot or -1)` per new pair. */
  scan(i: number, text: string, start: number, end: number, add: (slot: number, i: number, prev: number) => void): void {
    const last = this.last;
    let k = start;
    while (k < end) {
      while (k < end && isSpace(text.charCodeAt(k))) k++;
      const from = k;
      while (k < end && !isSpace(text.charCodeAt(k))) k++;
      if (k === from) break;
      const slots = this.slotsOf(text.slice(from, k));
      for (let j = 0; j < slots.length; j++) {
        const slot = slots[j];
        const prev = last[slot];
        if (prev !== i) {
          last[slot] = i;
          add(slot, i, prev);
        }
      }
    }
  }
}

/** The term lists of every statement, read from the text. */
export function termListsFromText(file: StatementSource): Map<string, number[]> {
  const scanner = new TermScanner();
  const lists: number[][] = [];
  const add = (slot: number, i: number) => {
    if (slot === lists.length) lists.push([i]);
    else lists[slot].push(i);
  };
  const { documents, statements } = file;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    scanner.scan(i, documents[s.doc].text, s.start, s.end, add);
  }
  const out = new Map<string, number[]>();
  for (let slot = 0; slot < lists.length; slot++) out.set(scanner.terms[slot], lists[slot]);
  return out;
}

function hashStatements(f: Fingerprint, file: StatementSource): void {
  const { documents, statements } = file;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    f.slice(documents[s.doc].text, s.start, s.end);
  }
}

/**
 * Bump when the words a text yields as terms change in a way the probe below may not see
 * (the tokenizer's rules for compounds, contractions, accents…): stored lists made by the
 * old rules are then read from the text instead. Lexicon and stemmer changes that touch the
 * probe change the fingerprint by themselves; tests/core/term-rules.test.ts fails when the
 * seeds' terms change and the fingerprint does not.
 */
const TERM_RULES_VERSION = 1;
const PROBE_TEXT =
  'The U.S.-backed plan won’t work, Zelenskyy’s aide said (“three-way talks”) in Kyiv. NATO’s chief — Mark ' +
  'Rutte — said it’s “a non-starter”; the E.U. didn’t agree. Café owners in Zürich paid $90bn… or £67bn?! [sic] ' +
  'They’ve said they’d go; we will see. A 40-minute call, 10 days later: “No,” said the ex-president. It\'s done. ' +
  'Labour favours neighbours; 1,000 drones, 3.5% growth, co-operation, face-to-face, one-on-one, cease-fire.';
let rulesCache: string | undefined;

/** The fingerprint of this build's term rules: the terms of a probe text and of every lexicon word. */
export function termRules(): string {
  if (rulesCache === undefined) {
    const probe = [
      ...PROBE_TEXT.split(/\s+/),
      ...STOPWORDS, ...NEGATORS, ...SYNONYM_GROUPS.flat(), ...Object.keys(IRREGULAR), ...Object.values(IRREGULAR),
    ];
    const parts: string[] = [];
    for (const chunk of probe) parts.push(chunk, ...chunkTerms(chunk));
    // hashed as one string by a function of its own: the hot loop of mix() stays tuned to
    // long texts (sharing it with these short strings made the check of 50,000 statements 4x slower)
    const joined = parts.join('\u0001');
    let a = 0x811c9dc5;
    let b = 0;
    for (let k = 0; k < joined.length; k++) {
      a = Math.imul(a ^ joined.charCodeAt(k), 0x01000193);
      b = (Math.imul(b, 31) + joined.charCodeAt(k)) | 0;
    }
    rulesCache = `${TERM_RULES_VERSION}-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
  }
  return rulesCache;
}

/** The `check` of stored term lists: the statements' text, then each term and its list (null: a term or list is not a string). */
export function postingsCheck(file: StatementSource, terms: unknown[], lists: unknown[]): string | null {
  const f = new Fingerprint();
  hashStatements(f, file);
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k];
    const list = lists[k];
    if (typeof term !== 'string' || typeof list !== 'string') return null;
    f.text(term);
    f.text(list);
  }
  return f.hex();
}

// ---- writing ----

/**
 * Makes the stored term lists statement by statement (in order), without keeping the
 * statements or their text: the streaming build feeds it one document at a time.
 */
export class PostingsWriter {
  private readonly scanner = new TermScanner();
  private readonly lists: ListBytes[] = [];
  private readonly statementText = new Fingerprint();
  private count = 0;
  private readonly add = (slot: number, i: number, prev: number) => {
    if (slot === this.lists.length) this.lists.push(new ListBytes());
    pushGap(this.lists[slot], i - prev);
  };

  /** The next statement: its document's text and its offsets. */
  addStatement(text: string, start: number, end: number): void {
    this.scanner.scan(this.count++, text, start, end, this.add);
    this.statementText.slice(text, start, end);
  }

  finish(): IndexPostings {
    const terms = this.scanner.terms;
    const order = terms.map((_, slot) => slot).sort((x, y) => (terms[x] < terms[y] ? -1 : terms[x] > terms[y] ? 1 : 0));
    const decoder = new TextDecoder();
    const sortedTerms = order.map((slot) => terms[slot]);
    const lists = order.map((slot) => decoder.decode(this.lists[slot].bytes.subarray(0, this.lists[slot].length)));
    // the statements' part of the fingerprint is already in statementText: go on from there
    const f = this.statementText;
    for (let k = 0; k < sortedTerms.length; k++) {
      f.text(sortedTerms[k]);
      f.text(lists[k]);
    }
    return { rules: termRules(), check: f.hex(), terms: sortedTerms, lists };
  }
}

/** The stored term lists of these statements. */
export function postingsOf(file: StatementSource): IndexPostings {
  const w = new PostingsWriter();
  for (const s of file.statements) w.addStatement(file.documents[s.doc].text, s.start, s.end);
  return w.finish();
}

// ---- reading ----

/**
 * Stored lists, each decoded on first use. Whether they belong to these statements is checked
 * on first use too (rules, then a fingerprint of every statement's text and of the lists:
 * ~25 ms for 50,000 statements, which the first analysis pays instead of the load); when they
 * do not, the lists are read from the text then.
 */
class StoredTermLists implements TermLists {
  private slotOf: Map<string, number> | null = null;
  private decoded: (number[] | undefined)[] = [];
  /** The lists read from the text, once the stored ones turned out not to belong. */
  private rebuilt: Map<string, number[]> | null = null;

  constructor(
    private readonly file: StatementSource,
    private readonly p: { rules: string; check: string; terms: string[]; lists: string[] },
  ) {}

  /** Whether the stored lists are the ones in use (checks them first). */
  stored(): boolean {
    this.ready();
    return this.rebuilt === null;
  }

  private ready(): void {
    if (this.slotOf || this.rebuilt) return;
    const { rules, check, terms, lists } = this.p;
    if (rules === termRules() && postingsCheck(this.file, terms, lists) === check) {
      const slotOf = new Map<string, number>();
      for (let k = 0; k < terms.length; k++) slotOf.set(terms[k], k);
      if (slotOf.size === terms.length) {
        this.slotOf = slotOf;
        this.decoded = new Array(terms.length);
        return;
      }
    }
    this.rebuilt = termListsFromText(this.file);
  }

  get size(): number {
    this.ready();
    return this.rebuilt ? this.rebuilt.size : this.slotOf!.size;
  }

  keys(): IterableIterator<string> {
    this.ready();
    return this.rebuilt ? this.rebuilt.keys() : this.slotOf!.keys();
  }

  get(term: string): number[] | undefined {
    if (this.slotOf === null) this.ready();
    if (this.rebuilt) return this.rebuilt.get(term);
    const slot = this.slotOf!.get(term);
    if (slot === undefined) return undefined;
    let list = this.decoded[slot];
    if (list === undefined) {
      const read = decodeList(this.p.lists[slot], this.file.statements.length);
      // cannot happen when the fingerprint matched; never answer from a broken list
      if (read === null) return (this.rebuilt = termListsFromText(this.file)).get(term);
      this.decoded[slot] = list = read;
    }
    return list;
  }
}

/**
 * The term lists of an index: the stored ones when they belong to exactly these statements
 * and this build's rules, else read from the text (an index from before stored lists, from a
 * build with other term rules, edited or damaged: never a wrong list).
 */
export function readTermLists(file: StatementSource & { postings?: unknown }): TermLists {
  const p = file.postings;
  if (typeof p === 'object' && p !== null) {
    const { rules, check, terms, lists } = p as Record<string, unknown>;
    if (typeof rules === 'string' && typeof check === 'string' && Array.isArray(terms) && Array.isArray(lists) && terms.length === lists.length)
      return new StoredTermLists(file, { rules, check, terms: terms as string[], lists: lists as string[] });
  }
  return termListsFromText(file);
}

/** Whether an index's term lists are the stored ones (checking them now, if not done yet). */
export function usesStoredLists(lists: TermLists): boolean {
  return lists instanceof StoredTermLists && lists.stored();
}
