import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RunConfig } from '../../core/engine/config';
import type { EngineDeps, RunResult } from '../../core/engine/engineDeps';
import type { LoopEvent } from '../../core/engine/events';
import { humanTrace } from '../../core/engine/humanTrace';
import { resumeRun, startRun } from '../../core/engine/loopEngine';
import { restoreRun, type RestoreOutcome } from '../../core/engine/restoreRun';
import { Emitter } from '../../core/events';
import type { Fixer } from '../../core/fixers/fixer';
import { createFixer } from '../../core/fixers/fixerFactory';
import { RunStore } from '../../core/persistence/runStore';
import { DetectionError, detectTestSetup, type TestSetup } from '../../core/tests/detectFramework';
import { FRAMEWORK_ADAPTERS } from '../../core/tests/frameworks/registry';
import { readWorkspaceFacts } from '../../core/tests/workspaceFacts';
import type { ApprovalPrompts } from '../approvals/approvalPrompts';
import { createLanguageModelFixer, pickChatModel } from '../models/languageModelFixer';
import { readApiKey } from '../models/providerSetup';
import { readSettings, type HostSettings } from '../settings';
import type { TestResultsPublisher } from '../testing/testResults';
import { VsCodeWorkspace } from '../workspace/vscodeWorkspace';

/**
 * Runs the engine for a workspace folder the way a VS Code user expects: refuses in untrusted
 * workspaces, shows cancellable progress, streams every event to the panel, status bar, output
 * channel and Test Explorer, and applies edits and restores through WorkspaceEdit.
 */
