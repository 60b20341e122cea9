import { validateEdits } from '../edits/validateEdits';
import { createApprovalRequest, worldFingerprint, type ApprovalDecision } from './approvals/approvalRequest';
import type { Limits, RunConfig } from './config';
import type { EngineDeps, RunResult } from './engineDeps';
import { DEFAULT_PRICING, planCost } from './pricing';
import { RUN_STATE_VERSION, type RunState } from './runState';
import { RunSession } from './runSession';
import { STATUS_INFO, type StopStatus } from './statuses';
import { TraceWriter } from './traceWriter';
import { RunStore } from '../persistence/runStore';

/** Stops after which a resume starts a fresh controller segment (the old verdict would stop it again at once). */
const VERDICT_STOPS: ReadonlySet<StopStatus> = new Set(['CONVERGED_SHORT', 'NO_PROGRESS', 'PLAN_FAILED']);

export interface StartOptions {
  readonly config: RunConfig;
  readonly signal?: AbortSignal;
}

/** Starts a new run on the workspace and drives it until it stops. */
export async function startRun(deps: EngineDeps, options: StartOptions): Promise<RunResult> {
  const now = deps.now?.() ?? new Date();
  const id = RunStore.newRunId(now);
  await deps.store.create(id);
  const state: RunState = {
    version: RUN_STATE_VERSION,
    id,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    workspaceRoot: deps.workspace.root,
    config: options.config,
    spent: { inputTokens: 0, outputTokens: 0, usd: 0, activeMs: 0 },
    iterations: [],
    checkpoints: [],
    lastFullTests: [],
    currentTests: [],
    failedApproaches: [],
    planInvalidStreak: 0,
  };
  const session = openSession(deps, state, options.signal, []);
  if (session.cost.refusal) return session.finish({ status: 'ERROR', reason: session.cost.refusal });
  await session.save();
  return session.loop();
}

export interface ResumeOptions {
  /** New values for ceilings (a resume can only raise them). */
  readonly extend?: Partial<Pick<Limits, 'maxIterations' | 'tokenLimit' | 'wallClockMs' | 'costLimitUsd'>>;
  /** A decision on the pending approval, proven by its token. */
  readonly decision?: { readonly token: string; readonly approve: boolean };
  readonly signal?: AbortSignal;
}

/**
 * Resumes a stopped (or crashed) run from its last saved state, with its spend carried over and
 * its ceilings optionally extended. A pending approval is decided here: by token, or by asking the
 * approval runner again; if the workspace changed since the request, it is re-requested.
 */
export async function resumeRun(deps: EngineDeps, runId: string, options: ResumeOptions = {}): Promise<RunResult> {
  const state = await deps.store.load(runId);
  if (state.stop && !(state.stop.resumable ?? STATUS_INFO[state.stop.status].resumable)) {
    throw new Error(`run ${runId} ended with ${state.stop.status}: there is nothing to resume`);
  }
  state.config = { ...state.config, limits: extendLimits(state.config.limits, options.extend ?? {}) };
  const freshSegment = state.stop !== undefined && VERDICT_STOPS.has(state.stop.status);
  const history = freshSegment ? [] : state.iterations.map((i) => i.error);
  const previousStop = state.stop;
  state.stop = undefined;
  const session = openSession(deps, state, options.signal, history, state.iterations.length);
  if (previousStop) session.emit({ kind: 'warning', message: `resuming after ${previousStop.status}: ${previousStop.reason}` });
  if (!state.pending) return session.loop();
  return resumePending(session, options);
}

