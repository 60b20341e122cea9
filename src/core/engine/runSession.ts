import { ConvergenceController } from '../controller/convergenceController';
import { replayTrajectory } from '../controller/replay';
import type { ValidatedEdit } from '../edits/edit';
import { describeEdit } from '../edits/edit';
import type { FileChange } from '../edits/validateEdits';
import { FixerError } from '../fixers/fixer';
import { proposeValidated } from '../fixers/proposeValidated';
import { BlobStore } from '../persistence/blobStore';
import { CheckpointLog, diffFromState } from '../persistence/checkpoints';
import { gatherSources } from '../fixers/gatherSources';
import type { TestCase } from '../tests/model';
import { diffRuns } from '../tests/runDiff';
import { createApprovalRequest } from './approvals/approvalRequest';
import { gateReasons } from './approvals/policies';
import { Budget } from './budget';
import type { EngineDeps, RunResult } from './engineDeps';
import type { LoopEventBody } from './events';
import { finishRun, type FinishRequest } from './finishRun';
import { failingProjects } from './failingProjects';
import { TestSignal, type Measurement } from './measureTests';
import { failedApproach, stallCheck } from './progressTracker';
import type { CostPlan } from './pricing';
import type { IterationRecord, RunState } from './runState';
import type { TraceWriter } from './traceWriter';
import { suspectReason } from './verifierGuard';

/**
 * One invocation of a run (a start, or a resume): the loop of measure → decide → fix → gate →
 * checkpoint → apply, until something ends it. Everything durable lives in `state`, saved after
 * every step that changes it.
 */
export class RunSession {
  readonly controller: ConvergenceController;
  readonly budget: Budget;
  readonly log: CheckpointLog;
  readonly signal: TestSignal;
  /** Edits applied after the last measured iteration, for the guard and the failed-approach registry. */
  private lastApplied: ReadonlyMap<string, FileChange> = new Map();

  constructor(
    readonly deps: EngineDeps,
    readonly state: RunState,
    readonly trace: TraceWriter,
    readonly cost: CostPlan,
    readonly abort: AbortSignal,
    /** Errors observed by the controller before this session (a resume replays them). */
    controllerHistory: readonly number[],
  ) {
    const c = state.config.controller;
    this.controller = new ConvergenceController({ targetError: c.targetError, maxIterations: null, classifier: c.classifier, adaptive: c.adaptive });
    for (const e of controllerHistory) this.controller.observe(e);
    this.budget = new Budget(state.config.limits, cost, state.spent, () => this.now().getTime());
    this.log = new CheckpointLog(deps.store.blobs(state.id), [...state.checkpoints]);
    this.signal = new TestSignal(deps.testSetup, deps.workspace.root, state.config.testTimeoutMs, deps.testEnv);
  }

  now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  emit(body: LoopEventBody): void {
    this.trace.emit(body);
  }

  async save(): Promise<void> {
    this.state.spent = this.budget.snapshot();
    await this.deps.store.save(this.state);
  }

  finish(request: FinishRequest): Promise<RunResult> {
    return finishRun(this, request);
  }

  /** Runs iterations until one of them ends the run. */
  async loop(): Promise<RunResult> {
    for (;;) {
      const result = await this.iterate();
      if (result) return result;
    }
  }

  private async iterate(): Promise<RunResult | undefined> {
    const n = this.state.iterations.length;
    const ceiling = this.budget.exhausted(n);
    if (ceiling) return this.finish({ status: 'BUDGET_EXHAUSTED', reason: ceiling });
    if (this.abort.aborted) return this.finish({ status: 'CANCELLED', reason: 'cancelled before iteration ' + n });
    const started = this.now();
    this.emit({ kind: 'iteration.start', iteration: n });

    const measurement = await this.measure(n);
    if (this.abort.aborted) return this.finish({ status: 'CANCELLED', reason: `cancelled while the tests of iteration ${n} ran` });
    const record = this.record(n, measurement, started);
    const verdict = this.observe(record);
    await this.save();

    if (verdict.terminal) {
      // A suite that passes because tests were removed, skipped or edited is not a fix.
      const falseGreen = measurement.error === 0 && record.suspect !== undefined;
      const status = measurement.error === 0 && !falseGreen ? 'SUCCESS' : 'CONVERGED_SHORT';
      return this.finish({ status, reason: falseGreen ? `the tests pass only because ${record.suspect}: that is not a fix` : verdict.reason, restoreBest: true });
    }
    const stall = stallCheck(this.state.iterations, this.fingerprints());
    if (stall.stalled > 0) this.emit({ kind: 'progress', iteration: n, stalled: stall.stalled, window: this.state.config.noProgressWindow, why: stall.why });
    if (stall.stalled >= this.state.config.noProgressWindow) return this.finish({ status: 'NO_PROGRESS', reason: `${stall.stalled} iterations without progress: ${stall.why}`, restoreBest: true });

    return this.fixAndApply(n, measurement);
  }

