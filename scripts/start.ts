// `npm start`: build the extension, serve a demo page from 127.0.0.1 (seed article 000 in a
// real news page's markup from ../shared/fixtures/pages, or in our own page template when
// that folder is absent), and open it in Chromium with the extension loaded.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, sharedPagesAvailable } from '../tests/fixtures/pages';
import { startTestServer } from '../tests/fixtures/server';

const DIST = join(REPO_ROOT, 'dist/chrome');
const TEMPLATE = process.env.CROSSCHECK_DEMO_TEMPLATE ?? 'nytimes-1';
const PORT = Number(process.env.PORT ?? 8731);

function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

function printManualSteps(url: string): void {
  console.log(`
To load the extension by hand:
  1. open chrome://extensions and switch on "Developer mode";
  2. "Load unpacked" and choose ${DIST};
  3. open ${url}
(Firefox: about:debugging → This Firefox → "Load Temporary Add-on…" → ${join(REPO_ROOT, 'dist/firefox/manifest.json')})`);
}

async function main(): Promise<void> {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const server = await startTestServer(PORT).catch(() => startTestServer(0));
  const demo = sharedPagesAvailable()
    ? `${server.origin}/seeded/${TEMPLATE}.html?seed=000`
    : `${server.origin}/own/article.html?seed=000`;
  console.log(`\nDemo page: ${demo}`);
  console.log(`Also try:  ${server.origin}/own/spa.html?seed=000&alt=002  (single-page app; run navigateTo('b') in its console)`);
  if (!sharedPagesAvailable()) console.log('(../shared/fixtures/pages not found: using the page template in tests/fixtures)');

  const chromium = findChromium();
  const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
  if (!chromium || !hasDisplay) {
    console.log(
      !chromium
        ? '\nNo Chromium or Chrome found (set CHROME_PATH to use another one).'
        : `\nNo display (DISPLAY / WAYLAND_DISPLAY unset), so ${chromium} cannot open a window here. Run \`xvfb-run npm start\` or start it from a desktop session.`,
    );
    printManualSteps(demo);
    console.log('\nServing the demo page; press Ctrl+C to stop.');
    return;
  }

  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-start-'));
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // The saved pages still point at their publishers' servers: resolve nothing but loopback.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    demo,
  ];
  console.log(`\nStarting ${chromium} with the extension from ${DIST} (fresh profile; only 127.0.0.1 is reachable).`);
  console.log('Hover a marked sentence, or press Alt+J / Alt+K / Alt+Enter; Alt+Shift+H toggles highlights.');
  const child = spawn(chromium, args, { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    process.exit(0);
  };
  child.on('exit', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
