// Entity discovery for a corpus too large to hold at once: discoverEntities over chunks of
// texts, merged. A corpus that fits in one chunk gets exactly discoverEntities(texts); for
// larger ones the chunks' entities are merged by id, and people whose names are spelling
// variants of each other (Zelenskiy / Zelensky) become one, as discovery does within a chunk.
// What a chunk cannot know: a word seen capitalised in one chunk but in lower case only in
// another is judged by its own chunk.
import type { IndexEntity } from '../index/schema';
import { discoverEntities } from '../index/discover';
import { isGivenNameVariant, isSpellingVariant } from '../extract/fuzzy';
import { tokenize } from '../text/tokens';

/**
 * Texts per chunk: enough for names and their spellings to meet, small enough to hold; and
 * discovery costs more per text in bigger chunks (it compares names with every person found
 * so far), about twice as much at 1,000-2,000 as at 250-500 texts on a generated corpus.
 */
export const DEFAULT_CHUNK_TEXTS = 500;

interface PersonKey {
  given: string;
  surname: string;
  entity: IndexEntity;
}

export class EntityAccumulator {
  private texts: string[] = [];
  private chunks = 0;
  private readonly byId = new Map<string, IndexEntity>();
  /** People with a given name and a surname, by the surname's first letter. */
  private readonly people = new Map<string, PersonKey[]>();

  constructor(
    private readonly chunkTexts = DEFAULT_CHUNK_TEXTS,
    private readonly discover: (texts: string[]) => IndexEntity[] = discoverEntities,
  ) {}

  add(text: string): void {
    this.texts.push(text);
    if (this.texts.length >= this.chunkTexts) this.flush();
  }

  /** The corpus's entities, sorted by id. */
  finish(): IndexEntity[] {
    if (this.chunks === 0) return this.discover(this.texts.splice(0));
    this.flush();
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  private flush(): void {
    if (!this.texts.length) return;
    const found = this.discover(this.texts.splice(0));
    this.chunks++;
    // within a chunk, discovery has already grouped spelling variants: only earlier chunks' people are matched
    const added: PersonKey[] = [];
    for (const e of found) this.merge(e, added);
    for (const key of added) {
      const list = this.people.get(key.surname[0]) ?? [];
      list.push(key);
      this.people.set(key.surname[0], list);
    }
  }

  private merge(e: IndexEntity, added: PersonKey[]): void {
    const same = this.byId.get(e.id) ?? (e.type === 'person' ? this.variantOf(e) : undefined);
    if (same) {
      same.aliases = [...new Set([...same.aliases, ...e.aliases])].sort();
      return;
    }
    const copy = { ...e, aliases: [...e.aliases] };
    this.byId.set(copy.id, copy);
    const key = personKey(copy);
    if (key) added.push(key);
  }

  private variantOf(e: IndexEntity): IndexEntity | undefined {
    const key = personKey(e);
    if (!key) return undefined;
    return this.people
      .get(key.surname[0])
      ?.find((p) => isSpellingVariant(p.surname, key.surname) && isGivenNameVariant(p.given, key.given))?.entity;
  }
}

function personKey(e: IndexEntity): PersonKey | null {
  if (e.type !== 'person') return null;
  const norms = tokenize(e.name).map((t) => t.norm);
  if (norms.length < 2) return null;
  return { given: norms[0], surname: norms[norms.length - 1], entity: e };
}
