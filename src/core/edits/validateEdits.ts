import { BinaryFileError, type Workspace } from '../workspace/workspace';
import type { EditRejection, ProposedEdit, RejectionCode, ValidatedEdit } from './edit';
import { checkPath } from './pathSafety';

export interface EditValidation {
  readonly valid: readonly ValidatedEdit[];
  readonly rejected: readonly EditRejection[];
  /** Per file touched by a valid edit: its content before all of them, and after all of them. */
  readonly files: ReadonlyMap<string, FileChange>;
}

export interface FileChange {
  readonly before: string | undefined;
  readonly after: string | undefined;
}

const reject = (edit: unknown, code: RejectionCode, reason: string): EditRejection => ({ edit, code, reason });

/**
 * Checks a fixer's proposed edits against the workspace before the engine sees them. Edits to the
 * same file apply in order on top of each other; each one must change something. Anything that does
 * not hold comes back as a rejection with a reason the fixer can act on; nothing is written here.
 */
export async function validateEdits(edits: readonly unknown[], workspace: Workspace): Promise<EditValidation> {
  const valid: ValidatedEdit[] = [];
  const rejected: EditRejection[] = [];
  /** The content each file will have after the edits accepted so far (undefined: absent). */
  const pending = new Map<string, { original: string | undefined; current: string | undefined }>();

  for (const raw of edits) {
    const shape = checkShape(raw);
    if (typeof shape === 'string') {
      rejected.push(reject(raw, 'malformed', shape));
      continue;
    }
    const edit = shape;
    const path = await checkPath(edit.path, workspace);
    if (!path.ok) {
      rejected.push(reject(edit, path.code, path.reason));
      continue;
    }
    let state = pending.get(path.path);
    if (!state) {
      try {
        const text = await workspace.readText(path.path);
        state = { original: text, current: text };
      } catch (error) {
        const why = error instanceof BinaryFileError ? error.message : `${path.path} cannot be read (${(error as Error).message})`;
        rejected.push(reject(edit, 'file-unreadable', why));
        continue;
      }
    }
    const result = applyToContent(edit, path.path, state.current);
    if ('code' in result) {
      rejected.push(reject(edit, result.code, result.reason));
      continue;
    }
    pending.set(path.path, { original: state.original, current: result.after });
    valid.push({ edit: { ...edit, path: path.path }, path: path.path, before: state.current, after: result.after });
  }
  const files = new Map<string, FileChange>();
  for (const [path, state] of pending) if (state.original !== state.current) files.set(path, { before: state.original, after: state.current });
  return { valid, rejected, files };
}

/** The content after one edit, or why it cannot apply. Pure: the unit of edit semantics. */
export function applyToContent(
  edit: ProposedEdit,
  path: string,
  current: string | undefined,
): { after: string | undefined } | { code: RejectionCode; reason: string } {
  switch (edit.kind) {
    case 'create-file':
      if (current !== undefined) return { code: 'file-exists', reason: `${path} already exists: edit it with search-replace instead of creating it` };
      return { after: edit.content };
    case 'delete-file':
      if (current === undefined) return { code: 'file-missing', reason: `${path} does not exist` };
      return { after: undefined };
    case 'search-replace': {
      if (current === undefined) return { code: 'file-missing', reason: `${path} does not exist (check the path against the files you were shown)` };
      if (edit.search === '') return { code: 'malformed', reason: 'the search snippet is empty' };
      const count = countOccurrences(current, edit.search);
      if (count === 0) return { code: 'snippet-not-found', reason: `the search snippet does not occur in ${path}: copy it exactly from the file, including indentation` };
      if (count > 1) return { code: 'snippet-ambiguous', reason: `the search snippet occurs ${count} times in ${path}: include more surrounding lines so it is unique` };
      if (edit.replace === edit.search) return { code: 'no-change', reason: 'the replacement is identical to the snippet' };
      const at = current.indexOf(edit.search);
      return { after: current.slice(0, at) + edit.replace + current.slice(at + edit.search.length) };
    }
    case 'replace-range': {
      if (current === undefined) return { code: 'file-missing', reason: `${path} does not exist` };
      const lines = current.split('\n');
      const total = current.endsWith('\n') ? lines.length - 1 : lines.length;
      if (!Number.isInteger(edit.startLine) || !Number.isInteger(edit.endLine) || edit.startLine < 1 || edit.endLine < edit.startLine - 1 || edit.endLine > total) {
        return { code: 'range-invalid', reason: `lines ${edit.startLine}-${edit.endLine} are not a range of ${path}, which has ${total} lines` };
      }
      const replacement = edit.newText === '' ? [] : edit.newText.replace(/\n$/, '').split('\n');
      const after = [...lines.slice(0, edit.startLine - 1), ...replacement, ...lines.slice(edit.endLine)].join('\n');
      if (after === current) return { code: 'no-change', reason: `the new text of lines ${edit.startLine}-${edit.endLine} is what they already say` };
      return { after };
    }
  }
}

function countOccurrences(text: string, snippet: string): number {
  let count = 0;
  for (let at = text.indexOf(snippet); at !== -1; at = text.indexOf(snippet, at + 1)) count++;
  return count;
}

/** Runtime shape check: fixers (and models) hand us untyped JSON. Returns the edit or why it is malformed. */
export function checkShape(raw: unknown): ProposedEdit | string {
  if (typeof raw !== 'object' || raw === null) return 'an edit must be an object';
  const e = raw as Record<string, unknown>;
  const str = (k: string): boolean => typeof e[k] === 'string';
  const int = (k: string): boolean => typeof e[k] === 'number' && Number.isInteger(e[k]);
  if (!str('path')) return 'an edit needs a "path" string';
  switch (e.kind) {
    case 'replace-range':
      return int('startLine') && int('endLine') && str('newText') ? (e as unknown as ProposedEdit) : 'replace-range needs integer "startLine", "endLine" and a "newText" string';
    case 'search-replace':
      return str('search') && str('replace') ? (e as unknown as ProposedEdit) : 'search-replace needs "search" and "replace" strings';
    case 'create-file':
      return str('content') ? (e as unknown as ProposedEdit) : 'create-file needs a "content" string';
    case 'delete-file':
      return e as unknown as ProposedEdit;
    default:
      return `unknown edit kind ${JSON.stringify(e.kind)} (use replace-range, search-replace, create-file or delete-file)`;
  }
}