async function resumePending(session: RunSession, options: ResumeOptions): Promise<RunResult> {
  const { state, deps } = session;
  const pending = state.pending;
  if (!pending) return session.loop();
  const { request } = pending;
  const n = request.iteration;
  if (options.decision && options.decision.token !== request.token) throw new Error('that approval token does not match the pending request');
  if (Date.parse(request.expiresAt) <= (deps.now?.() ?? new Date()).getTime()) {
    state.pending = undefined;
    session.emit({ kind: 'approval.decided', iteration: n, requestId: request.id, decision: 'expired' });
    return session.finish({ status: 'PENDING_EXPIRED', reason: `the approval request ${request.id} expired at ${request.expiresAt}; resume again to have it re-requested` });
  }

  // Re-observe the world: the same files and the same failing tests, or the approval is void.
  const check = await session.signal.measure('full', state.currentTests, session.abort);
  const current = new Map<string, string | undefined>();
  for (const f of request.files) current.set(f.path, await deps.workspace.readText(f.path));
  const validation = await validateEdits(pending.edits, deps.workspace);
  const unchanged = worldFingerprint(current, check.failing.map((t) => t.id)) === request.fingerprint && validation.rejected.length === 0;
  if (!unchanged) {
    session.emit({ kind: 'approval.decided', iteration: n, requestId: request.id, decision: 'invalidated', why: 'the files or the failing tests changed since the request' });
    if (validation.rejected.length > 0 || validation.valid.length === 0) {
      state.pending = undefined;
      return session.loop();
    }
    const renewed = createApprovalRequest({ iteration: n, reasons: request.reasons, files: validation.files, failingIds: check.failing.map((t) => t.id), ttlMs: state.config.approvals.headlessTtlMs, now: deps.now?.() ?? new Date() });
    state.pending = { ...pending, request: renewed };
    const { token: _token, ...visible } = renewed;
    session.emit({ kind: 'approval.requested', iteration: n, request: visible });
    return session.finish({ status: 'AWAITING_APPROVAL', reason: 'the workspace changed since the approval was requested: it was requested again with a new token' });
  }

  const decision: ApprovalDecision = options.decision
    ? options.decision.approve
      ? { kind: 'approved', by: 'token' }
      : { kind: 'denied', by: 'token', why: 'denied with the token' }
    : await deps.approvals.decide(request, session.abort);
  session.emit({ kind: 'approval.decided', iteration: n, requestId: request.id, decision: decision.kind, by: decision.kind === 'pending' ? undefined : decision.by, why: decision.kind === 'denied' ? decision.why : undefined });
  if (decision.kind === 'pending') return session.finish({ status: 'AWAITING_APPROVAL', reason: 'still waiting for a decision' });
  state.pending = undefined;
  if (decision.kind === 'denied') return session.finish({ status: 'APPROVAL_DENIED', reason: decision.why });
  const stopped = await session.apply(n, validation.valid, validation.files, pending.rationale);
  return stopped ?? session.loop();
}

function openSession(deps: EngineDeps, state: RunState, signal: AbortSignal | undefined, history: readonly number[], resumedFrom?: number): RunSession {
  const now = deps.now?.() ?? new Date();
  const limits = state.config.limits;
  const cost = planCost(deps.pricing ?? DEFAULT_PRICING, state.config.model, limits.costLimitUsd, limits.pricingStaleness, now);
  const trace = TraceWriter.continuing(state.id, deps.store.tracePath(state.id), deps.now);
  if (deps.onEvent) trace.onEvent(deps.onEvent);
  const session = new RunSession(deps, state, trace, cost, signal ?? new AbortController().signal, history);
  const setup = deps.testSetup;
  session.emit({
    kind: 'run.start',
    limits,
    fixer: deps.fixer.id,
    testCommand: setup.kind === 'command-only' ? setup.command : (setup.command ?? `${setup.adapter.framework} (detected: ${setup.detection.evidence})`),
    framework: setup.kind === 'framework' ? setup.adapter.framework : 'custom',
    warnings: cost.warnings,
    resumedFrom,
  });
  return session;
}

export function extendLimits(limits: Limits, extend: ResumeOptions['extend'] & object): Limits {
  const next = { ...limits };
  for (const [key, value] of Object.entries(extend) as [keyof typeof extend, number | undefined][]) {
    if (value === undefined) continue;
    if (!(value > 0)) throw new RangeError(`${key} must be a positive number`);
    const old = limits[key];
    if (old !== undefined && value < old) throw new RangeError(`${key} can only be raised on resume (now ${old}, asked ${value})`);
    (next as Record<string, unknown>)[key] = value;
  }
  return next;
}
