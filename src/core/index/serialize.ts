import type { CrosscheckIndexFile } from './schema';
import type { IndexPostings } from './postings';

/** Stable JSON for the index: one statement per line so diffs of the committed index stay readable. */
export function serializeIndex(index: CrosscheckIndexFile): string {
  const { statements, documents, entities, postings, ...head } = index;
  const lines = [
    '{',
    ...Object.entries(head).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},`),
    '"documents": [',
    documents.map((d) => JSON.stringify(d)).join(',\n'),
    '],',
    '"entities": [',
    entities.map((e) => JSON.stringify(e)).join(',\n'),
    '],',
    '"statements": [',
    statements.map((s) => JSON.stringify(s)).join(',\n'),
    postings ? '],' : ']',
    ...(postings ? postingsLines(postings) : []),
    '}',
  ];
  return lines.join('\n') + '\n';
}

/** The lines of the `"postings": …` member (last in the file, no comma): one term and one list per line. */
export function postingsLines(p: IndexPostings): string[] {
  const items = (xs: string[]) => xs.map((x, k) => JSON.stringify(x) + (k < xs.length - 1 ? ',' : ''));
  return [
    `"postings": {"rules": ${JSON.stringify(p.rules)}, "check": ${JSON.stringify(p.check)},`,
    '"terms": [',
    ...items(p.terms),
    '],',
    '"lists": [',
    ...items(p.lists),
    ']}',
  ];
}
