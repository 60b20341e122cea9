/** Every way a run can end, each with whether it can be resumed and what to do next. */
export const STOP_STATUSES = [
  'SUCCESS',
  'CONVERGED_SHORT',
  'NO_PROGRESS',
  'BUDGET_EXHAUSTED',
  'PLAN_FAILED',
  'APPROVAL_DENIED',
  'AWAITING_APPROVAL',
  'PENDING_EXPIRED',
  'CANCELLED',
  'ERROR',
] as const;
export type StopStatus = (typeof STOP_STATUSES)[number];

interface StatusInfo {
  readonly resumable: boolean;
  readonly meaning: string;
  readonly recommendedAction: string;
}

export const STATUS_INFO: Readonly<Record<StopStatus, StatusInfo>> = {
  SUCCESS: { resumable: false, meaning: 'every test passes (confirmed by a full run)', recommendedAction: 'Review the diff and commit it.' },
  CONVERGED_SHORT: {
    resumable: true,
    meaning: 'the controller judged that more iterations would not pay off, with failures left',
    recommendedAction: 'Review the best iteration (restored), fix the remaining tests by hand or with a stronger model, or resume with a larger budget.',
  },
  NO_PROGRESS: {
    resumable: true,
    meaning: 'the loop stopped moving: repeated states or edits, or a fixer with nothing left to try',
    recommendedAction: 'Change the goal, the model or the test command, then resume; or take the best iteration and continue by hand.',
  },
  BUDGET_EXHAUSTED: { resumable: true, meaning: 'a hard ceiling was reached (iterations, tokens, wall clock or cost)', recommendedAction: 'Inspect progress, then resume with an extended budget (e.g. --extend iterations=10).' },
  PLAN_FAILED: { resumable: true, meaning: 'the fixer produced no valid plan in two iterations in a row', recommendedAction: 'Check the model and its tool support, or switch fixers, then resume.' },
  APPROVAL_DENIED: { resumable: true, meaning: 'a gated edit was denied', recommendedAction: 'Adjust the approval policy or the goal, then resume.' },
  AWAITING_APPROVAL: { resumable: true, meaning: 'a gated edit waits for a decision (headless approval)', recommendedAction: 'Approve or deny it before the token expires: in the panel, or `loopgain resume <id> --approve-token=<token>` (or --deny-token).' },
  PENDING_EXPIRED: { resumable: true, meaning: 'an approval token expired before it was used', recommendedAction: 'Resume to have the approval requested again.' },
  CANCELLED: { resumable: true, meaning: 'stopped on request; the workspace is consistent', recommendedAction: 'Resume when ready, or restore the best iteration.' },
  ERROR: { resumable: false, meaning: 'the loop could not run', recommendedAction: 'Read the reason; `loopgain explain` has the details.' },
};