  /** Full suite on the first iteration and to confirm any stop; the failing tests alone in between. */
  private async measure(n: number): Promise<Measurement> {
    await this.deps.beforeTests?.();
    const focused = this.state.config.focusedReruns && n > 0 && this.state.lastFullTests.length > 0;
    let m = await this.runTests(n, focused ? 'focused' : 'full');
    if (m.scope === 'focused' && !this.abort.aborted && this.wouldStop(m.error)) m = await this.runTests(n, 'full');
    return m;
  }

  private async runTests(n: number, scope: 'full' | 'focused'): Promise<Measurement> {
    const m = await this.signal.measure(scope, this.state.currentTests, this.abort);
    this.emit({
      kind: 'tests.run',
      iteration: n,
      scope,
      outcome: m.run.outcome,
      collected: m.run.tests.length,
      failing: Number.isFinite(m.error) ? m.error : -1,
      durationMs: m.run.durationMs,
      problem: m.noVerdict,
    });
    return m;
  }

  /** Would the controller stop on this reading? (A replay: the real controller only sees confirmed readings.) */
  private wouldStop(error: number): boolean {
    const c = this.state.config.controller;
    const history = [...this.controller.result.errorHistory, error];
    return replayTrajectory(history, { targetError: c.targetError, maxIterations: null, classifier: c.classifier, adaptive: c.adaptive }).outcome !== 'in_progress';
  }

  private record(n: number, m: Measurement, started: Date): IterationRecord {
    const previous = this.state.currentTests;
    const diff = diffRuns(previous, m.tests, m.scope === 'focused' ? m.run.focusedOn : undefined);
    const lastFullCollected = [...this.state.iterations].reverse().find((i) => i.scope === 'full')?.collected;
    const suspect = n === 0 ? undefined : suspectReason({ diff, collectedBefore: lastFullCollected, collectedNow: m.collected, changedFiles: this.lastApplied });
    const regression = diff.newlyBroken.length > 0;
    this.emit({ kind: 'signal', iteration: n, error: m.error, fixed: diff.fixed, newlyBroken: diff.newlyBroken, disappeared: diff.disappeared, newlySkipped: diff.newlySkipped, regression, suspect });
    const record: IterationRecord = {
      iteration: n,
      startedAt: started.toISOString(),
      error: m.error,
      failing: m.failing.map((t) => t.id),
      collected: m.collected ?? m.tests.length,
      scope: m.scope,
      fixed: diff.fixed,
      newlyBroken: diff.newlyBroken,
      suspect,
      controllerState: 'INIT',
      edits: [],
      tokens: 0,
      durationMs: 0,
      stateFingerprint: this.fingerprintAt(n),
    };
    const previousRecord = this.state.iterations.at(-1);
    const approach = previousRecord ? failedApproach(previousRecord, record) : undefined;
    if (approach) this.state.failedApproaches.push(approach);
    this.state.iterations.push(record);
    this.state.currentTests = [...m.tests, ...(m.noVerdict ? m.failing : [])];
    if (m.scope === 'full' && m.run.outcome === 'completed' && m.run.tests.length > 0) this.state.lastFullTests = [...m.run.tests];
    this.lastApplied = new Map();
    this.deps.onTests?.(n, this.state.currentTests);
    return record;
  }

  private observe(record: IterationRecord): { terminal: boolean; reason: string } {
    const state = this.controller.observe(record.error);
    const result = this.controller.result;
    const gain = result.convergenceProfile.at(-1);
    const terminal = !this.controller.shouldContinue();
    this.state.iterations[this.state.iterations.length - 1] = { ...record, controllerState: state, gain };
    this.emit({ kind: 'controller', iteration: record.iteration, state, terminal, gain, reason: result.reason });
    return { terminal, reason: result.reason };
  }

