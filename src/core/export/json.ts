// JSON export: the page's AnalysisResult (the `check --json` shape) plus where it came from.
import type { AnalysisResult } from '../types';
import type { ExportPage } from './page';

export interface JsonExport {
  url: string;
  title: string | null;
  exportedAt: string;
  generator: string;
  analysis: AnalysisResult;
}

export function buildJsonExport(page: ExportPage, now: Date = new Date()): string {
  const out: JsonExport = {
    url: page.url,
    title: page.title,
    exportedAt: now.toISOString(),
    generator: 'Crosscheck (automated comparison with a bundled index; not a verdict)',
    analysis: page.analysis,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
