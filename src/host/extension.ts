import type * as vscode from 'vscode';

/**
 * The extension's entry point: the only layer that touches the VS Code API. The commands, the
 * monitor panel and the engine wiring arrive with the host work; until then the extension
 * contributes nothing, and the pure core is usable headless through the `loopgain` CLI.
 */
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
