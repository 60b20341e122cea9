import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Never copied: version control, our own run data, and caches and build trees a run regenerates
 * (stale bytecode among them). Build trees are not linked either: a run in the scratch copy must
 * never write into the user's folders.
 */
const SKIP = new Set(['.git', '.hg', '.svn', '.loopgain', '__pycache__', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.nox', 'target', '.gradle']);
/** Linked, not copied: installed dependencies, which test runs only read. */
const LINK = new Set(['node_modules', '.venv', 'venv']);

/**
 * A private copy of the workspace where candidate patches are tried, so the user's files are never
 * touched by screening. Dependencies are symlinked rather than copied, to keep it cheap.
 */
export async function makeScratchCopy(root: string): Promise<string> {
  const scratch = await fs.mkdtemp(join(tmpdir(), 'loopgain-scratch-'));
  await copyDir(root, scratch);
  return scratch;
}

async function copyDir(from: string, to: string): Promise<void> {
  const entries = await fs.readdir(from, { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      if (SKIP.has(entry.name)) return;
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory() && LINK.has(entry.name)) return fs.symlink(source, target, 'junction');
      if (entry.isDirectory()) {
        await fs.mkdir(target);
        return copyDir(source, target);
      }
      if (entry.isSymbolicLink()) return fs.symlink(await fs.readlink(source), target);
      if (entry.isFile()) return fs.copyFile(source, target);
      return undefined;
    }),
  );
}

export async function removeScratchCopy(path: string): Promise<void> {
  await fs.rm(path, { recursive: true, force: true });
}
