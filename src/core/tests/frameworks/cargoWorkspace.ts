import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, posix } from 'node:path';

/**
 * Where the packages of a cargo workspace live. cargo prints a test binary's source relative to
 * its own package ("Running unittests src/lib.rs"), so in a workspace every member says
 * "src/lib.rs"; the binary's name tells them apart, and this is what maps it back to a
 * workspace-relative file.
 */
export interface CargoPackage {
  /** Workspace-relative directory, '.' for the root package. */
  readonly dir: string;
  readonly name: string;
}

export function readCargoPackages(root: string): CargoPackage[] {
  const manifest = readText(join(root, 'Cargo.toml'));
  if (manifest === undefined) return [];
  const packages: CargoPackage[] = [];
  const rootName = packageName(manifest);
  if (rootName) packages.push({ dir: '.', name: rootName });
  for (const dir of memberDirs(root, manifest)) {
    const name = packageName(readText(join(root, dir, 'Cargo.toml')) ?? '');
    if (name && dir !== '.') packages.push({ dir, name });
  }
  return packages;
}

/**
 * The workspace-relative file of a test binary's source, from what cargo printed: the path
 * relative to its package and the binary's name (hash stripped). Falls back to the printed path.
 */
export function targetFile(printedPath: string, binary: string, packages: readonly CargoPackage[], root: string): string {
  const path = printedPath.replace(/\\/g, '/');
  const candidates = packages.filter((p) => existsSync(join(root, p.dir, path)));
  const stem = basename(path.endsWith('/main.rs') ? posix.dirname(path) : path).replace(/\.rs$/, '');
  const named = candidates.find((p) => crateName(p.name) === binary || stem === binary);
  const chosen = candidates.length === 1 ? candidates[0] : named;
  return chosen && chosen.dir !== '.' ? `${chosen.dir}/${path}` : path;
}

/** The package a workspace-relative file belongs to: the member with the longest matching directory. */
export function packageOf(file: string, packages: readonly CargoPackage[]): CargoPackage | undefined {
  return packages
    .filter((p) => p.dir === '.' || file.startsWith(`${p.dir}/`))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
}

/** Crate and binary names use '_' where package names may use '-'. */
export const crateName = (packageName: string): string => packageName.replace(/-/g, '_');

function packageName(manifest: string): string | undefined {
  const section = /^\s*\[package\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(manifest);
  return section?.[1] ? /^\s*name\s*=\s*["']([^"']+)["']/m.exec(section[1])?.[1] : undefined;
}

function memberDirs(root: string, manifest: string): string[] {
  const list = /^\s*members\s*=\s*\[([^\]]*)\]/m.exec(manifest)?.[1];
  if (!list) return [];
  const patterns = [...list.matchAll(/["']([^"']+)["']/g)].map((m) => (m[1] as string).replace(/\/+$/, ''));
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    // only a trailing `dir/*` glob, the common shape; others are taken literally
    const parent = pattern.slice(0, -2);
    try {
      return readdirSync(join(root, parent))
        .filter((entry) => statSync(join(root, parent, entry)).isDirectory())
        .sort()
        .map((entry) => `${parent}/${entry}`);
    } catch {
      return [];
    }
  });
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
