import type { AdaptiveSettings } from '../controller/adaptive/adaptiveClassifier';
import type { ClassifierName } from '../controller/types';
import type { TestCommandSettings } from '../tests/detectFramework';
import { DEFAULT_APPROVAL_POLICY, type ApprovalPolicy } from './approvals/policies';
import type { StalenessPolicy } from './pricing';

/** Hard ceilings: always on. A run can extend them on resume, never switch them off. */
export interface Limits {
  readonly maxIterations: number;
  readonly tokenLimit: number;
  readonly wallClockMs: number;
  /** Optional USD ceiling, estimated from the dated pricing table (tokens stay authoritative). */
  readonly costLimitUsd?: number;
  readonly pricingStaleness: StalenessPolicy;
  /** Per-call output cap before clamping to what remains. */
  readonly maxOutputTokensPerCall: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxIterations: 20,
  tokenLimit: 500_000,
  wallClockMs: 30 * 60_000,
  pricingStaleness: 'warn',
  maxOutputTokensPerCall: 4096,
});

export interface RunConfig {
  readonly goal: string;
  readonly tests: TestCommandSettings;
  /** Per test-run limit; when unset it adapts to the suite (5× the first full run, at least 30 s). */
  readonly testTimeoutMs?: number;
  /** Between stop candidates, re-run only the failing tests. */
  readonly focusedReruns: boolean;
  readonly limits: Limits;
  readonly controller: {
    readonly classifier: ClassifierName;
    readonly targetError: number;
    readonly adaptive?: Partial<AdaptiveSettings>;
  };
  readonly approvals: ApprovalPolicy;
  /** Iterations without movement (or revisiting known states) before NO_PROGRESS. */
  readonly noProgressWindow: number;
  /** The fixer's id, recorded so a resume can say when it changed. */
  readonly fixer: string;
  /** Model name for the pricing table, when the fixer is a model. */
  readonly model?: string;
  /** The endpoint of a model fixer (never a key: keys come from the environment or SecretStorage). */
  readonly baseUrl?: string;
}

export const DEFAULT_GOAL = 'Make the failing tests pass by fixing the code under test. Never weaken, skip or delete tests.';

export function defaultRunConfig(overrides: Partial<RunConfig> & { fixer: string }): RunConfig {
  return {
    goal: DEFAULT_GOAL,
    tests: {},
    focusedReruns: true,
    limits: DEFAULT_LIMITS,
    controller: { classifier: 'adaptive', targetError: 0 },
    approvals: DEFAULT_APPROVAL_POLICY,
    noProgressWindow: 3,
    ...overrides,
  };
}
