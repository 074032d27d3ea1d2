// Firefox smoke test: the built dist/firefox in headless firefox-esr through `web-ext run`.
// web-ext cannot reach into the page, so a test page of our own reads CSS.highlights in its
// main world and posts what it sees to the loopback server (the extension writes nothing
// to the DOM for this).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/pages';
import { startTestServer, type TestServer } from '../fixtures/server';
import { FIREFOX_DIST } from './harness';

const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
const built = existsSync(join(FIREFOX_DIST, 'manifest.json'));
if (!FIREFOX) console.warn('\n!!! SKIP: no Firefox found (/usr/bin/firefox-esr); Firefox smoke test skipped !!!\n');
else if (!built) console.warn('\n!!! SKIP: dist/firefox not built (run `npm run build`); Firefox smoke test skipped !!!\n');

// Everything but loopback goes to a dead proxy; no telemetry, updates or safe-browsing.
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
];

interface Report {
  size: number;
  names: Record<string, number>;
  styled: boolean;
  textUnchanged: boolean;
  ua: string;
}

describe.skipIf(!built)('Firefox build', () => {
  it('passes web-ext lint with no errors', () => {
    const run = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', `--source-dir=${FIREFOX_DIST}`, '--output=json', '--no-input'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    const json = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { errors: { code: string; message: string }[] };
    expect(json.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
  });
});

describe.skipIf(!FIREFOX || !built)('Firefox (web-ext run, headless)', () => {
  let server: TestServer | undefined;
  let child: ChildProcess | undefined;
  let profile: string | undefined;

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM'); // web-ext and the Firefox it started
      } catch {
        // already gone
      }
    }
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('marks claims on a page with seed article 000', async () => {
    server = await startTestServer();
    profile = mkdtempSync(join(tmpdir(), 'crosscheck-ff-'));
    const url = `${server.origin}/own/firefox-report.html?seed=000`;
    const args = [
      join(REPO_ROOT, 'node_modules/web-ext/bin/web-ext.js'),
      'run',
      '--target=firefox-desktop',
      `--firefox=${FIREFOX}`,
      `--source-dir=${FIREFOX_DIST}`,
      `--firefox-profile=${profile}`,
      '--profile-create-if-missing',
      `--start-url=${url}`,
      '--no-input',
      '--no-reload',
      ...PREFS.map((p) => `--pref=${p}`),
    ];
    let output = '';
    child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, MOZ_HEADLESS: '1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    let report: Report;
    try {
      report = (await server.nextReport(90_000)) as Report;
    } catch (err) {
      console.log(output.slice(-3000));
      throw err;
    }
    console.log(`Firefox saw: ${JSON.stringify(report)}`);
    expect(report.ua).toMatch(/Firefox/);
    expect(report.size).toBeGreaterThan(0);
    expect(report.names['crosscheck-corroborates']).toBeGreaterThanOrEqual(1);
    expect(report.names['crosscheck-conflicts']).toBeGreaterThanOrEqual(1);
    expect(report.names['crosscheck-entity']).toBeGreaterThanOrEqual(1);
    expect(report.styled, '::highlight styles are in the document').toBe(true);
    expect(report.textUnchanged).toBe(true);
  });
});
