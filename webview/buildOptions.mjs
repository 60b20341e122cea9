// The webview bundle's esbuild options, shared by esbuild.mjs (the build), the browser tests and
// the bench (which build the same bundle into a temporary folder, with test hooks on).
// main.tsx imports styles.css, so esbuild writes main.css next to main.js.

/** @param {{ production?: boolean, testHooks?: boolean, outdir?: string }} options */
export function webviewBuildOptions({ production = false, testHooks = false, outdir = 'dist/webview' } = {}) {
  return {
    entryPoints: { main: 'webview/src/main.tsx' },
    outdir,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    jsx: 'automatic',
    minify: production,
    sourcemap: production ? false : 'linked',
    legalComments: production ? 'none' : 'inline',
    logLevel: 'warning',
    define: {
      LOOPGAIN_TEST_HOOKS: testHooks ? 'true' : 'false',
      'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
    },
  };
}
