import { describe, expect, it } from 'vitest';
import {
  buildClaimReviews,
  buildCsvExport,
  buildExport,
  buildJsonExport,
  CSV_COLUMNS,
  csvField,
  exportFileStem,
  neutraliseFormula,
  stanceSummary,
} from '../../src/core/export';
import { SAMPLE, SAMPLE_PAGE, XSS } from './sample-analysis';

/** Minimal RFC 4180 reader, to check that what we write reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

const NOW = new Date('2025-03-04T05:06:07Z');

describe('CSV export', () => {
  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    expect(neutraliseFormula('1 = 1')).toBe('1 = 1');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
  });

  it('writes one row per claim x match, CRLF, and reads back', () => {
    const csv = buildCsvExport(SAMPLE_PAGE);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    // 2 matches + 1 match + 1 claim without matches
    expect(rows).toHaveLength(1 + 4);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows[1][col('claim_text')]).toBe(SAMPLE.claims[0].text);
    expect(rows[1][col('stance')]).toBe('corroborates');
    expect(rows[1][col('score')]).toBe('0.912');
    expect(rows[2][col('match_outlet')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[2][col('reasons')]).toBe('negation: "are off" vs "resume"; -2 weeks');
    expect(rows[3][col('match_statement')]).toBe(SAMPLE.claims[1].matches[0].statement);
    expect(rows[4][col('claim_text')]).toBe(`'+1 more thing nobody else reported`);
    expect(rows[4][col('match_doc')]).toBe('');
    // Every cell: nothing starts with a formula character.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('JSON export', () => {
  it('round-trips the analysis with url and title', () => {
    const parsed = JSON.parse(buildJsonExport(SAMPLE_PAGE, NOW));
    expect(parsed.url).toBe(SAMPLE_PAGE.url);
    expect(parsed.title).toBe(SAMPLE_PAGE.title);
    expect(parsed.exportedAt).toBe(NOW.toISOString());
    expect(parsed.analysis).toEqual(SAMPLE);
  });
});

describe('ClaimReview JSON-LD export', () => {
  it('has one ClaimReview per claim with matches, honest about being automated', () => {
    const doc = JSON.parse(buildExport('jsonld', SAMPLE_PAGE, NOW));
    expect(doc['@context']).toBe('https://schema.org');
    const reviews = doc['@graph'];
    expect(reviews).toHaveLength(2);
    const [first, second] = reviews;
    expect(first['@type']).toBe('ClaimReview');
    expect(first.url).toBe(SAMPLE_PAGE.url);
    expect(first.datePublished).toBe('2025-03-04');
    expect(first.claimReviewed).toBe(SAMPLE.claims[0].text);
    expect(first.itemReviewed).toEqual({
      '@type': 'Claim',
      appearance: { '@type': 'CreativeWork', url: SAMPLE_PAGE.url, headline: SAMPLE_PAGE.title },
      author: { '@type': 'Person', name: 'Volodymyr Zelensky' },
    });
    expect(first.reviewRating['@type']).toBe('Rating');
    expect(first.reviewRating.alternateName).toBe(
      '1 statement conflicts, 1 statement corroborates (automated comparison, not a verdict)',
    );
    expect(first.reviewRating).not.toHaveProperty('ratingValue');
    expect(first.reviewBody).toMatch(/not a verdict/);
    expect(first.isBasedOn[0]).toEqual({
      '@type': 'CreativeWork',
      identifier: '003_47dcfd72622b8e67',
      text: 'Talks will resume next week, Zelensky said.',
      name: 'Talks to resume, Zelensky says',
      publisher: { '@type': 'Organization', name: 'Kyiv Independent' },
    });
    expect(second.itemReviewed).not.toHaveProperty('author');
    expect(second.claimReviewed).toContain(XSS);
  });

  it('summarises stances in words', () => {
    expect(stanceSummary(SAMPLE.claims[1])).toBe('1 statement is related');
    expect(stanceSummary(SAMPLE.claims[2])).toBe('no matching statements');
    expect(buildClaimReviews({ ...SAMPLE_PAGE, analysis: { ...SAMPLE, claims: [] } })).toEqual([]);
  });
});

describe('file names', () => {
  it('names files after the host and date', () => {
    expect(exportFileStem('https://news.example.com/x', NOW)).toBe('crosscheck-news.example.com-2025-03-04');
    expect(exportFileStem('not a url', NOW)).toBe('crosscheck-page-2025-03-04');
  });
});
