import { defineConfig } from 'vitest/config';

// Unit tests run without the crx plugin: core/ is pure and needs no browser.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
