import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { isTestFile, languageOf } from '../fixers/offline/testFiles';

/** Folders that never hold the user's own source. */
const IGNORED = new Set(['.git', '.hg', '.svn', 'node_modules', '.loopgain', '__pycache__', '.venv', 'venv', 'env', 'dist', 'build', 'out', 'target', 'coverage', '.tox', '.nox', '.mypy_cache', '.pytest_cache']);

/**
 * The workspace's own non-test source files in the languages the offline fixer reads, as
 * workspace-relative paths. Bounded: very large trees are cut at `limit` files, nearest first.
 */
export async function listSourceFiles(root: string, limit = 2000): Promise<string[]> {
  const found: string[] = [];
  let level: string[] = [''];
  while (level.length > 0 && found.length < limit) {
    const next: string[] = [];
    for (const dir of level) {
      const entries = await fs.readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const path = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory() && !IGNORED.has(e.name) && !e.name.startsWith('.')) next.push(path);
        else if (e.isFile() && languageOf(path) && !isTestFile(path)) found.push(path);
      }
    }
    level = next;
  }
  return found.slice(0, limit);
}
