// Real Chromium with the built extension: launch, keep traffic on loopback, talk to the
// content script through the service worker, collect console errors from every context.
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { REPO_ROOT } from '../fixtures/pages';
import type { PageAnalysis, StateReply } from '../../src/messaging/types';

export const CHROME_DIST = join(REPO_ROOT, 'dist/chrome');
export const FIREFOX_DIST = join(REPO_ROOT, 'dist/firefox');
export const SCREENSHOTS = join(REPO_ROOT, 'tests/e2e/screenshots');

export const CHROMIUM_PATH = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find(
  (p) => existsSync(p),
);

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/** Only loopback and the extension itself; everything else (publishers' servers) is aborted. */
export function allowedUrl(url: string): boolean {
  if (/^(chrome-extension|data|about):/.test(url)) return true;
  if (url.startsWith('blob:')) return /^blob:(chrome-extension:|http:\/\/127\.0\.0\.1[:/])/.test(url);
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export interface ConsoleProblem {
  where: string;
  text: string;
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  sw: Worker;
  problems: ConsoleProblem[];
  blocked: string[];
  close(): Promise<void>;
}

/** Noise from requests we abort on purpose (saved pages point at publishers' servers). */
function isExpectedNoise(text: string): boolean {
  return /Failed to load resource|net::ERR_FAILED|net::ERR_BLOCKED|Refused to (load|execute|apply)|Content Security Policy/i.test(text);
}

/**
 * `userDataDir`: a profile to reuse (a browser restart keeps what the extension stored there);
 * the caller then removes it. Without it a fresh profile is made and removed on close.
 * `extensionDir`: load the extension from there instead of dist/chrome (the id follows the path).
 */
export async function launchWithExtension(opts: { userDataDir?: string; extensionDir?: string } = {}): Promise<Session> {
  const extensionDir = opts.extensionDir ?? CHROME_DIST;
  if (!CHROMIUM_PATH) throw new Error('no Chromium');
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'crosscheck-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
    ],
  });
  const problems: ConsoleProblem[] = [];
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowedUrl(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const watchPage = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' && !isExpectedNoise(m.text())) problems.push({ where: page.url(), text: m.text() });
    });
    page.on('pageerror', (err) => problems.push({ where: page.url(), text: `uncaught: ${err.message}` }));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  sw.on('console', (m) => {
    if (m.type() === 'error') problems.push({ where: 'service worker', text: m.text() });
  });
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    extensionId,
    sw,
    problems,
    blocked,
    close: async () => {
      await context.close().catch(() => undefined);
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

interface ChromeInSw {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, msg: unknown): Promise<unknown>;
  };
}

/** Asks every tab's content script `msg` and returns the answer of the tab showing `url`. */
export async function askTab<T>(sw: Worker, url: string, msg: object): Promise<{ tabId: number; reply: T } | null> {
  return sw.evaluate(
    async ({ url, msg }) => {
      const chrome = (globalThis as unknown as { chrome: ChromeInSw }).chrome;
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const state = (await chrome.tabs.sendMessage(tab.id, { type: 'crosscheck:state' })) as { url?: string } | undefined;
          if (!state || state.url !== url) continue;
          const reply = (await chrome.tabs.sendMessage(tab.id, msg)) as never;
          return { tabId: tab.id, reply };
        } catch {
          // no content script in that tab
        }
      }
      return null;
    },
    { url, msg },
  ) as Promise<{ tabId: number; reply: T } | null>;
}

export async function tabState(sw: Worker, url: string): Promise<StateReply | null> {
  return (await askTab<StateReply>(sw, url, { type: 'crosscheck:state' }))?.reply ?? null;
}

export async function tabAnalysis(sw: Worker, url: string): Promise<PageAnalysis | null> {
  return (await askTab<PageAnalysis | null>(sw, url, { type: 'crosscheck:analysis' }))?.reply ?? null;
}

/** Polls the tab's state until `done(state)` or the timeout; returns the last state seen. */
export async function waitForState(
  sw: Worker,
  url: string,
  done: (s: StateReply) => boolean,
  timeoutMs = 20_000,
): Promise<StateReply | null> {
  const until = Date.now() + timeoutMs;
  let last: StateReply | null = null;
  while (Date.now() < until) {
    last = await tabState(sw, url);
    if (last && last.ready && done(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

/** Highlight names and sizes, as seen from the page's main world. */
export async function highlightsInPage(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    if (reg) for (const [name, h] of reg) out[name] = h.size;
    return out;
  });
}
