import type { EditRejection } from '../edits/edit';
import { validateEdits, type EditValidation } from '../edits/validateEdits';
import type { Workspace } from '../workspace/workspace';
import { FixerError, type FixBudget, type FixProposal, type Fixer, type FixRequest, type TokenUsage } from './fixer';

/** Attempts per iteration before the iteration's plan counts as invalid. */
export const MAX_ATTEMPTS = 3;

export type PlanOutcome =
  | { readonly status: 'ok'; readonly proposal: FixProposal; readonly validation: EditValidation; readonly attempts: number; readonly usage: TokenUsage; readonly rejected: readonly EditRejection[][] }
  | { readonly status: 'plan-invalid'; readonly attempts: number; readonly usage: TokenUsage; readonly rejected: readonly EditRejection[][] }
  | { readonly status: 'out-of-budget'; readonly attempts: number; readonly usage: TokenUsage; readonly rejected: readonly EditRejection[][] };

export interface ProposeOptions {
  readonly fixer: Fixer;
  readonly request: Omit<FixRequest, 'attempt' | 'previousRejections' | 'budget'>;
  readonly workspace: Workspace;
  /** Asked before every call, with what this iteration has spent so far: the budget for the call, or undefined when none is left. */
  readonly budgetFor: (spentThisIteration: TokenUsage) => FixBudget | undefined;
  /** Told about every attempt, valid or not (for the trace). */
  readonly onAttempt?: (attempt: number, proposal: FixProposal | undefined, rejected: readonly EditRejection[]) => void;
  readonly maxAttempts?: number;
}

const add = (a: TokenUsage, b: TokenUsage): TokenUsage => ({ inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens });

/**
 * Asks the fixer for edits until a proposal validates as a whole, feeding every rejection back as a
 * structured error. A plan is applied all or nothing, so one bad edit sends the whole proposal back.
 * A malformed answer is a failed attempt with its reason; other fixer errors (auth, network…) are
 * not the plan's fault and propagate to the engine.
 */
export async function proposeValidated(options: ProposeOptions): Promise<PlanOutcome> {
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const rejected: EditRejection[][] = [];
  let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const budget = options.budgetFor(usage);
    if (!budget) return { status: 'out-of-budget', attempts: attempt - 1, usage, rejected };
    let proposal: FixProposal;
    try {
      proposal = await options.fixer.propose({ ...options.request, attempt, previousRejections: rejected.at(-1) ?? [], budget });
    } catch (error) {
      if (!(error instanceof FixerError) || error.code !== 'malformed-response') throw error;
      usage = add(usage, error.usage);
      const why: EditRejection[] = [{ edit: undefined, code: 'malformed', reason: error.message }];
      rejected.push(why);
      options.onAttempt?.(attempt, undefined, why);
      continue;
    }
    usage = add(usage, proposal.usage);
    const validation = await validateEdits(proposal.edits, options.workspace);
    const problems: EditRejection[] =
      proposal.edits.length === 0 ? [{ edit: undefined, code: 'malformed', reason: 'the answer proposed no edits' }] : [...validation.rejected];
    options.onAttempt?.(attempt, proposal, problems);
    if (problems.length === 0) return { status: 'ok', proposal, validation, attempts: attempt, usage, rejected };
    rejected.push(problems);
  }
  return { status: 'plan-invalid', attempts: maxAttempts, usage, rejected };
}
