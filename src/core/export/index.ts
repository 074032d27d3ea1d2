// Pure export builders (no DOM): the side panel turns their strings into downloads.
export { buildJsonExport, type JsonExport } from './json';
export { buildCsvExport, csvField, csvRow, neutraliseFormula, CSV_COLUMNS } from './csv';
export { buildClaimReviewExport, buildClaimReviews, stanceSummary, AUTOMATED_NOTE } from './claimreview';
export { exportFileStem, stanceCounts, type ExportPage } from './page';

export type ExportFormat = 'json' | 'csv' | 'jsonld';

export const EXPORT_MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  jsonld: 'application/ld+json',
};

export const EXPORT_EXTENSION: Record<ExportFormat, string> = {
  json: '.json',
  csv: '.csv',
  jsonld: '.claimreview.jsonld',
};

import { buildJsonExport } from './json';
import { buildCsvExport } from './csv';
import { buildClaimReviewExport } from './claimreview';
import type { ExportPage } from './page';

export function buildExport(format: ExportFormat, page: ExportPage, now: Date = new Date()): string {
  if (format === 'csv') return buildCsvExport(page);
  if (format === 'jsonld') return buildClaimReviewExport(page, now);
  return buildJsonExport(page, now);
}
