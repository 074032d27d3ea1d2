// CSV export: one row per claim x match (a claim without matches still gets one row, with
// the match columns empty, so no claim goes missing). RFC 4180: CRLF line ends, fields
// with a comma, quote, CR or LF are quoted and quotes doubled. Text that a spreadsheet
// would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP
// "CSV injection").
import type { ExportPage } from './page';

export const CSV_COLUMNS = [
  'page_url',
  'page_title',
  'claim_index',
  'claim_text',
  'claim_kind',
  'speaker',
  'match_doc',
  'match_outlet',
  'match_title',
  'match_statement',
  'stance',
  'score',
  'reasons',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a text cell a spreadsheet would treat as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field. Strings are neutralised; numbers we produce ourselves are not. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: (string | number | null)[]): string {
  return values.map(csvField).join(',');
}

export function buildCsvExport(page: ExportPage): string {
  const rows: string[] = [csvRow([...CSV_COLUMNS])];
  page.analysis.claims.forEach((claim, i) => {
    const head = [page.url, page.title, i, claim.text, claim.kind, claim.speaker];
    if (claim.matches.length === 0) {
      rows.push(csvRow([...head, null, null, null, null, null, null, null]));
      return;
    }
    for (const m of claim.matches) {
      rows.push(
        csvRow([
          ...head,
          m.doc,
          m.outlet,
          m.title,
          m.statement,
          m.stance,
          Math.round(m.score * 1000) / 1000,
          m.reasons.join('; '),
        ]),
      );
    }
  });
  return `${rows.join('\r\n')}\r\n`;
}
