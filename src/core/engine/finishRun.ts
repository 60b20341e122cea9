import type { ConvergenceController } from '../controller/convergenceController';
import { planRestore, type CheckpointLog } from '../persistence/checkpoints';
import type { EngineDeps, RunResult } from './engineDeps';
import type { LoopEventBody } from './events';
import type { TestSignal } from './measureTests';
import type { CostPlan } from './pricing';
import type { IterationRecord, RunState } from './runState';
import { STATUS_INFO, type StopStatus } from './statuses';

/** What ending a run needs from the session that ran it (a RunSession provides it). */
export interface FinishingSession {
  readonly deps: EngineDeps;
  readonly state: RunState;
  readonly log: CheckpointLog;
  readonly signal: TestSignal;
  readonly controller: ConvergenceController;
  readonly cost: CostPlan;
  readonly abort: AbortSignal;
  now(): Date;
  emit(body: LoopEventBody): void;
  save(): Promise<void>;
}

export interface FinishRequest {
  readonly status: StopStatus;
  readonly reason: string;
  /** Put the workspace back to the best iteration (controller verdicts, no progress, failed plans). */
  readonly restoreBest?: boolean;
  /** Overrides the status's usual resumability (an ERROR from a transient fixer failure can be resumed). */
  readonly resumable?: boolean;
}

/** The best iteration: lowest error, never a suspect one (tests removed, skipped or edited), first of equals. */
export function bestIteration(iterations: readonly IterationRecord[]): IterationRecord | undefined {
  return iterations.filter((i) => !i.suspect).reduce<IterationRecord | undefined>((best, i) => (best === undefined || i.error < best.error ? i : best), undefined);
}

/**
 * Ends a run: rolls back to the best iteration when the stop calls for it (only the files the loop
 * changed, and never over a file the user edited since), runs the full suite once more as the
 * held-out check, and records the stop with its reason and recommended action.
 */
