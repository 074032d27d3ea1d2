import { defineConfig } from 'vitest/config';

// End-to-end tests in real browsers, on the built extension (run `npm run build` first).
// One file at a time: each launches its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    sequence: { concurrent: false },
  },
});
