import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** Same as esbuild's `text` loader: prompt templates (.md) and helper scripts (.py) import as strings. */
const textFiles: Plugin = {
  name: 'loopgain-text-files',
  enforce: 'pre',
  load(id) {
    const file = id.split('?')[0] ?? id;
    if (!/\.(md|py)$/.test(file)) return undefined;
    return `export default ${JSON.stringify(readFileSync(file, 'utf8'))};`;
  },
};

export default defineConfig({
  plugins: [textFiles],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'webview/src/**/*.test.{ts,tsx}'],
    // test/browser has its own config (vitest.browser.config.mts): it needs a build and Chromium.
    exclude: ['**/node_modules/**', 'test/fixtures/**', 'test/browser/**', 'test/vscode/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
