// Firefox smoke test: the built dist/firefox in headless firefox-esr through `web-ext run`.
// web-ext cannot reach into the page, so a test page of our own reads CSS.highlights in its
// main world and posts what it sees to the loopback server (the extension writes nothing
// to the DOM for this).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/pages';
import { startTestServer, type TestServer } from '../fixtures/server';
import { FIREFOX_DIST } from './harness';
import { FIREFOX, FIREFOX_BUILT as built, runFirefox, type FirefoxRun } from './firefox-run';

if (!FIREFOX) console.warn('\n!!! SKIP: no Firefox found (/usr/bin/firefox-esr); Firefox smoke test skipped !!!\n');
else if (!built) console.warn('\n!!! SKIP: dist/firefox not built (run `npm run build`); Firefox smoke test skipped !!!\n');

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
  let ff: FirefoxRun | undefined;

  afterAll(async () => {
    await ff?.stop();
    await server?.close();
  });

  it('marks claims on a page with seed article 000', async () => {
    server = await startTestServer();
    ff = runFirefox(`${server.origin}/own/firefox-report.html?seed=000`);
    let report: Report;
    try {
      report = (await server.nextReport(90_000)) as Report;
    } catch (err) {
      console.log(ff.output().slice(-3000));
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
