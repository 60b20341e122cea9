import type { ApprovalDecision, ApprovalRequest } from './approvalRequest';

/**
 * Who decides: the VS Code host (modal + panel), the CLI (terminal prompt), a callback, or nobody
 * now (headless: the run stops with a token to resume with).
 */
export interface ApprovalRunner {
  readonly kind: 'interactive' | 'callback' | 'headless';
  decide(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalDecision>;
}

/**
 * Asks a function and waits at most `timeoutMs`: a timeout, a throw or an abort counts as "deny",
 * because an edit nobody approved must not be applied.
 */
export function callbackApprovalRunner(
  ask: (request: ApprovalRequest, signal: AbortSignal) => Promise<boolean | ApprovalDecision>,
  timeoutMs: number,
  kind: 'interactive' | 'callback' = 'callback',
): ApprovalRunner {
  return {
    kind,
    async decide(request, signal) {
      const denied = (why: string): ApprovalDecision => ({ kind: 'denied', by: kind, why });
      if (signal.aborted) return denied('cancelled');
      // The asker's own signal: aborted when we stop listening (answer, timeout or cancel).
      const inner = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      const timeout = new Promise<ApprovalDecision>((resolve) => {
        timer = setTimeout(() => resolve(denied(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      });
      const cancelled = new Promise<ApprovalDecision>((resolve) => {
        onAbort = () => resolve(denied('cancelled'));
        signal.addEventListener('abort', onAbort, { once: true });
      });
      // A callback that throws at once, or rejects later, denies: an unapproved edit is never applied.
      const asked = Promise.resolve()
        .then(() => ask(request, inner.signal))
        .then(
          (answer): ApprovalDecision => (typeof answer === 'boolean' ? (answer ? { kind: 'approved', by: kind } : denied('denied')) : answer),
          (error: unknown): ApprovalDecision => denied(`the approver failed: ${(error as Error).message}`),
        );
      try {
        return await Promise.race([asked, timeout, cancelled]);
      } finally {
        clearTimeout(timer);
        if (onAbort) signal.removeEventListener('abort', onAbort);
        inner.abort();
      }
    },
  };
}

/** Never decides now: the engine stops with AWAITING_APPROVAL and the request's token. */
export const headlessApprovalRunner: ApprovalRunner = {
  kind: 'headless',
  decide: async () => ({ kind: 'pending' }),
};

/** Denies every gated edit at once (CI without a human). */
export const denyAllApprovalRunner: ApprovalRunner = {
  kind: 'callback',
  decide: async () => ({ kind: 'denied', by: 'policy', why: 'gated edits are denied in this mode (--approve deny)' }),
};