export class LoopService implements vscode.Disposable {
  private readonly events = new Emitter<LoopEvent>();
  readonly onEvent = this.events.event;
  private running: { abort: AbortController; runId?: string; folder: vscode.WorkspaceFolder } | undefined;
  private toldOfflineFallback = false;
  lastRun: { runId: string; folder: vscode.WorkspaceFolder } | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly approvals: ApprovalPrompts,
    private readonly tests: TestResultsPublisher,
  ) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  get runningId(): string | undefined {
    return this.running?.runId;
  }

  store(): RunStore {
    const base = this.context.storageUri ?? this.context.globalStorageUri;
    return new RunStore(join(base.fsPath, 'runs'));
  }

  async fix(folder: vscode.WorkspaceFolder): Promise<RunResult | undefined> {
    if (!this.mayRun()) return undefined;
    const prepared = await this.prepare(folder);
    if (!prepared) return undefined;
    return this.drive(folder, 'LoopGain: fixing failing tests', (deps, signal) => startRun(deps, { config: prepared.config, signal }), prepared.deps);
  }

  async resume(folder: vscode.WorkspaceFolder, runId: string, decision?: { token: string; approve: boolean }): Promise<RunResult | undefined> {
    if (!this.mayRun()) return undefined;
    const prepared = await this.prepare(folder);
    if (!prepared) return undefined;
    return this.drive(folder, `LoopGain: resuming ${runId}`, (deps, signal) => resumeRun(deps, runId, { signal, decision }), prepared.deps);
  }

  stop(): void {
    this.running?.abort.abort();
  }

  /** Restores an iteration as one WorkspaceEdit (one undo step); refuses over the user's own changes unless they say so. */
  async restore(folder: vscode.WorkspaceFolder, runId: string, target: number | 'best'): Promise<RestoreOutcome | undefined> {
    const workspace = new VsCodeWorkspace(folder);
    const apply = (changes: readonly { path: string; target: string | undefined }[]): Promise<void> => workspace.applyAll(changes);
    let outcome = await restoreRun(this.store(), runId, target, workspace, { apply });
    if (outcome.refusedBecause) {
      const choice = await vscode.window.showWarningMessage(
        `You changed ${outcome.refusedBecause.join(', ')} since LoopGain last wrote it. Restoring would overwrite your changes.`,
        { modal: true },
        'Overwrite My Changes',
      );
      if (choice !== 'Overwrite My Changes') return outcome;
      outcome = await restoreRun(this.store(), runId, target, workspace, { apply, force: true });
    }
    return outcome;
  }

  private mayRun(): boolean {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('LoopGain runs your tests, which executes code from this workspace. Trust the workspace first.', 'Manage Workspace Trust').then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.trust.manage');
      });
      return false;
    }
    if (this.running) {
      void vscode.window.showInformationMessage('LoopGain is already running.', 'Show Monitor').then((c) => {
        if (c) void vscode.commands.executeCommand('loopgain.showMonitor');
      });
      return false;
    }
    return true;
  }

  private async prepare(folder: vscode.WorkspaceFolder): Promise<{ deps: EngineDeps; config: RunConfig } | undefined> {
    const settings = readSettings(folder.uri);
    const workspace = new VsCodeWorkspace(folder);
    let setup: TestSetup;
    try {
      setup = detectTestSetup(readWorkspaceFacts(folder.uri.fsPath), FRAMEWORK_ADAPTERS, settings.tests);
    } catch (error) {
      if (!(error instanceof DetectionError)) throw error;
      const choice = await vscode.window.showErrorMessage(error.message, 'Set Test Command');
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'loopgain.testCommand');
      return undefined;
    }
    const fixer = await this.fixerFor(settings, workspace, setup);
    if (!fixer) return undefined;
    const config = settings.config(fixer.id);
    const deps: EngineDeps = {
      workspace,
      fixer,
      testSetup: setup,
      approvals: this.approvals.runner(config.approvals.interactiveTimeoutMs),
      store: this.store(),
      beforeTests: () => workspace.saveDirty(),
      onUserChanges: async (paths) => {
        const choice = await vscode.window.showWarningMessage(
          `You edited ${paths.join(', ')} while LoopGain was running. Your version is kept.`,
          { modal: true, detail: 'Continue: the loop goes on from your version. Stop: the run stops here (resumable).' },
          'Continue With My Version',
          'Stop',
        );
        return choice === 'Continue With My Version' ? 'continue' : 'stop';
      },
      onTests: (iteration, tests) => this.tests.publish(folder, iteration, tests),
    };
    return { deps, config };
  }

  private async fixerFor(settings: HostSettings, workspace: VsCodeWorkspace, setup: TestSetup): Promise<Fixer | undefined> {
    const timeout = settings.testTimeoutMs;
    if (settings.fixer === 'vscode-lm') {
      const model = await pickChatModel(settings.model).catch(() => undefined);
      if (model) return createLanguageModelFixer(model);
      if (!this.toldOfflineFallback) {
        this.toldOfflineFallback = true;
        void vscode.window.showInformationMessage('No VS Code chat model is available: LoopGain uses its offline fixer (one-edit bugs, no key).', 'Pick Another Provider').then((c) => {
          if (c) void vscode.commands.executeCommand('loopgain.selectModel');
        });
      }
      return createFixer({ kind: 'offline', testTimeoutMs: timeout }, workspace, setup);
    }
    if (settings.fixer === 'offline') return createFixer({ kind: 'offline', testTimeoutMs: timeout }, workspace, setup);
    const apiKey = await readApiKey(this.context.secrets, settings.fixer);
    if (!apiKey && settings.fixer === 'anthropic') {
      const c = await vscode.window.showErrorMessage('LoopGain: no Anthropic API key is stored.', 'Set API Key');
      if (c) void vscode.commands.executeCommand('loopgain.setApiKey');
      return undefined;
    }
    try {
      return createFixer({ kind: settings.fixer, model: settings.model, baseUrl: settings.baseUrl, apiKey }, workspace, setup);
    } catch (error) {
      const c = await vscode.window.showErrorMessage(`LoopGain: ${(error as Error).message}`, 'Select Model');
      if (c) void vscode.commands.executeCommand('loopgain.selectModel');
      return undefined;
    }
  }

  private async drive(folder: vscode.WorkspaceFolder, title: string, run: (deps: EngineDeps, signal: AbortSignal) => Promise<RunResult>, deps: EngineDeps): Promise<RunResult | undefined> {
    const abort = new AbortController();
    this.running = { abort, folder };
    await vscode.commands.executeCommand('setContext', 'loopgain.running', true);
    const print = humanTrace((line) => this.log.info(line));
    try {
      return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        const result = await run(
          {
            ...deps,
            onEvent: (e) => {
              if (this.running && !this.running.runId) this.running.runId = e.runId;
              print(e);
              this.events.fire(e);
              if (e.kind === 'signal') progress.report({ message: `iteration ${e.iteration}: ${Number.isFinite(e.error) ? e.error : 'no verdict'} failing` });
            },
          },
          abort.signal,
        );
        this.lastRun = { runId: result.runId, folder };
        void this.announce(result);
        return result;
      });
    } catch (error) {
      this.log.error(`LoopGain stopped on an error: ${(error as Error).stack ?? String(error)}`);
      void vscode.window.showErrorMessage(`LoopGain stopped on an error: ${(error as Error).message}`);
      return undefined;
    } finally {
      this.running = undefined;
      await vscode.commands.executeCommand('setContext', 'loopgain.running', false);
    }
  }

  private async announce(result: RunResult): Promise<void> {
    const summary = `LoopGain: ${result.status} — ${result.errorHistory.map((e) => (Number.isFinite(e) ? e : '∞')).join(' → ')} failing. ${result.reason}`;
    const actions = result.status === 'SUCCESS' ? ['Show Monitor'] : ['Show Monitor', 'Explain', ...(result.resumable ? ['Resume'] : [])];
    const choice = result.status === 'SUCCESS' ? await vscode.window.showInformationMessage(summary, ...actions) : await vscode.window.showWarningMessage(summary, ...actions);
    if (choice === 'Show Monitor') void vscode.commands.executeCommand('loopgain.showMonitor');
    if (choice === 'Explain') void vscode.commands.executeCommand('loopgain.explainLastStop');
    if (choice === 'Resume') void vscode.commands.executeCommand('loopgain.resumeRun', result.runId);
  }

  dispose(): void {
    this.running?.abort.abort();
    this.events.dispose();
  }
}
