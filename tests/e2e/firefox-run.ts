// Starts the built dist/firefox in headless firefox-esr through `web-ext run` on start URLs
// (each in a tab of its own).
// web-ext cannot reach into a page, so Firefox tests use pages of their own that observe the
// page and report to the loopback test server. Everything but loopback goes to a dead proxy.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../fixtures/pages';
import { FIREFOX_DIST } from './harness';

export const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
export const FIREFOX_BUILT = existsSync(join(FIREFOX_DIST, 'manifest.json'));

// No telemetry, updates or safe-browsing; console messages of pages and of the extension's
// own contexts are dumped to stdout, so a test can look for the extension's errors.
const PREFS = [
  'network.proxy.type=1',
  'network.proxy.http=127.0.0.1',
  'network.proxy.http_port=9',
  'network.proxy.ssl=127.0.0.1',
  'network.proxy.ssl_port=9',
  'network.proxy.no_proxies_on=127.0.0.1',
  'app.update.enabled=false',
  'browser.safebrowsing.malware.enabled=false',
  'browser.safebrowsing.phishing.enabled=false',
  'datareporting.policy.dataSubmissionEnabled=false',
  'toolkit.telemetry.enabled=false',
  'browser.shell.checkDefaultBrowser=false',
  'extensions.getAddons.cache.enabled=false',
  'devtools.console.stdout.content=true',
  'devtools.console.stdout.chrome=true',
];

export interface FirefoxRun {
  /** Everything web-ext and Firefox printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export function runFirefox(startUrls: string | string[]): FirefoxRun {
  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-ff-'));
  const args = [
    join(REPO_ROOT, 'node_modules/web-ext/bin/web-ext.js'),
    'run',
    '--target=firefox-desktop',
    `--firefox=${FIREFOX}`,
    `--source-dir=${FIREFOX_DIST}`,
    `--firefox-profile=${profile}`,
    '--profile-create-if-missing',
    ...[startUrls].flat().map((u) => `--start-url=${u}`),
    '--no-input',
    '--no-reload',
    '--verbose',
    ...PREFS.map((p) => `--pref=${p}`),
  ];
  let out = '';
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, MOZ_HEADLESS: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    output: () => out,
    stop: async () => {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM'); // web-ext and the Firefox it started
        } catch {
          // already gone
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
