// Markup and script payloads in the page's title, URL and text and in the index's outlets,
// titles and statements come out of every export as the same literal text: JSON and
// JSON-LD parse back to exactly what went in, CSV carries them verbatim, file names stay
// plain.
import { describe, expect, it } from 'vitest';
import { buildExport, exportFileStem, type ExportFormat } from '../../src/core/export';
import type { ExportPage } from '../../src/core/export/page';
import { SAMPLE } from './sample-analysis';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  'javascript:alert(2)',
  '</style><script>alert(3)</script>',
  '</script><img src=x onerror=alert(4)>',
  '<svg onload=alert(5)>',
];

function hostilePage(): ExportPage {
  const analysis = structuredClone(SAMPLE);
  analysis.document.title = `Headline ${PAYLOADS[2]}`;
  analysis.claims.forEach((claim, i) => {
    claim.text = `${claim.text} ${PAYLOADS[i % PAYLOADS.length]}`;
    claim.speaker = PAYLOADS[3];
    claim.matches.forEach((m, j) => {
      m.statement = `${m.statement} ${PAYLOADS[(i + j + 1) % PAYLOADS.length]}`;
      m.title = `Title ${PAYLOADS[4]}`;
      m.outlet = PAYLOADS[1];
      m.reasons = [...m.reasons, PAYLOADS[0]];
    });
  });
  return { url: `https://news.example/${encodeURIComponent(PAYLOADS[0])}`, title: `Page ${PAYLOADS[2]}`, analysis };
}

/** Every string anywhere in a JSON value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

const NOW = new Date('2025-03-04T05:06:07Z');

describe('hostile text in exports', () => {
  const page = hostilePage();

  it.each(['json', 'jsonld'] as ExportFormat[])('%s parses back with every payload intact', (format) => {
    const out = buildExport(format, page, NOW);
    const all = strings(JSON.parse(out)).join('\n');
    for (const p of PAYLOADS) expect(all, p).toContain(p);
  });

  it('json round-trips the hostile analysis exactly', () => {
    const back = JSON.parse(buildExport('json', page, NOW)) as { analysis?: unknown };
    expect(JSON.stringify(back)).toContain(JSON.stringify(page.analysis.claims[0].text));
  });

  it('csv carries every payload verbatim (no quotes or commas in them to escape)', () => {
    const out = buildExport('csv', page, NOW);
    for (const p of PAYLOADS) expect(out, p).toContain(p);
    // A cell that starts with a payload starting with '<' or 'j' needs no formula guard; the
    // outlet 'javascript:…' is kept as text, not turned into a link or dropped.
    expect(out).not.toContain("'javascript:");
  });

  it('file names made from a hostile URL are plain', () => {
    for (const url of ['javascript:alert(1)', 'https://<img src=x>/', `https://ex.com/${PAYLOADS[2]}`, 'data:text/html,<script>x</script>']) {
      expect(exportFileStem(url, NOW)).toMatch(/^crosscheck-[a-z0-9.-]+-2025-03-04$/i);
    }
  });
});
