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
      const controller = new AbortController();
      const onAbort = (): void => controller.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<ApprovalDecision>((resolve) => {
        timer = setTimeout(() => {
          controller.abort();
          resolve({ kind: 'denied', by: kind, why: `no answer within ${Math.round(timeoutMs / 1000)} s` });
        }, timeoutMs);
      });
      const cancelled = new Promise<ApprovalDecision>((resolve) => controller.signal.addEventListener('abort', () => resolve({ kind: 'denied', by: kind, why: 'cancelled' }), { once: true }));
      const asked = ask(request, controller.signal).then(
        (answer): ApprovalDecision => (typeof answer === 'boolean' ? (answer ? { kind: 'approved', by: kind } : { kind: 'denied', by: kind, why: 'denied' }) : answer),
        (error: unknown): ApprovalDecision => ({ kind: 'denied', by: kind, why: `the approver failed: ${(error as Error).message}` }),
      );
      try {
        return await Promise.race([asked, timeout, cancelled]);
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        controller.abort();
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
