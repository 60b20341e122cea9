// One build script, one config per entry: the extension host, the headless CLI, the webview,
// and (with --bench) the benchmark. Type checking is a separate step (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { webviewBuildOptions } from './webview/buildOptions.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** Prints errors in the `file:line:col: error: text` shape VS Code's problem matchers read. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
    });
  },
};

/** The pure core and the CLI must never pull in the VS Code API. */
const forbidVscode = {
  name: 'forbid-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (a) => ({ errors: [{ text: `'vscode' imported from ${a.importer}: only src/host may use it` }] }));
  },
};

const base = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  define: { LOOPGAIN_VERSION: JSON.stringify(version) },
  // Prompt templates (.md) and helper scripts run with the workspace's interpreter (.py) ship as text.
  loader: { '.md': 'text', '.py': 'text' },
  plugins: [problemMatcher],
};

const node = { ...base, platform: 'node', target: 'node20', format: 'cjs' };
const webview = webviewBuildOptions({ production });

const configs = [
  { ...node, entryPoints: ['src/host/extension.ts'], outfile: 'dist/host/extension.js', external: ['vscode'] },
  {
    ...node,
    entryPoints: ['src/cli/loopgain.ts'],
    outfile: 'dist/cli/loopgain.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [...base.plugins, forbidVscode],
  },
  // React + @vscode-elements + Chart.js (options shared with the browser tests and the bench):
  // writes main.js and main.css, the styles it imports, side by side.
  { ...base, ...webview, define: { ...base.define, ...webview.define }, plugins: [...base.plugins, forbidVscode] },
];
if (args.has('--bench')) {
  // esbuild (the webview bench builds the bundle) and playwright-core (it drives Chromium) stay packages.
  configs.push({ ...node, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench/bench.js', sourcemap: false, external: ['esbuild', 'playwright-core'], plugins: [...base.plugins, forbidVscode] });
}

// A release build starts from nothing, so no stale file (a dev source map) can ship in the package.
if (production) for (const dir of ['dist/host', 'dist/cli', 'dist/webview']) rmSync(dir, { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] build started');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}
