import * as vscode from 'vscode';

export const VIRTUAL_SCHEME = 'loopgain-snapshot';

/**
 * Read-only documents for iteration snapshots and proposed edits, so `vscode.diff` can show them
 * beside the workspace. Contents are registered in memory under a URI and never written anywhere.
 */
export class VirtualDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(VIRTUAL_SCHEME, this);

  /** A URI whose document reads `text`, named so the diff editor's title says what it is. */
  put(key: string, path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: VIRTUAL_SCHEME, path: `/${path}`, query: key });
    this.contents.set(uri.toString(), text);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.contents.clear();
  }
}
