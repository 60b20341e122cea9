import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { BinaryFileError, type Workspace } from '../../core/workspace/workspace';
import { NodeWorkspace } from '../../core/workspace/nodeWorkspace';

/**
 * The engine's Workspace on top of VS Code: reads see unsaved editor buffers, writes go through
 * `workspace.applyEdit` (visible in open editors, undoable) and are saved at once so the tests
 * see them. A restore applies all its files as one WorkspaceEdit, i.e. one undo step.
 */
export class VsCodeWorkspace implements Workspace {
  private readonly disk: NodeWorkspace;

  constructor(readonly folder: vscode.WorkspaceFolder) {
    this.disk = new NodeWorkspace(folder.uri.fsPath);
  }

  get root(): string {
    return this.disk.root;
  }

  uriOf(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder.uri, ...path.split('/'));
  }

  async readText(path: string): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uriOf(path).toString());
    if (open && !open.isClosed) {
      if (open.getText().includes('\0')) throw new BinaryFileError(`${path} is a binary file`);
      return open.getText();
    }
    return this.disk.readText(path);
  }

  async writeText(path: string, text: string): Promise<void> {
    await this.applyAll([{ path, target: text }]);
  }

  async deleteFile(path: string): Promise<void> {
    await this.applyAll([{ path, target: undefined }]);
  }

  realPath(path: string): Promise<string> {
    return this.disk.realPath(path);
  }

  realRoot(): Promise<string> {
    return this.disk.realRoot();
  }

  /** Applies several file changes as one WorkspaceEdit (one undo step), then saves what it changed. */
  async applyAll(changes: readonly { path: string; target: string | undefined }[]): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    for (const c of changes) {
      const uri = this.uriOf(c.path);
      const exists = await fs.stat(uri.fsPath).then(() => true, () => false);
      if (c.target === undefined) {
        if (exists) edit.deleteFile(uri, { ignoreIfNotExists: true });
      } else if (!exists) {
        edit.createFile(uri, { ignoreIfExists: true, contents: Buffer.from(c.target, 'utf8') });
      } else {
        const document = await vscode.workspace.openTextDocument(uri);
        edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), c.target, { needsConfirmation: false, label: 'LoopGain' });
      }
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code refused the edit of ${changes.map((c) => c.path).join(', ')}`);
    for (const c of changes) {
      if (c.target === undefined) continue;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uriOf(c.path).toString());
      if (document?.isDirty) await document.save();
    }
  }

  /** Saves every dirty document of this folder, so the tests run on what the user sees. */
  async saveDirty(): Promise<void> {
    const inside = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(d.uri)?.uri.toString() === this.folder.uri.toString());
    await Promise.all(inside.map((d) => d.save()));
  }
}
