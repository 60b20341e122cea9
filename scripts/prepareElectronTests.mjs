// Prepares `npm run test:electron`: bundles the in-editor suite and makes a fresh copy of the sample
// workspace for it to open (see .vscode-test.mjs).
import { cpSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

rmSync('out/electron-suite', { recursive: true, force: true });
rmSync('out/electron-workspace', { recursive: true, force: true });
cpSync('samples/bookshop', 'out/electron-workspace', { recursive: true });
await esbuild.build({
  entryPoints: ['test/vscode/electron/extension.test.ts'],
  outdir: 'out/electron-suite',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
