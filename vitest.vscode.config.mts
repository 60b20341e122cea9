import { defineConfig } from 'vitest/config';

/** The end-to-end suite in a real VS Code: one workbench at a time, long timeouts. */
export default defineConfig({
  test: {
    include: ['test/vscode/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
