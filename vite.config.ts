// `vite build --mode chrome` -> dist/chrome, `vite build --mode firefox` -> dist/firefox.
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { makeManifest, CONTENT_SCRIPT, SIDEPANEL_PAGE, type TargetBrowser } from './manifest.config';

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    // _locales/ lives here and is copied as-is to the root of the build.
    publicDir: 'src/public',
    plugins: [
      preact(),
      crx({
        // crxjs types want its own manifest type; ours is a plain object that fits it.
        manifest: makeManifest(browser) as Parameters<typeof crx>[0]['manifest'],
        browser,
        // One self-contained file: no loader, no web_accessible_resources, no dynamic import
        // from the page's origin.
        contentScripts: { standaloneFiles: [CONTENT_SCRIPT] },
      }),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'chrome' ? 'chrome116' : 'firefox142',
      sourcemap: false,
      // crxjs does not pick up sidebar_action pages by itself (and the side panel must exist
      // in both builds), so name the page as an input.
      rolldownOptions: { input: { sidepanel: SIDEPANEL_PAGE } },
    },
    server: { host: '127.0.0.1', strictPort: true, port: 5173 },
  };
});
