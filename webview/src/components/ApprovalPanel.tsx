import { useEffect, useState } from 'react';
import type { ApprovalView } from '../../../src/protocol';
import { VscodeButton } from '../elements';
import { useHost } from '../hostContext';
import { formatTime, plural } from '../words';
import { DiffText, diffStats } from './FileDiffs';

export interface ApprovalPanelProps {
  readonly runId: string;
  readonly approval: ApprovalView;
  /** Bumped when the host reports a failed command: the decision may be sent again. */
  readonly failedAt?: number;
}

/** A gated edit, inline: why it needs a yes, exactly what it changes, and the two answers. */
export function ApprovalPanel({ runId, approval, failedAt }: ApprovalPanelProps) {
  const host = useHost();
  const [sent, setSent] = useState<boolean | undefined>(undefined);
  useEffect(() => setSent(undefined), [approval.requestId, failedAt]);
  const decide = (approve: boolean): void => {
    if (sent !== undefined) return;
    setSent(approve);
    host.post({ type: 'decideApproval', runId, requestId: approval.requestId, approve });
  };
  return (
    <section className="panel-section approval" role="region" aria-labelledby="approval-title">
      <h2 id="approval-title">Approval needed: iteration {approval.iteration}'s edits</h2>
      <ul className="approval-reasons">
        {approval.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p className="muted">
        {plural(approval.files.length, 'file')} would change. The request expires {formatTime(approval.expiresAt)}.
      </p>
      {approval.files.map((f) => {
        const { added, removed } = diffStats(f.diff);
        return (
          <div key={f.path} className="approval-file">
            <h3>
              {f.path} <span className="muted">+{added} −{removed}</span>
            </h3>
            <DiffText diff={f.diff} label={`Proposed changes to ${f.path}`} />
          </div>
        );
      })}
      <div className="approval-actions">
        <VscodeButton disabled={sent !== undefined} onClick={() => decide(true)} aria-label={`Approve iteration ${approval.iteration}'s edits`}>
          Approve
        </VscodeButton>
        <VscodeButton secondary disabled={sent !== undefined} onClick={() => decide(false)} aria-label={`Deny iteration ${approval.iteration}'s edits`}>
          Deny
        </VscodeButton>
        {sent !== undefined && <span className="muted" role="status">{sent ? 'Approved' : 'Denied'}: waiting for the loop…</span>}
      </div>
    </section>
  );
}
