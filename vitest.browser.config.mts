import { defineConfig } from 'vitest/config';

// The monitor panel in headless Chromium (test/browser): a separate run from the unit tests, since
// each file builds the webview bundle and starts a browser. `npx vitest run -c vitest.browser.config.mts`.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
