import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../src/page/article';
import { rangeForOffsets } from '../../src/page/text-ranges';

const PARAS = [
  'President Donald Trump said on Monday that the United States would help Europe provide security for Ukraine.',
  'But he also suggested that he no longer believed a ceasefire was a <b>necessary</b> prerequisite for a peace agreement.',
  'Zelenskiy struck a deferential tone, expressing gratitude more than once for the support of the United States.',
  'The leaders of Britain, Germany, France, Italy and Finland travelled to Washington to show solidarity with Ukraine.',
];

/** linkedom has no working Range: record the boundary points instead. */
interface Recorded {
  sn: Text;
  so: number;
  en: Text;
  eo: number;
  collapsed: boolean;
  toString(): string;
}
function withRecordingRanges(doc: Document): Document {
  (doc as unknown as { createRange(): Recorded }).createRange = () => {
    const r = {
      setStart(n: Text, o: number) { r.sn = n; r.so = o; },
      setEnd(n: Text, o: number) { r.en = n; r.eo = o; },
      get collapsed() { return r.sn === r.en && r.so === r.eo; },
      toString() {
        if (r.sn === r.en) return r.sn.data.slice(r.so, r.eo);
        return `${r.sn.data.slice(r.so)}…${r.en.data.slice(0, r.eo)}`;
      },
    } as unknown as Recorded & { setStart(n: Text, o: number): void; setEnd(n: Text, o: number): void };
    return r;
  };
  return doc;
}

function page() {
  const html = `<!doctype html><html><head><title>Test</title></head><body><article><h1>Trump and Zelenskiy meet</h1>${PARAS.map(
    (p) => `<p>${p}</p>`,
  ).join('')}</article></body></html>`;
  return withRecordingRanges(parseHTML(html).document as unknown as Document);
}

describe('rangeForOffsets', () => {
  it('maps every word of the article text back to the same characters in the DOM', () => {
    const doc = page();
    const article = extractArticle(doc);
    expect(article).not.toBeNull();
    const { text, segments } = article!;
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const start = m.index!;
      const range = rangeForOffsets(doc, segments, start, start + m[0].length);
      expect(range, m[0]).not.toBeNull();
      expect(range!.toString()).toBe(m[0]);
    }
  });

  it('spans element boundaries inside a sentence', () => {
    const doc = page();
    const { text, segments } = extractArticle(doc)!;
    const sentence = 'But he also suggested that he no longer believed a ceasefire was a necessary prerequisite for a peace agreement.';
    const start = text.indexOf(sentence);
    expect(start).toBeGreaterThanOrEqual(0);
    const range = rangeForOffsets(doc, segments, start, start + sentence.length)!;
    // Starts in the first text node, ends in the one after the <b>.
    expect(range.toString()).toBe('But he also suggested that he no longer believed a ceasefire was a … prerequisite for a peace agreement.');
  });

  it('returns null for empty spans and for text nodes that left the document', () => {
    const doc = page();
    const { text, segments } = extractArticle(doc)!;
    expect(rangeForOffsets(doc, segments, 5, 5)).toBeNull();
    const at = text.indexOf('Zelenskiy struck');
    doc.querySelectorAll('p')[2].remove();
    expect(rangeForOffsets(doc, segments, at, at + 9)).toBeNull();
  });
});