  private fingerprintAt(k: number): string {
    return BlobStore.hash(JSON.stringify([...this.log.hashesAt(k)].sort(([a], [b]) => a.localeCompare(b))));
  }

  /** Each iteration's state fingerprint, recomputed over every file touched so far (so they compare). */
  private fingerprints(): string[] {
    return this.state.iterations.map((i) => this.fingerprintAt(i.iteration));
  }

  private async fixAndApply(n: number, m: Measurement): Promise<RunResult | undefined> {
    const started = Date.now();
    const [sources, diffSoFar] = await Promise.all([gatherSources(m.failing, this.deps.workspace), diffFromState(this.log, 0, this.deps.workspace)]);
    let outcome;
    try {
      outcome = await proposeValidated({
        fixer: this.deps.fixer,
        workspace: this.deps.workspace,
        request: {
          goal: this.state.config.goal,
          iteration: n,
          failingTests: m.failing,
          sources,
          diffSoFar,
          failedApproaches: this.state.failedApproaches,
          history: this.state.iterations.map((i) => ({ iteration: i.iteration, failing: i.error, edits: i.edits, fixed: i.fixed, newlyBroken: i.newlyBroken })),
          signal: this.abort,
        },
        budgetFor: () => (this.budget.exhausted(n) ? undefined : this.budget.forCall()),
        onAttempt: (attempt, proposal, rejected) => {
          if (proposal) {
            this.budget.add(proposal.usage);
            this.emit({ kind: 'fixer.call', iteration: n, attempt, usage: proposal.usage, durationMs: Date.now() - started, rationale: proposal.rationale, alternatives: proposal.alternatives?.length });
          }
          if (rejected.length > 0) this.emit({ kind: 'edits.rejected', iteration: n, attempt, rejections: rejected.map((r) => ({ code: r.code, reason: r.reason })) });
        },
      });
    } catch (error) {
      return this.fixerFailed(n, error);
    }
    this.patchRecord(n, { tokens: outcome.usage.inputTokens + outcome.usage.outputTokens, durationMs: Date.now() - started });
    this.emit({ kind: 'budget', spent: this.budget.snapshot() });
    if (outcome.status === 'out-of-budget') return this.finish({ status: 'BUDGET_EXHAUSTED', reason: this.budget.exhausted(n) ?? 'no token budget left for another fixer call' });
    if (outcome.status === 'plan-invalid') {
      this.state.planInvalidStreak++;
      await this.save();
      if (this.state.planInvalidStreak >= 2) return this.finish({ status: 'PLAN_FAILED', reason: 'no valid plan in two iterations in a row (3 attempts each)', restoreBest: true });
      return undefined;
    }
    this.state.planInvalidStreak = 0;
    this.emit({ kind: 'edits.validated', iteration: n, attempt: outcome.attempts, edits: outcome.validation.valid.map((v) => describeEdit(v.edit)) });
    return this.gateAndApply(n, m, outcome.validation.valid, outcome.validation.files, outcome.proposal.rationale);
  }

  private fixerFailed(n: number, error: unknown): Promise<RunResult> {
    if (!(error instanceof FixerError)) throw error;
    this.budget.add(error.usage);
    if (error.code === 'cancelled' || this.abort.aborted) return this.finish({ status: 'CANCELLED', reason: `cancelled during the fixer call of iteration ${n}` });
    if (error.code === 'unavailable') return this.finish({ status: 'NO_PROGRESS', reason: `the fixer has nothing more to try: ${error.message}`, restoreBest: true });
    const transient = ['rate-limit', 'server', 'timeout', 'network', 'quota'].includes(error.code);
    return this.finish({ status: 'ERROR', reason: `the fixer failed (${error.code}): ${error.message}`, resumable: transient });
  }

