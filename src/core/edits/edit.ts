/**
 * What a fixer may propose, and what the engine applies after validation. Paths are
 * workspace-relative with forward slashes; line numbers are 1-based and inclusive.
 */
export type ProposedEdit =
  | { readonly kind: 'replace-range'; readonly path: string; readonly startLine: number; readonly endLine: number; readonly newText: string }
  | { readonly kind: 'search-replace'; readonly path: string; readonly search: string; readonly replace: string }
  | { readonly kind: 'create-file'; readonly path: string; readonly content: string }
  | { readonly kind: 'delete-file'; readonly path: string };

export type EditKind = ProposedEdit['kind'];

/** An edit that passed validation, with the file's content before and after it. */
export interface ValidatedEdit {
  readonly edit: ProposedEdit;
  readonly path: string;
  /** undefined when the edit creates the file. */
  readonly before: string | undefined;
  /** undefined when the edit deletes the file. */
  readonly after: string | undefined;
}

export const REJECTION_CODES = [
  'path-outside-workspace',
  'path-forbidden',
  'path-invalid',
  'file-missing',
  'file-exists',
  'file-unreadable',
  'snippet-not-found',
  'snippet-ambiguous',
  'range-invalid',
  'no-change',
  'conflicting-edits',
  'malformed',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** Why an edit was refused: sent back to the fixer as a structured error it can act on. */
export interface EditRejection {
  readonly edit: ProposedEdit | unknown;
  readonly code: RejectionCode;
  readonly reason: string;
}

/** A stable one-line description of an edit, for traces and approval prompts. */
export function describeEdit(edit: ProposedEdit): string {
  switch (edit.kind) {
    case 'replace-range':
      return `replace lines ${edit.startLine}-${edit.endLine} of ${edit.path}`;
    case 'search-replace':
      return `replace a ${edit.search.split('\n').length}-line snippet in ${edit.path}`;
    case 'create-file':
      return `create ${edit.path}`;
    case 'delete-file':
      return `delete ${edit.path}`;
  }
}
