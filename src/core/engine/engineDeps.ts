import type { Fixer } from '../fixers/fixer';
import type { TestCase } from '../tests/model';
import type { RunStore } from '../persistence/runStore';
import type { TestSetup } from '../tests/detectFramework';
import type { Workspace } from '../workspace/workspace';
import type { ApprovalRunner } from './approvals/approvalRunners';
import type { LoopEvent } from './events';
import type { PricingTable } from './pricing';
import type { StopStatus } from './statuses';

/** What the engine needs from the outside world: the CLI and the VS Code host each provide these. */
export interface EngineDeps {
  readonly workspace: Workspace;
  readonly fixer: Fixer;
  readonly testSetup: TestSetup;
  readonly approvals: ApprovalRunner;
  readonly store: RunStore;
  readonly pricing?: PricingTable;
  readonly now?: () => Date;
  /** Every event, as it happens (the trace file gets them too). */
  readonly onEvent?: (event: LoopEvent) => void;
  /** Every iteration's test results (the host publishes them to the Test Explorer). */
  readonly onTests?: (iteration: number, tests: readonly TestCase[]) => void;
  /** Called before each test run (the host saves dirty editors here). */
  readonly beforeTests?: () => Promise<void>;
  /**
   * Someone changed files the loop had written, while it ran. Their version is kept either way;
   * the answer says whether the loop goes on from it. Without this, the loop goes on.
   */
  readonly onUserChanges?: (paths: readonly string[]) => Promise<'continue' | 'stop'>;
  /** Environment for test runs (defaults to this process's). */
  readonly testEnv?: NodeJS.ProcessEnv;
}

/** How a run ended, for the CLI's --json and the host's status. */
export interface RunResult {
  readonly runId: string;
  readonly status: StopStatus;
  /** The controller's outcome. */
  readonly outcome: string;
  readonly reason: string;
  readonly resumable: boolean;
  readonly recommendedAction: string;
  /** Iterations whose tests ran (including the first measurement). */
  readonly iterations: number;
  readonly bestIteration: number;
  readonly bestError: number;
  /** Failing tests after the final full-suite check. */
  readonly finalError: number;
  readonly errorHistory: readonly number[];
  readonly testsCollected: { readonly first?: number; readonly last?: number };
  readonly tokens: { readonly input: number; readonly output: number; readonly total: number };
  readonly usd?: number;
  readonly wallMs: number;
  /** For AWAITING_APPROVAL: the token to resume with, and when it expires. */
  readonly approval?: { readonly token: string; readonly requestId: string; readonly expiresAt: string };
  /** Workspace files that differ from the user's original at the end. */
  readonly changedFiles: readonly string[];
}