  /** Risky edits wait for a decision; approved (or ungated) ones are checkpointed and applied. */
  async gateAndApply(n: number, m: Measurement, valid: readonly ValidatedEdit[], files: ReadonlyMap<string, FileChange>, rationale?: string): Promise<RunResult | undefined> {
    const policy = this.state.config.approvals;
    const reasons = gateReasons({ files, failingProjects: await failingProjects(m.failing, this.deps.workspace), policy });
    if (reasons.length > 0) {
      const request = createApprovalRequest({ iteration: n, reasons, files, failingIds: m.failing.map((t) => t.id), ttlMs: policy.headlessTtlMs, now: this.now() });
      const { token: _token, ...visible } = request;
      this.emit({ kind: 'approval.requested', iteration: n, request: visible });
      const decision = await this.deps.approvals.decide(request, this.abort);
      if (decision.kind === 'pending') {
        this.state.pending = { request, edits: valid.map((v) => v.edit), rationale };
        this.emit({ kind: 'approval.decided', iteration: n, requestId: request.id, decision: 'pending' });
        return this.finish({ status: 'AWAITING_APPROVAL', reason: reasons.map((r) => r.reason).join('; ') });
      }
      this.emit({ kind: 'approval.decided', iteration: n, requestId: request.id, decision: decision.kind, by: decision.by, why: decision.kind === 'denied' ? decision.why : undefined });
      if (decision.kind === 'denied') return this.finish({ status: 'APPROVAL_DENIED', reason: `${decision.why}: ${reasons.map((r) => r.reason).join('; ')}` });
    }
    return this.apply(n, valid, files, rationale);
  }

  /** Checkpoint, then write: either every file of the iteration is changed and recorded, or none is. */
  async apply(n: number, valid: readonly ValidatedEdit[], files: ReadonlyMap<string, FileChange>, rationale?: string): Promise<RunResult | undefined> {
    if (this.abort.aborted) return this.finish({ status: 'CANCELLED', reason: `cancelled before iteration ${n}'s edits were applied (none were)` });
    const ceiling = this.budget.exhausted(n);
    if (ceiling && !ceiling.startsWith('max iterations')) return this.finish({ status: 'BUDGET_EXHAUSTED', reason: `${ceiling} (before applying iteration ${n}'s edits)` });
    const userChanged = await this.filesChangedByOthers();
    if (userChanged.length > 0 && (await this.deps.onUserChanges?.(userChanged)) === 'stop') {
      return this.finish({ status: 'CANCELLED', reason: `stopped: ${userChanged.join(', ')} changed outside the loop; your version was kept` });
    }
    const changes = [...files].map(([path, c]) => ({ path, before: c.before, after: c.after }));
    const checkpoint = await this.log.record(n, changes);
    this.emit({ kind: 'checkpoint', iteration: n, files: checkpoint.files.map((f) => f.path) });
    const written: typeof changes = [];
    try {
      for (const c of changes) {
        if (c.after === undefined) await this.deps.workspace.deleteFile(c.path);
        else await this.deps.workspace.writeText(c.path, c.after);
        written.push(c);
      }
    } catch (error) {
      for (const c of written.reverse()) {
        if (c.before === undefined) await this.deps.workspace.deleteFile(c.path).catch(() => undefined);
        else await this.deps.workspace.writeText(c.path, c.before).catch(() => undefined);
      }
      return this.finish({ status: 'ERROR', reason: `could not apply the edits of iteration ${n} (rolled back): ${(error as Error).message}`, resumable: true });
    }
    this.lastApplied = files;
    this.state.checkpoints = [...this.log.all];
    this.patchRecord(n, { edits: valid.map((v) => describeEdit(v.edit)), fixerRationale: rationale });
    this.emit({ kind: 'edits.applied', iteration: n, files: changes.map((c) => c.path) });
    await this.save();
    return undefined;
  }

  /** Touched files whose content is no longer what the loop last wrote. */
  async filesChangedByOthers(): Promise<string[]> {
    const written = await this.log.contentWritten();
    const changed: string[] = [];
    for (const [path, content] of written) if ((await this.deps.workspace.readText(path)) !== content) changed.push(path);
    return changed;
  }

  patchRecord(n: number, patch: Partial<IterationRecord>): void {
    const i = this.state.iterations.findIndex((r) => r.iteration === n);
    if (i >= 0) this.state.iterations[i] = { ...(this.state.iterations[i] as IterationRecord), ...patch };
  }

  /** The tests failing now, for focused runs and the fixer. */
  failingTests(): TestCase[] {
    return this.state.currentTests.filter((t) => t.status === 'failed' || t.status === 'error');
  }
}
