import * as vscode from 'vscode';
import type { LoopEvent } from '../../core/engine/events';

const WORDS: Record<string, string> = {
  INIT: 'starting',
  FAST_CONVERGE: 'fast converge',
  CONVERGING: 'converging',
  STALLING: 'stalling',
  OSCILLATING: 'oscillating',
  DIVERGING: 'diverging',
  TARGET_MET: 'target met',
  MAX_ITERATIONS: 'max iterations',
};

/** The live state in the status bar: iteration, E(n), controller state; a click opens the monitor. */
export class LoopStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('loopgain.status', vscode.StatusBarAlignment.Left, 50);
  private iteration = 0;
  private error = '';

  constructor() {
    this.item.name = 'LoopGain';
    this.item.command = 'loopgain.showMonitor';
    this.item.text = '$(graph-line) LoopGain';
    this.item.tooltip = 'LoopGain: show the loop monitor';
    this.item.show();
  }

  onEvent(e: LoopEvent): void {
    switch (e.kind) {
      case 'run.start':
        this.item.text = '$(sync~spin) LoopGain: starting';
        return;
      case 'signal':
        this.iteration = e.iteration;
        this.error = Number.isFinite(e.error) ? String(e.error) : 'no verdict';
        this.item.text = `$(sync~spin) LoopGain #${this.iteration}  E=${this.error}`;
        return;
      case 'controller':
        this.item.text = `$(sync~spin) LoopGain #${e.iteration}  E=${this.error}  ${WORDS[e.state] ?? e.state}`;
        this.item.tooltip = `LoopGain, iteration ${e.iteration}: ${e.reason}`;
        return;
      case 'approval.requested':
        this.item.text = `$(question) LoopGain #${this.iteration}: approval needed`;
        return;
      case 'run.stop':
        this.item.text = `${e.status === 'SUCCESS' ? '$(pass)' : '$(circle-slash)'} LoopGain: ${e.status}${Number.isFinite(e.finalError) ? `  E=${e.finalError}` : ''}`;
        this.item.tooltip = `${e.reason}\n${e.recommendedAction}`;
        return;
      default:
        return;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
