import { createInterface } from 'node:readline/promises';
import { callbackApprovalRunner, type ApprovalRunner } from '../core/engine/approvals/approvalRunners';
import type { ApprovalRequest } from '../core/engine/approvals/approvalRequest';
import { DEFAULT_APPROVAL_POLICY } from '../core/engine/approvals/policies';

/** Asks on the terminal (stderr + stdin): approve, deny, or show the diff first. No answer in time → deny. */
export function terminalApprovalRunner(timeoutMs = DEFAULT_APPROVAL_POLICY.interactiveTimeoutMs): ApprovalRunner {
  return callbackApprovalRunner(ask, timeoutMs, 'interactive');
}

async function ask(request: ApprovalRequest, signal: AbortSignal): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    process.stderr.write(`\nApproval needed (iteration ${request.iteration}):\n${request.reasons.map((r) => `  - ${r.reason}`).join('\n')}\n`);
    for (;;) {
      const answer = (await rl.question('Apply these edits? [y]es / [n]o / [d]iff: ', { signal })).trim().toLowerCase();
      if (answer === 'y' || answer === 'yes') return true;
      if (answer === 'n' || answer === 'no' || answer === '') return false;
      if (answer === 'd' || answer === 'diff') process.stderr.write(`${request.files.map((f) => f.diff).join('\n')}\n`);
    }
  } finally {
    rl.close();
  }
}
