import { isAbsolute, relative, sep, win32 } from 'node:path';
import type { Workspace } from '../workspace/workspace';
import type { RejectionCode } from './edit';

/** Folders no edit may touch, at any depth: version control and installed dependencies. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['.git', 'node_modules', '.hg', '.svn', '.loopgain']);

export type PathCheck = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly code: RejectionCode; readonly reason: string };

/**
 * Normalises a proposed path and refuses anything that could leave the workspace or touch what it
 * must not: absolute paths, `..`, forbidden folders, and (through `workspace.realPath`) symlinks that
 * point outside the workspace.
 */
export async function checkPath(raw: unknown, workspace: Workspace): Promise<PathCheck> {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, code: 'path-invalid', reason: 'the path is empty' };
  if (raw.includes('\0')) return { ok: false, code: 'path-invalid', reason: 'the path contains a NUL byte' };
  const slashed = raw.trim().replace(/\\/g, '/');
  if (isAbsolute(slashed) || win32.isAbsolute(slashed) || /^[A-Za-z]:/.test(slashed)) {
    return { ok: false, code: 'path-outside-workspace', reason: `"${raw}" is absolute: use a path relative to the workspace root` };
  }
  const segments = slashed.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { ok: false, code: 'path-outside-workspace', reason: `"${raw}" goes up with "..": paths must stay inside the workspace` };
  if (segments.length === 0) return { ok: false, code: 'path-invalid', reason: `"${raw}" names the workspace root, not a file` };
  const forbidden = segments.find((s) => FORBIDDEN_SEGMENTS.has(s));
  if (forbidden) return { ok: false, code: 'path-forbidden', reason: `"${raw}" is inside ${forbidden}/, which the loop never edits` };
  const path = segments.join('/');
  const [real, root] = await Promise.all([workspace.realPath(path), workspace.realRoot()]);
  const inside = relative(root, real);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { ok: false, code: 'path-outside-workspace', reason: `"${raw}" resolves outside the workspace through a symbolic link` };
  }
  return { ok: true, path };
}
