/**
 * The files the loop may touch, as the core sees them. The CLI implements this on the file system
 * (atomic writes); the VS Code host implements it with WorkspaceEdit, so edits are undoable and
 * visible in open editors. Paths are workspace-relative with forward slashes.
 */
export interface Workspace {
  /** Absolute path of the workspace folder. */
  readonly root: string;
  /** The file's text, or undefined if it does not exist. Throws for a binary or unreadable file. */
  readText(path: string): Promise<string | undefined>;
  /** Creates or replaces the file's content as one step: never half-written. */
  writeText(path: string, text: string): Promise<void>;
  deleteFile(path: string): Promise<void>;
  /**
   * The real (symlink-free) absolute path the relative path points at, resolved through its
   * nearest existing ancestor; used to refuse edits that escape the workspace through a link.
   */
  realPath(path: string): Promise<string>;
  /** The real absolute path of the root itself. */
  realRoot(): Promise<string>;
}

/** A file the workspace refuses to treat as text. */
export class BinaryFileError extends Error {
  override readonly name = 'BinaryFileError';
}
