import * as vscode from 'vscode';
import { callbackApprovalRunner, type ApprovalRunner } from '../../core/engine/approvals/approvalRunners';
import type { ApprovalRequest } from '../../core/engine/approvals/approvalRequest';
import { Emitter } from '../../core/events';
import type { VirtualDocuments } from '../snapshots/virtualDocuments';

interface Pending {
  readonly request: ApprovalRequest;
  readonly settle: (approve: boolean) => void;
}

/**
 * Gated edits are asked about in two places at once: a modal warning (Approve / Deny / Show Diff)
 * and the monitor panel's inline request. The first answer wins; the other is withdrawn (the panel
 * hears `onDidResolve`; a dialog still open has its later answer ignored). No answer in time: deny.
 */
export class ApprovalPrompts {
  private pending: Pending | undefined;
  private readonly requested = new Emitter<ApprovalRequest>();
  private readonly resolved = new Emitter<{ requestId: string; approved: boolean }>();
  readonly onDidRequest = this.requested.event;
  readonly onDidResolve = this.resolved.event;

  constructor(private readonly documents: VirtualDocuments) {}

  runner(timeoutMs: number): ApprovalRunner {
    return callbackApprovalRunner((request, signal) => this.ask(request, signal), timeoutMs, 'interactive');
  }

  /** The panel's answer (ignored when the request is not the pending one any more). */
  decide(requestId: string, approve: boolean): boolean {
    if (this.pending?.request.id !== requestId) return false;
    this.pending.settle(approve);
    return true;
  }

  get current(): ApprovalRequest | undefined {
    return this.pending?.request;
  }

  private ask(request: ApprovalRequest, signal: AbortSignal): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      let done = false;
      const settle = (approve: boolean): void => {
        if (done) return;
        done = true;
        this.pending = undefined;
        this.resolved.fire({ requestId: request.id, approved: approve });
        resolve(approve);
      };
      signal.addEventListener('abort', () => settle(false), { once: true });
      this.pending = { request, settle };
      this.requested.fire(request);
      void this.modalLoop(request, settle, () => done);
    });
  }

  private async modalLoop(request: ApprovalRequest, settle: (approve: boolean) => void, isDone: () => boolean): Promise<void> {
    const detail = `${request.reasons.map((r) => `• ${r.reason}`).join('\n')}\n\nFiles: ${request.files.map((f) => f.path).join(', ')}`;
    while (!isDone()) {
      const answer = await vscode.window.showWarningMessage(`LoopGain wants to apply gated edits (iteration ${request.iteration}).`, { modal: true, detail }, 'Approve', 'Deny', 'Show Diff');
      if (isDone()) return;
      if (answer === 'Approve') return settle(true);
      if (answer === 'Show Diff') {
        await this.showDiff(request);
        continue;
      }
      return settle(false); // Deny, or the dialog was dismissed
    }
  }

  private async showDiff(request: ApprovalRequest): Promise<void> {
    for (const file of request.files) {
      const uri = this.documents.put(request.id, `${file.path}.diff`, file.diff);
      await vscode.window.showTextDocument(uri, { preview: request.files.length === 1, preserveFocus: false });
    }
  }
}
