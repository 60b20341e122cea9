// Integration tests inside a downloaded VS Code (Electron), for contributors' machines and public
// CI that can download VS Code: `npm run test:electron`. This machine's CI cannot download VS Code
// and runs the same checks in code-server instead (test/vscode/, part of `npm test`).
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'out/electron-suite/*.test.js',
  workspaceFolder: './out/electron-workspace',
  mocha: { ui: 'bdd', timeout: 180_000 },
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
});
