import type { ControllerState } from '../controller/types';
import type { FailedApproach } from '../fixers/fixer';
import type { TestCase } from '../tests/model';
import type { Checkpoint } from '../persistence/checkpoints';
import type { ApprovalRequest } from './approvals/approvalRequest';
import type { Spend } from './budget';
import type { RunConfig } from './config';
import type { StopStatus } from './statuses';

export const RUN_STATE_VERSION = 1;

/** One iteration as recorded: what the tests said about state S(n), and what was done next. */
export interface IterationRecord {
  readonly iteration: number;
  readonly startedAt: string;
  /** E(n): failing tests (or the no-verdict value; see measureError). */
  readonly error: number;
  readonly failing: readonly string[];
  readonly collected: number;
  readonly scope: 'full' | 'focused';
  readonly fixed: readonly string[];
  readonly newlyBroken: readonly string[];
  /** Why this iteration cannot be the best (tests disappeared or were skipped, tests edited). */
  readonly suspect?: string;
  readonly controllerState: ControllerState;
  readonly gain?: number;
  /** Descriptions of the edits applied after this iteration's tests (empty when none). */
  readonly edits: readonly string[];
  readonly fixerRationale?: string;
  readonly tokens: number;
  readonly durationMs: number;
  /** Hash of the touched files' content in S(n): a revisited state is repetition. */
  readonly stateFingerprint: string;
}

export interface StopRecord {
  readonly status: StopStatus;
  readonly reason: string;
  readonly at: string;
  readonly bestIteration: number;
  readonly finalError: number;
  /** The controller's reasoning at the stop. */
  readonly controllerReason?: string;
  /** Whether a resume may continue it (an ERROR from a transient failure can be resumed). */
  readonly resumable?: boolean;
}

/** Everything needed to resume a run exactly where it stopped (saved atomically after every iteration). */
export interface RunState {
  readonly version: number;
  readonly id: string;
  readonly createdAt: string;
  updatedAt: string;
  readonly workspaceRoot: string;
  config: RunConfig;
  spent: Spend;
  iterations: IterationRecord[];
  checkpoints: Checkpoint[];
  /** The last full run's tests, for diffs and focused re-runs after a resume. */
  lastFullTests: TestCase[];
  /** The tests of the latest measurement (merged when it was focused). */
  currentTests: TestCase[];
  failedApproaches: FailedApproach[];
  planInvalidStreak: number;
  pending?: { readonly request: ApprovalRequest; readonly edits: readonly unknown[]; readonly rationale?: string };
  stop?: StopRecord;
}
