// Browser part of the benchmark (real Chromium with dist/chrome): see measureInChromium.
export interface BrowserPage { page: string; content_script_ms: number; longest_task_ms: number; bare_walk_ms: number; content_script_over_walk_ratio: number }
export async function browserPart(_log: (s: string) => void): Promise<{ pages: BrowserPage[] } | { skipped: string }> {
  return { skipped: 'browser part: not implemented yet' };
}
