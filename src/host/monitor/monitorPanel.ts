import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LoopEvent } from '../../core/engine/events';
import { CheckpointLog, fileDiffsToState, iterationChanges } from '../../core/persistence/checkpoints';
import { DEFAULT_PRICING, priceOf } from '../../core/engine/pricing';
import { parseWebviewMessage, PROTOCOL_VERSION, type FileDiff, type HostToWebview, type RunView, type WebviewToHost } from '../../protocol';
import type { ApprovalPrompts } from '../approvals/approvalPrompts';
import type { LoopService } from '../loop/loopService';
import { VsCodeWorkspace } from '../workspace/vscodeWorkspace';
import { BestDiffTracker } from './bestDiffTracker';
import { renderPanelHtml } from './panelHtml';
import { MonitorStream, runViewFromState } from './viewModel';

export const MONITOR_VIEW_TYPE = 'loopgain.monitor';

type Handlers = { [K in WebviewToHost['type']]: (message: Extract<WebviewToHost, { type: K }>) => Promise<void> };

/**
 * The monitor panel's plumbing: HTML with a strict CSP, a validated message channel, a snapshot
 * on `ready` (and whenever it becomes visible again, since hidden webviews miss messages: we do
 * not keep it alive with retainContextWhenHidden), and the loop's events streamed while it runs.
 */
export class MonitorPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private stream = new MonitorStream();
  private readonly bestDiff = new BestDiffTracker((best) => this.diffsToBest(best));
  /** Best-diff updates run one after another, so they reach the panel in the order of the events. */
  private bestDiffUpdates: Promise<void> = Promise.resolve();
  private missedWhileHidden = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly loop: LoopService,
    private readonly approvals: ApprovalPrompts,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(loop.onEvent((e) => this.onLoopEvent(e)));
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    this.attach(vscode.window.createWebviewPanel(MONITOR_VIEW_TYPE, 'LoopGain Monitor', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.options()));
  }

  /** The serializer's revive: a panel VS Code restored after a reload. */
  attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'loopgain.svg');
    panel.webview.html = this.html(panel.webview);
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.visible && this.missedWhileHidden) void this.sendSnapshot();
    }, undefined, this.disposables);
    panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw), undefined, this.disposables);
  }

  private options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')], retainContextWhenHidden: false };
  }

  private html(webview: vscode.Webview): string {
    const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', name)).toString();
    return renderPanelHtml({ cspSource: webview.cspSource, nonce: randomBytes(16).toString('base64'), scriptUri: asset('main.js'), styleUri: asset('main.css') });
  }

  private post(message: HostToWebview): void {
    if (!this.panel) return;
    if (!this.panel.visible) {
      this.missedWhileHidden = true;
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private onLoopEvent(event: LoopEvent): void {
    if (event.kind === 'run.start') this.stream = new MonitorStream();
    const panelEvents = this.stream.push(event);
    for (const e of panelEvents) this.post({ type: 'didEvent', runId: event.runId, event: e });
    this.bestDiffUpdates = this.bestDiffUpdates.then(async () => {
      try {
        if (event.kind === 'run.start' && event.resumedFrom !== undefined) this.bestDiff.seed(runViewFromState(await this.loop.store().load(event.runId), []).iterations);
        const update = await this.bestDiff.update(event, panelEvents);
        if (update) this.post({ type: 'didEvent', runId: event.runId, event: update });
      } catch (error) {
        this.log.warn(`monitor: best diff not updated: ${(error as Error).message}`);
      }
    });
    if (event.kind === 'run.stop' || event.kind === 'restore') void this.sendSnapshot();
  }

  /** What restoring iteration `best` of the current run would change in the workspace now. */
  private async diffsToBest(best: number): Promise<FileDiff[]> {
    const current = this.currentRun();
    if (!current) return [];
    const store = this.loop.store();
    const state = await store.load(current.runId);
    return fileDiffsToState(new CheckpointLog(store.blobs(current.runId), state.checkpoints), best, new VsCodeWorkspace(current.folder));
  }

  private currentRun(): { runId: string; folder: vscode.WorkspaceFolder } | undefined {
    const runId = this.loop.runningId ?? this.loop.lastRun?.runId;
    const folder = this.loop.lastRun?.folder ?? vscode.workspace.workspaceFolders?.[0];
    return runId && folder ? { runId, folder } : undefined;
  }

  async sendSnapshot(): Promise<void> {
    this.missedWhileHidden = false;
    let run: RunView | null = null;
    const current = this.currentRun();
    if (current) {
      try {
        const store = this.loop.store();
        const state = await store.load(current.runId);
        const log = new CheckpointLog(store.blobs(current.runId), state.checkpoints);
        const best = state.stop?.bestIteration;
        const bestDiff = best === undefined ? [] : await fileDiffsToState(log, best, new VsCodeWorkspace(current.folder));
        // A USD estimate only for a priced model: the offline fixer costs nothing.
        run = runViewFromState(state, bestDiff, priceOf(DEFAULT_PRICING, state.config.model) ? DEFAULT_PRICING.asOf : undefined);
        // A run under way has no stop reason yet: show the controller's latest words.
        if (!run.controllerReason && this.loop.runningId === current.runId) run = { ...run, controllerReason: this.stream.controllerReason };
      } catch (error) {
        this.log.warn(`monitor: no snapshot for ${current.runId}: ${(error as Error).message}`);
      }
    }
    this.post({ type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run });
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.log.warn(`monitor: dropped an invalid message from the panel: ${parsed.error}`);
      this.post({ type: 'didFail', command: 'unknown', message: `invalid message: ${parsed.error}` });
      return;
    }
    const handler = this.handlers[parsed.message.type] as (m: WebviewToHost) => Promise<void>;
    try {
      await handler(parsed.message);
    } catch (error) {
      this.log.error(`monitor: ${parsed.message.type} failed: ${(error as Error).message}`);
      this.post({ type: 'didFail', command: parsed.message.type, message: (error as Error).message });
    }
  }

  /** One small handler per intent; a missing one does not compile. */
  private readonly handlers: Handlers = {
    ready: async () => this.sendSnapshot(),
    restore: async (m) => {
      await vscode.commands.executeCommand(m.iteration === 'best' ? 'loopgain.restoreBest' : 'loopgain.restoreIteration', m.runId, m.iteration);
      await this.sendSnapshot();
    },
    decideApproval: async (m) => {
      if (!this.approvals.decide(m.requestId, m.approve)) this.post({ type: 'didFail', command: 'decideApproval', message: 'that approval was already answered' });
    },
    selectIteration: async (m) => {
      const store = this.loop.store();
      const state = await store.load(m.runId);
      const files = await iterationChanges(new CheckpointLog(store.blobs(m.runId), state.checkpoints), m.iteration);
      this.post({ type: 'didIterationDiff', runId: m.runId, iteration: m.iteration, files });
    },
    stop: async () => this.loop.stop(),
    resume: async (m) => void vscode.commands.executeCommand('loopgain.resumeRun', m.runId),
    openTrace: async (m) => void vscode.window.showTextDocument(vscode.Uri.file(this.loop.store().tracePath(m.runId))),
    explain: async () => void vscode.commands.executeCommand('loopgain.explainLastStop'),
  };

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
