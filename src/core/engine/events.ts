import type { ControllerState, Outcome } from '../controller/types';
import type { EditRejection } from '../edits/edit';
import type { TokenUsage } from '../fixers/fixer';
import type { RunOutcome } from '../tests/model';
import type { ApprovalRequest } from './approvals/approvalRequest';
import type { Spend } from './budget';
import type { Limits } from './config';
import type { StopStatus } from './statuses';

/** Bumped whenever an event's shape changes incompatibly; every event carries it. */
export const TRACE_SCHEMA_VERSION = 1;

/** Everything the loop does, one event per step: the JSONL trace, the panel and the CLI all read these. */
export type LoopEventBody =
  | { kind: 'run.start'; limits: Limits; fixer: string; testCommand: string; framework: string; warnings: readonly string[]; resumedFrom?: number }
  | { kind: 'iteration.start'; iteration: number }
  | { kind: 'tests.run'; iteration: number; scope: 'full' | 'focused'; outcome: RunOutcome; collected: number; failing: number; durationMs: number; problem?: string }
  | {
      kind: 'signal';
      iteration: number;
      error: number;
      fixed: readonly string[];
      newlyBroken: readonly string[];
      disappeared: readonly string[];
      newlySkipped: readonly string[];
      regression: boolean;
      suspect?: string;
    }
  | { kind: 'controller'; iteration: number; state: ControllerState; terminal: boolean; gain?: number; reason: string }
  | { kind: 'fixer.call'; iteration: number; attempt: number; usage: TokenUsage; durationMs: number; rationale?: string; alternatives?: number }
  | { kind: 'edits.validated'; iteration: number; attempt: number; edits: readonly string[] }
  | { kind: 'edits.rejected'; iteration: number; attempt: number; rejections: readonly Pick<EditRejection, 'code' | 'reason'>[] }
  | { kind: 'approval.requested'; iteration: number; request: Omit<ApprovalRequest, 'token'> }
  | { kind: 'approval.decided'; iteration: number; requestId: string; decision: 'approved' | 'denied' | 'pending' | 'expired' | 'invalidated'; by?: string; why?: string }
  | { kind: 'checkpoint'; iteration: number; files: readonly string[] }
  | { kind: 'edits.applied'; iteration: number; files: readonly string[] }
  | { kind: 'progress'; iteration: number; stalled: number; window: number; why: string }
  | { kind: 'restore'; iteration: number; files: readonly string[]; reason: string }
  | { kind: 'budget'; spent: Spend }
  | { kind: 'warning'; message: string }
  | {
      kind: 'run.stop';
      status: StopStatus;
      outcome: Outcome;
      reason: string;
      resumable: boolean;
      recommendedAction: string;
      bestIteration: number;
      finalError: number;
    };

export type LoopEvent = LoopEventBody & { readonly v: number; readonly runId: string; readonly seq: number; readonly at: string };
