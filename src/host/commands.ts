import * as vscode from 'vscode';
import { renderExplain } from '../core/engine/explain';
import type { LoopEvent } from '../core/engine/events';
import type { ApprovalPrompts } from './approvals/approvalPrompts';
import type { LoopService } from './loop/loopService';
import { selectModel, setApiKey } from './models/providerSetup';
import type { RunItem, RunsTree } from './views/runsTree';

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly loop: LoopService;
  readonly runs: RunsTree;
  readonly approvals: ApprovalPrompts;
  readonly showMonitor: () => void;
}

/** The folder to act on: the active editor's, the only one, or the one the user picks. */
export async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  if (active) return active;
  if (folders.length <= 1) {
    if (folders.length === 0) void vscode.window.showWarningMessage('LoopGain works on a folder: open the folder that holds your tests.');
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'LoopGain: which folder’s tests?' });
}

/** Asks for one of the runs (newest first). */
async function pickRun(ctx: CommandContext, title: string, filter: (resumable: boolean) => boolean = () => true): Promise<string | undefined> {
  const items = (await ctx.runs.getChildren()).filter((r) => filter(r.contextValue === 'loopgain.run.resumable'));
  if (items.length === 0) {
    void vscode.window.showInformationMessage('LoopGain: no matching runs yet.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items.map((i) => ({ label: i.state.id, description: String(i.description ?? '') })), { title }))?.label;
}

async function openMarkdown(text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(doc, { preview: true });
}

function runIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  return (arg as RunItem | undefined)?.state?.id;
}

/** Every command, one small handler each. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const { loop } = ctx;
  const lastFolder = async (): Promise<vscode.WorkspaceFolder | undefined> => loop.lastRun?.folder ?? (await pickFolder());
  const explain = async (runId: string): Promise<void> => {
    const store = loop.store();
    const state = await store.load(runId);
    const trace = await vscode.workspace.fs.readFile(vscode.Uri.file(store.tracePath(runId))).then(
      (b) => Buffer.from(b).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LoopEvent),
      () => [] as LoopEvent[],
    );
    await openMarkdown(renderExplain(state, trace));
  };
  const restore = async (runId: string | undefined, target: number | 'best'): Promise<void> => {
    const folder = await lastFolder();
    if (!runId || !folder) return;
    const outcome = await loop.restore(folder, runId, target);
    if (!outcome || outcome.refusedBecause) return;
    ctx.runs.refresh();
    void vscode.window.showInformationMessage(
      outcome.files.length === 0 ? `LoopGain: the workspace already is iteration ${outcome.iteration}.` : `LoopGain: restored iteration ${outcome.iteration} (${outcome.files.length} file(s), one undo step).`,
    );
  };
  const register = (id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, handler);
  return [
    register('loopgain.fixFailingTests', async () => {
      const folder = await pickFolder();
      if (!folder) return;
      ctx.showMonitor();
      await loop.fix(folder);
      ctx.runs.refresh();
    }),
    register('loopgain.stop', () => loop.stop()),
    register('loopgain.showMonitor', () => ctx.showMonitor()),
    register('loopgain.restoreBest', async (arg) => restore(runIdOf(arg) ?? loop.lastRun?.runId ?? (await pickRun(ctx, 'Restore the best iteration of which run?')), 'best')),
    register('loopgain.restoreIteration', async (arg, iteration) => {
      const runId = runIdOf(arg) ?? (await pickRun(ctx, 'Restore an iteration of which run?'));
      if (!runId) return;
      if (typeof iteration === 'number') return restore(runId, iteration);
      const state = await loop.store().load(runId);
      const pick = await vscode.window.showQuickPick(
        state.iterations.map((i) => ({ label: `Iteration ${i.iteration}`, description: `${Number.isFinite(i.error) ? i.error : 'no verdict'} failing · ${i.controllerState}`, iteration: i.iteration })),
        { title: 'Restore which iteration?' },
      );
      if (pick) await restore(runId, pick.iteration);
    }),
    register('loopgain.resumeRun', async (arg) => {
      const runId = runIdOf(arg) ?? (await pickRun(ctx, 'Resume which run?', (r) => r));
      const folder = await lastFolder();
      if (!runId || !folder) return;
      ctx.showMonitor();
      await loop.resume(folder, runId);
      ctx.runs.refresh();
    }),
    register('loopgain.explainLastStop', async () => {
      const runId = loop.lastRun?.runId ?? (await pickRun(ctx, 'Explain which run?'));
      if (runId) await explain(runId);
    }),
    register('loopgain.selectModel', () => selectModel()),
    register('loopgain.setApiKey', () => setApiKey(ctx.extension.secrets)),
    register('loopgain.showRuns', () => vscode.commands.executeCommand('loopgain.runs.focus')),
    register('loopgain.runs.refresh', () => ctx.runs.refresh()),
    register('loopgain.runs.show', async (arg) => {
      const runId = runIdOf(arg);
      if (runId) await explain(runId);
    }),
    register('loopgain.runs.explain', async (arg) => {
      const runId = runIdOf(arg);
      if (runId) await explain(runId);
    }),
    register('loopgain.runs.export', async (arg) => {
      const runId = runIdOf(arg);
      if (!runId) return;
      const state = await loop.store().load(runId);
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(state, null, 2) });
      await vscode.window.showTextDocument(doc);
    }),
    register('loopgain.runs.resume', (arg) => vscode.commands.executeCommand('loopgain.resumeRun', runIdOf(arg))),
    register('loopgain.runs.restoreBest', (arg) => restore(runIdOf(arg), 'best')),
  ];
}
