import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * How to start a JavaScript test runner installed in the workspace.
 *
 * The runner is looked up the way npm scripts find it: in the nearest node_modules/.bin, walking up
 * from the workspace folder (monorepos hoist tools to the repository root). It is started as
 * `node <the package's bin script>` rather than through the .bin entry, because on Windows that
 * entry is a `.cmd` shim, which cannot be spawned without a shell (Node refuses since the
 * CVE-2024-27980 fix), and a shell would need the arguments quoted for cmd.exe. `node` is the one on
 * PATH, as for `npm test`: inside VS Code process.execPath is the editor's own binary, not Node.
 */
export function nodeToolInvocation(cwd: string, packageName: string, binName = packageName): string[] {
  const script = findBinScript(cwd, packageName, binName);
  // Not installed: the bare name still works for a global install, and otherwise fails to start
  // with "<name>: ENOENT", which says what is missing.
  return script ? ['node', script] : [binName];
}

/** The absolute path of `binName`'s script in the nearest node_modules that links it, or undefined. */
export function findBinScript(cwd: string, packageName: string, binName = packageName): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const modules = join(dir, 'node_modules');
    const linked = ['', '.cmd'].some((ext) => existsSync(join(modules, '.bin', binName + ext)));
    if (linked) {
      const script = binScriptOf(join(modules, packageName), binName);
      if (script) return script;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads the package's `bin` field (a string for a single bin named like the package, or a map). */
function binScriptOf(packageDir: string, binName: string): string | undefined {
  let manifest: { name?: unknown; bin?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as typeof manifest;
  } catch {
    return undefined;
  }
  const bin = manifest.bin;
  const relative = typeof bin === 'string' ? bin : typeof bin === 'object' && bin !== null ? (bin as Record<string, unknown>)[binName] : undefined;
  if (typeof relative !== 'string') return undefined;
  const script = join(packageDir, relative);
  return existsSync(script) ? script : undefined;
}
