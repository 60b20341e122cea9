import * as vscode from 'vscode';
import { STATUS_INFO } from '../../core/engine/statuses';
import type { RunState } from '../../core/engine/runState';
import type { RunStore } from '../../core/persistence/runStore';

/** One run in the Runs view. */
export class RunItem extends vscode.TreeItem {
  constructor(readonly state: RunState) {
    super(state.id, vscode.TreeItemCollapsibleState.None);
    const stop = state.stop;
    const best = stop ? state.iterations[stop.bestIteration]?.error : undefined;
    const tokens = state.spent.inputTokens + state.spent.outputTokens;
    this.description = `${stop?.status ?? 'running'} · ${state.iterations.length} it. · best ${best ?? '—'} · ${tokens.toLocaleString('en-US')} tok`;
    this.tooltip = new vscode.MarkdownString(`**${stop?.status ?? 'running'}** — ${stop?.reason ?? 'no stop recorded'}\n\nfixer \`${state.config.fixer}\`, started ${state.createdAt}`);
    const resumable = stop ? (stop.resumable ?? STATUS_INFO[stop.status].resumable) : true;
    this.contextValue = resumable ? 'loopgain.run.resumable' : 'loopgain.run';
    this.iconPath = new vscode.ThemeIcon(stop?.status === 'SUCCESS' ? 'pass' : stop ? 'circle-slash' : 'sync');
    this.command = { command: 'loopgain.runs.show', title: 'Show Run', arguments: [this] };
  }
}

/** The run history: status, iterations, best error and spend; context actions act on one run. */
export class RunsTree implements vscode.TreeDataProvider<RunItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: () => RunStore) {}

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(item: RunItem): vscode.TreeItem {
    return item;
  }

  async getChildren(): Promise<RunItem[]> {
    const runs = await this.store().list();
    return runs.flatMap((r) => ('state' in r ? [new RunItem(r.state)] : []));
  }
}
