import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What detection looks at in a workspace folder, read once: which marker files exist at its root and
 * what its package.json says. Keeping detection on these facts (not on the disk) makes it testable.
 */
export interface WorkspaceFolderFacts {
  readonly root: string;
  /** Names of the entries at the folder's root. */
  readonly rootEntries: ReadonlySet<string>;
  readonly packageJson?: PackageJsonFacts;
  /** Reads a root-level text file, or undefined if absent/unreadable (for pyproject.toml, setup.cfg …). */
  readText(name: string): string | undefined;
}

export interface PackageJsonFacts {
  readonly scripts: Readonly<Record<string, string>>;
  readonly dependencies: ReadonlySet<string>;
  readonly devDependencies: ReadonlySet<string>;
  readonly type?: string;
}

export function readWorkspaceFacts(root: string): WorkspaceFolderFacts {
  let entries: string[] = [];
  try {
    entries = readdirSync(root);
  } catch {
    // an unreadable or missing folder has no facts; detection will say what it looked for
  }
  const readText = (name: string): string | undefined => {
    const path = join(root, name);
    if (!existsSync(path)) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  return { root, rootEntries: new Set(entries), packageJson: parsePackageJson(readText('package.json')), readText };
}

function parsePackageJson(text: string | undefined): PackageJsonFacts | undefined {
  if (text === undefined) return undefined;
  try {
    const pkg = JSON.parse(text) as Record<string, unknown>;
    const keys = (v: unknown): Set<string> => new Set(typeof v === 'object' && v !== null ? Object.keys(v) : []);
    const scripts = typeof pkg.scripts === 'object' && pkg.scripts !== null ? (pkg.scripts as Record<string, string>) : {};
    return {
      scripts,
      dependencies: keys(pkg.dependencies),
      devDependencies: keys(pkg.devDependencies),
      type: typeof pkg.type === 'string' ? pkg.type : undefined,
    };
  } catch {
    return undefined;
  }
}
