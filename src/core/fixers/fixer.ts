import type { EditRejection } from '../edits/edit';
import type { TestCase } from '../tests/model';

/**
 * A fixer proposes edits for the failing tests. The engine asks once per iteration (and again, up to
 * three attempts, when edits are rejected); everything it proposes is validated before use, so a
 * fixer — a model especially — is never trusted with the workspace directly.
 */
export interface Fixer {
  /** Stable name for traces and settings: "offline", "openai:gpt-4.1", "anthropic:claude-…", "vscode-lm:…". */
  readonly id: string;
  propose(request: FixRequest): Promise<FixProposal>;
}

export interface FixRequest {
  /** The loop's goal, pinned into every prompt. */
  readonly goal: string;
  readonly iteration: number;
  /** 1-based attempt within the iteration; > 1 means `previousRejections` explains what went wrong. */
  readonly attempt: number;
  readonly failingTests: readonly TestCase[];
  /** The relevant source: files named by stack frames and failing tests, as line windows or whole small files. */
  readonly sources: readonly SourceExcerpt[];
  /** Unified diff of everything the loop has changed so far. */
  readonly diffSoFar: string;
  /** What was tried and made things worse: do not try it again. */
  readonly failedApproaches: readonly FailedApproach[];
  /** Earlier iterations, oldest first (the context builder keeps the last few verbatim, summarises the rest). */
  readonly history: readonly IterationNote[];
  /** Why the previous attempt's edits were refused, in this iteration. */
  readonly previousRejections: readonly EditRejection[];
  readonly budget: FixBudget;
  readonly signal: AbortSignal;
}

export interface FixBudget {
  /** Tokens left in the whole run (input + output). */
  readonly remainingTokens: number;
  /** The most output tokens this call may produce: the engine clamps it to what remains. */
  readonly maxOutputTokens: number;
}

export interface SourceExcerpt {
  readonly path: string;
  /** 1-based line of the file where `text` starts. */
  readonly startLine: number;
  readonly text: string;
  readonly wholeFile: boolean;
  readonly totalLines: number;
}

export interface FailedApproach {
  readonly iteration: number;
  /** What was changed, in one line (e.g. "calc.py: `<` → `<=` in clamp()"). */
  readonly change: string;
  /** What it did (e.g. "broke tests/test_calc.py::test_lower"). */
  readonly effect: string;
}

export interface IterationNote {
  readonly iteration: number;
  readonly failing: number;
  readonly edits: readonly string[];
  readonly fixed: readonly string[];
  readonly newlyBroken: readonly string[];
}

export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface FixProposal {
  /** Untyped on purpose: validateEdits decides what is an edit. */
  readonly edits: readonly unknown[];
  readonly usage: TokenUsage;
  /** The fixer's own one-paragraph explanation, for the trace. */
  readonly rationale?: string;
  /** Other plausible patches that were not proposed (the offline fixer reports disagreement here). */
  readonly alternatives?: readonly { readonly description: string; readonly edits: readonly unknown[] }[];
}

export const FIXER_ERROR_CODES = ['auth', 'permission', 'quota', 'rate-limit', 'server', 'timeout', 'network', 'bad-request', 'malformed-response', 'cancelled', 'unavailable'] as const;
export type FixerErrorCode = (typeof FIXER_ERROR_CODES)[number];

/** A fixer call that failed; the message never contains a secret. */
export class FixerError extends Error {
  override readonly name = 'FixerError';
  constructor(
    readonly code: FixerErrorCode,
    message: string,
    /** Usage spent before the failure (a model may bill a call that then failed to parse). */
    readonly usage: TokenUsage = { inputTokens: 0, outputTokens: 0 },
  ) {
    super(message);
  }
}