export async function finishRun(session: FinishingSession, request: FinishRequest): Promise<RunResult> {
  const { state } = session;
  const last = state.iterations.at(-1);
  let best = bestIteration(state.iterations) ?? last;
  let reason = request.reason;
  let finalError = last?.error ?? Number.POSITIVE_INFINITY;
  let finalCollected = last?.collected;
  const current = last?.iteration ?? 0;
  let restored = false;
  let finalSuspect = last?.suspect;
  const verdictStop = request.restoreBest === true;

  const rollBack = async (to: IterationRecord, why: string): Promise<boolean> => {
    const plan = await planRestore(session.log, to.iteration, session.deps.workspace);
    if (plan.conflicts.length > 0) {
      reason += `; the best iteration (${to.iteration}) was not restored because ${plan.conflicts.join(', ')} changed outside the loop — restore it yourself once you are ready`;
      return false;
    }
    if (plan.changes.length === 0) return false;
    const checkpoint = await session.log.record(current, plan.changes.map((c) => ({ path: c.path, before: c.current, after: c.target })), to.iteration);
    for (const c of plan.changes) {
      if (c.target === undefined) await session.deps.workspace.deleteFile(c.path);
      else await session.deps.workspace.writeText(c.path, c.target);
    }
    state.checkpoints = [...session.log.all];
    session.emit({ kind: 'restore', iteration: to.iteration, files: checkpoint.files.map((f) => f.path), reason: why });
    return true;
  };
  const finalCheck = async (): Promise<void> => {
    await session.deps.beforeTests?.();
    const check = await session.signal.measure('full', session.state.currentTests, session.abort);
    session.emit({ kind: 'tests.run', iteration: current, scope: 'full', outcome: check.run.outcome, collected: check.run.tests.length, failing: Number.isFinite(check.error) ? check.error : -1, durationMs: check.run.durationMs, problem: check.noVerdict });
    finalError = check.error;
    finalCollected = check.collected;
  };

  // The best-so-far is the loop's answer: restore it whenever the workspace is in another state
  // (worse, as good but with extra edits, or a suspect state that removed or skipped tests).
  if (verdictStop && best && last && best.iteration !== current && (best.error <= last.error || last.suspect)) {
    restored = await rollBack(best, `rolled back to the best iteration (${best.iteration}, ${best.error} failing) from iteration ${current} (${last.error} failing${last.suspect ? `; suspect: ${last.suspect}` : ''})`);
    if (restored) finalSuspect = best.suspect;
  }

  const stopsCleanly = request.status !== 'CANCELLED' && request.status !== 'AWAITING_APPROVAL' && request.status !== 'ERROR';
  if (stopsCleanly && !session.abort.aborted && (restored || last?.scope === 'focused')) {
    await finalCheck();
    // Focused runs only see the tests that were failing: the full suite may show regressions they
    // hid. If it is worse than an iteration measured by a full run, that iteration is the answer.
    const reliable = bestIteration(state.iterations.filter((i) => i.scope === 'full' && i.iteration !== current));
    if (verdictStop && !restored && reliable && finalError > reliable.error) {
      best = reliable;
      if (await rollBack(reliable, `the final full run found ${finalError} failing (regressions the focused runs could not see): rolled back to iteration ${reliable.iteration} (${reliable.error} failing)`)) {
        restored = true;
        finalSuspect = reliable.suspect;
        await finalCheck();
      }
    }
  }

  // Never a false green: success needs a full run with every test passing, no fewer tests than
  // the first run collected, and a final state that did not remove, skip or edit tests.
  const firstCollected = state.iterations.find((i) => i.scope === 'full')?.collected ?? 0;
  const green = finalError === 0 && (finalCollected ?? 0) > 0 && (finalCollected ?? 0) >= firstCollected && !finalSuspect;
  let status = request.status;
  if (green && status !== 'AWAITING_APPROVAL') status = 'SUCCESS';
  else if (status === 'SUCCESS') {
    status = 'CONVERGED_SHORT';
    reason = finalSuspect
      ? `the tests pass only in a suspect state (${finalSuspect}): not counted as success`
      : finalError === 0
        ? `every remaining test passes, but the run collected ${finalCollected ?? 0} tests where it first collected ${firstCollected}`
        : `the full suite found ${finalError} failing after the focused run passed`;
  }
  const info = STATUS_INFO[status];
  const resumable = request.resumable ?? info.resumable;
  const controller = session.controller.result;
  state.stop = { status, reason, at: session.now().toISOString(), bestIteration: best?.iteration ?? 0, finalError, controllerReason: controller.reason, resumable };
  await session.save();
  session.emit({ kind: 'run.stop', status, outcome: controller.outcome, reason, resumable, recommendedAction: info.recommendedAction, bestIteration: best?.iteration ?? 0, finalError });

  const firstFull = state.iterations.find((i) => i.scope === 'full');
  const spent = state.spent;
  return {
    runId: state.id,
    status,
    outcome: controller.outcome,
    reason,
    resumable,
    recommendedAction: info.recommendedAction,
    iterations: state.iterations.length,
    bestIteration: best?.iteration ?? 0,
    bestError: best?.error ?? finalError,
    finalError,
    errorHistory: state.iterations.map((i) => i.error),
    testsCollected: { first: firstFull?.collected, last: finalCollected },
    tokens: { input: spent.inputTokens, output: spent.outputTokens, total: spent.inputTokens + spent.outputTokens },
    usd: session.cost.price ? spent.usd : undefined,
    wallMs: spent.activeMs,
    approval: status === 'AWAITING_APPROVAL' && state.pending ? { token: state.pending.request.token, requestId: state.pending.request.id, expiresAt: state.pending.request.expiresAt } : undefined,
    changedFiles: await changedSinceStart(session),
  };
}

async function changedSinceStart(session: FinishingSession): Promise<string[]> {
  const original = await session.log.contentAt(0);
  const changed: string[] = [];
  for (const [path, content] of original) if ((await session.deps.workspace.readText(path)) !== content) changed.push(path);
  return changed;
}
