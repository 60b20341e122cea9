import * as vscode from 'vscode';
import { ApprovalPrompts } from './approvals/approvalPrompts';
import { registerCommands } from './commands';
import { LoopService } from './loop/loopService';
import { MONITOR_VIEW_TYPE, MonitorPanel } from './monitor/monitorPanel';
import { VirtualDocuments } from './snapshots/virtualDocuments';
import { LoopStatusBar } from './status/statusBar';
import { TestResultsPublisher } from './testing/testResults';
import { RunsTree } from './views/runsTree';

/**
 * The extension's entry point: the only layer that touches the VS Code API. It wires the pure
 * engine to VS Code's pieces; activation is lazy (a command, the Runs view, or a restored panel).
 */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('LoopGain', { log: true });
  const documents = new VirtualDocuments();
  const approvals = new ApprovalPrompts(documents);
  const tests = new TestResultsPublisher();
  const loop = new LoopService(context, log, approvals, tests);
  const status = new LoopStatusBar();
  const monitor = new MonitorPanel(context.extensionUri, loop, approvals, log);
  const runs = new RunsTree(() => loop.store());

  context.subscriptions.push(
    log,
    documents,
    tests,
    loop,
    status,
    monitor,
    loop.onEvent((e) => {
      status.onEvent(e);
      if (e.kind === 'run.stop') runs.refresh();
    }),
    vscode.window.registerTreeDataProvider('loopgain.runs', runs),
    vscode.window.registerWebviewPanelSerializer(MONITOR_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => monitor.attach(panel),
    }),
    ...registerCommands({ extension: context, loop, runs, approvals, showMonitor: () => monitor.show() }),
  );
  // Measured by the end-to-end suite (the extension host's console reaches the workbench page).
  console.log(`LoopGain activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {}
