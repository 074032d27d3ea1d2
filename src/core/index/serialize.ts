import type { CrosscheckIndexFile } from './schema';

/** Stable JSON for the index: one statement per line so diffs of the committed index stay readable. */
export function serializeIndex(index: CrosscheckIndexFile): string {
  const { statements, documents, entities, ...head } = index;
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
    ']',
    '}',
  ];
  return lines.join('\n') + '\n';
}
