import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let built: Promise<string> | undefined;

/**
 * The real `loopgain` command line, bundled from source the way esbuild.mjs bundles it (text
 * loaders for the prompt templates and helper scripts, the version constant), into a temp folder.
 * Built once per test file (vitest runs each file in its own worker); returns the script's path.
 */
export function buildCli(): Promise<string> {
  built ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'loopgain-e2e-cli-')), 'loopgain.js');
    await build({
      entryPoints: [join(REPO_ROOT, 'src', 'cli', 'loopgain.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'error',
      loader: { '.md': 'text', '.py': 'text' },
      define: { LOOPGAIN_VERSION: JSON.stringify('e2e') },
    });
    return outfile;
  })();
  return built;
}

/** Removes the bundle (call it in an afterAll of the file that built it). */
export async function disposeCli(): Promise<void> {
  if (!built) return;
  const path = await built.catch(() => undefined);
  built = undefined;
  if (path) rmSync(dirname(path), { recursive: true, force: true });
}
