// axe-core in a Playwright page, for the UI's own tests and the e2e tests alike:
//
//   import { runAxe, assertNoAxeViolations } from '../ui/axe-helper';
//   await page.goto(`chrome-extension://${id}/src/popup/index.html?tabId=${tabId}`);
//   await assertNoAxeViolations(page, { colorScheme: 'dark' });
//
// axe is injected through page.evaluate (DevTools protocol), which extension pages' CSP
// (script-src 'self') does not block, unlike <script> tags or eval from the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

export interface AxeOptions {
  /** Emulate this colour scheme first (the UI follows prefers-color-scheme). */
  colorScheme?: 'light' | 'dark';
  /** CSS selector to limit the check to. */
  include?: string;
  /** Rule ids to skip, each with a reason in the caller. */
  disableRules?: string[];
}

let axeSource: string | null = null;
function source(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Runs axe-core (WCAG 2.x A/AA and best practices) on the page; returns the violations. */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!present) await page.evaluate(source());
  return page.evaluate(
    async ({ include, disableRules }) => {
      const axe = (window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> };
      }).axe;
      const rules = Object.fromEntries((disableRules ?? []).map((id) => [id, { enabled: false }]));
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        rules,
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      }));
    },
    { include: options.include, disableRules: options.disableRules },
  );
}

/** One readable line per violation and node. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help}\n  at ${n.target.join(' ')}: ${n.html.slice(0, 160)}`))
    .join('\n');
}

/** Throws with every violation listed when axe finds any. */
export async function assertNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  const violations = await runAxe(page, options);
  if (violations.length) throw new Error(`axe-core found ${violations.length} violation(s) on ${page.url()}:\n${formatViolations(violations)}`);
}
