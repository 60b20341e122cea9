/**
 * The pure half of the monitor panel on the host side: engine state and engine events in, the
 * protocol's view model out. No `vscode` here, so it is tested on recorded runs in plain node.
 *
 * A snapshot (`runViewFromState`) and the stream (`MonitorStream`) must agree: replaying a run's
 * trace through the stream and the webview's reducer gives the iterations a snapshot of its final
 * state gives (the tests hold them to that).
 */
import type { ApprovalRequest } from '../../core/engine/approvals/approvalRequest';
import type { Spend } from '../../core/engine/budget';
import type { Limits } from '../../core/engine/config';
import type { LoopEvent } from '../../core/engine/events';
import type { IterationRecord, RunState } from '../../core/engine/runState';
import { STATUS_INFO, type StopStatus } from '../../core/engine/statuses';
import type { ApprovalView, FileDiff, IterationView, Marker, MonitorEvent, RunView, SpendView, StopView } from '../../protocol';

/** The status of a run that has not stopped. */
export const RUNNING = 'running';

const finite = (n: number | null | undefined): number | undefined => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);

/** What the panel shows of a spend: tokens always, USD only when the run estimates it (a dated price). */
export function spendView(spent: Spend, limits: Limits, pricingAsOf?: string, wallMs = spent.activeMs): SpendView {
  const view: SpendView = { tokens: spent.inputTokens + spent.outputTokens, tokenLimit: limits.tokenLimit, wallMs: Math.max(0, wallMs), wallClockMs: limits.wallClockMs };
  if (pricingAsOf !== undefined) {
    view.usd = spent.usd;
    view.usdAsOf = pricingAsOf;
  }
  if (limits.costLimitUsd !== undefined) view.costLimitUsd = limits.costLimitUsd;
  return view;
}

export function approvalView(request: Omit<ApprovalRequest, 'token'>): ApprovalView {
  return {
    requestId: request.id,
    iteration: request.iteration,
    reasons: request.reasons.map((r) => r.reason),
    files: request.files.map((f) => ({ path: f.path, diff: f.diff })),
    expiresAt: request.expiresAt,
  };
}

export function stopView(status: StopStatus, reason: string, resumable?: boolean): StopView {
  const info = STATUS_INFO[status];
  return { status, reason, recommendedAction: info.recommendedAction, resumable: resumable ?? info.resumable };
}

/** The best iteration as the engine picks it: lowest error, never a suspect one, first of equals. */
export function bestIterationOf(iterations: readonly IterationView[]): number | undefined {
  let best: IterationView | undefined;
  for (const i of iterations) if (!i.suspect && i.error !== null && (best === undefined || i.error < (best.error as number))) best = i;
  return best?.iteration;
}

/** Marker labels, shared by the snapshot and the stream so the webview can de-duplicate them. */
export const markerLabel = {
  regression: (newlyBroken: number): string => `${newlyBroken} newly broken`,
  rollback: (target: number): string => `rolled back to #${target}`,
  approvalRequested: (): string => 'approval requested',
  approvalDecided: (decision: string): string => `approval ${decision}`,
  stop: (status: string): string => status,
} as const;

function iterationView(record: IterationRecord, files: readonly string[]): IterationView {
  const view: IterationView = {
    iteration: record.iteration,
    error: finite(record.error) ?? null,
    state: record.controllerState,
    scope: record.scope,
    fixed: [...record.fixed],
    newlyBroken: [...record.newlyBroken],
    files: [...files],
    edits: [...record.edits],
    tokens: record.tokens,
    durationMs: record.durationMs,
  };
  const gain = finite(record.gain);
  if (gain !== undefined) view.gain = gain;
  if (record.suspect) view.suspect = record.suspect;
  return view;
}

/**
 * The whole panel state from a saved run: on open, on restore, on show after being hidden.
 * `bestDiff` is what restoring the best iteration would change now (the host diffs the workspace);
 * pass `pricingAsOf` only when the run estimates USD (its model has a price in that table).
 */
export function runViewFromState(state: RunState, bestDiff: FileDiff[], pricingAsOf?: string): RunView {
  const editedFiles = new Map<number, string[]>();
  for (const c of state.checkpoints) if (c.restoredTo === undefined) editedFiles.set(c.iteration, [...(editedFiles.get(c.iteration) ?? []), ...c.files.map((f) => f.path)]);
  const iterations = state.iterations.map((r) => iterationView(r, editedFiles.get(r.iteration) ?? []));

  const markers: Marker[] = [];
  for (const i of iterations) if (i.newlyBroken.length > 0) markers.push({ iteration: i.iteration, kind: 'regression', label: markerLabel.regression(i.newlyBroken.length) });
  for (const c of state.checkpoints) if (c.restoredTo !== undefined) markers.push({ iteration: c.iteration, kind: 'rollback', label: markerLabel.rollback(c.restoredTo) });
  if (state.pending) markers.push({ iteration: state.pending.request.iteration, kind: 'approval', label: markerLabel.approvalRequested() });
  const last = iterations.at(-1)?.iteration ?? 0;
  if (state.stop) markers.push({ iteration: last, kind: 'stop', label: markerLabel.stop(state.stop.status) });

  const view: RunView = {
    runId: state.id,
    status: state.stop?.status ?? RUNNING,
    controllerReason: state.stop?.controllerReason ?? '',
    maxIterations: state.config.limits.maxIterations,
    fixer: state.config.fixer,
    spend: spendView(state.spent, state.config.limits, pricingAsOf),
    iterations,
    markers: markers.sort((a, b) => a.iteration - b.iteration),
    bestDiff: bestDiff.map((f) => ({ path: f.path, diff: f.diff })),
  };
  const best = state.stop?.bestIteration ?? bestIterationOf(iterations);
  if (best !== undefined) view.bestIteration = best;
  if (state.stop) view.stop = stopView(state.stop.status, state.stop.reason, state.stop.resumable);
  if (state.pending) view.pendingApproval = approvalView(state.pending.request);
  return view;
}

export interface MonitorStreamOptions {
  /** The pricing table's date, when the run estimates USD. */
  readonly pricingAsOf?: string;
  /** The run so far, when the panel starts following a run that is already under way. */
  readonly state?: RunState;
}

/**
 * Turns the engine's events into the panel's, one at a time. It keeps the iteration being built
 * (the engine reports it in pieces: tests, verdict, fixer, edits) and emits the whole
 * `IterationView` each time it changes, so the webview's reducer only ever replaces rows.
 */
export class MonitorStream {
  private limits: Limits | undefined;
  private current: IterationView | undefined;
  private scope: IterationView['scope'] = 'full';
  private validatedEdits: readonly string[] = [];
  private lastIteration: number | undefined;
  private reason = '';
  /** The last spend reported, and when: the wall clock between reports is extrapolated from it. */
  private spent: { spend: Spend; at: number } | undefined;

  constructor(private readonly options: MonitorStreamOptions = {}) {
    const state = options.state;
    if (state) {
      this.limits = state.config.limits;
      this.spent = { spend: state.spent, at: Date.parse(state.updatedAt) };
      const last = runViewFromState(state, [], options.pricingAsOf).iterations.at(-1);
      this.current = last;
      this.lastIteration = last?.iteration;
      this.scope = last?.scope ?? 'full';
    }
  }

  /** The controller's latest reasoning (a snapshot of a running run does not carry it). */
  get controllerReason(): string {
    return this.reason;
  }

  /** The same as `monitorEventsFrom`: feed one engine event, get the panel's events. */
  push(event: LoopEvent): MonitorEvent[] {
    return this.monitorEventsFrom(event);
  }

  monitorEventsFrom(event: LoopEvent): MonitorEvent[] {
    const at = Date.parse(event.at);
    switch (event.kind) {
      case 'run.start':
        this.limits = event.limits;
        this.reason = '';
        return event.resumedFrom === undefined ? [] : [{ kind: 'status', status: RUNNING, controllerReason: '' }];
      case 'tests.run':
        // The last run before an iteration's signal is its reading (a focused run confirmed by a full one is full).
        this.scope = event.scope;
        return [];
      case 'signal': {
        this.current = {
          iteration: event.iteration,
          error: finite(event.error) ?? null,
          state: 'INIT',
          scope: this.scope,
          fixed: [...event.fixed],
          newlyBroken: [...event.newlyBroken],
          files: [],
          edits: [],
          tokens: 0,
          durationMs: 0,
          ...(event.suspect ? { suspect: event.suspect } : {}),
        };
        this.lastIteration = event.iteration;
        this.validatedEdits = [];
        const out: MonitorEvent[] = [this.emitCurrent()];
        if (event.regression) out.push(marker(event.iteration, 'regression', markerLabel.regression(event.newlyBroken.length)));
        return out;
      }
      case 'controller': {
        this.reason = event.reason;
        const update = this.update(event.iteration, (i) => {
          i.state = event.state;
          const gain = finite(event.gain);
          if (gain === undefined) delete i.gain;
          else i.gain = gain;
        });
        return [...update, { kind: 'status', status: RUNNING, controllerReason: event.reason }];
      }
      case 'fixer.call':
        return this.update(event.iteration, (i) => {
          i.tokens += event.usage.inputTokens + event.usage.outputTokens;
          i.durationMs = event.durationMs;
        });
      case 'edits.validated':
        this.validatedEdits = event.edits;
        return [];
      case 'edits.applied':
        return this.update(event.iteration, (i) => {
          i.files = [...event.files];
          i.edits = [...this.validatedEdits];
        });
      case 'budget':
        this.spent = { spend: event.spent, at };
        return this.limits ? [{ kind: 'spend', spend: spendView(event.spent, this.limits, this.options.pricingAsOf) }] : [];
      case 'restore':
        return [marker(this.lastIteration ?? event.iteration, 'rollback', markerLabel.rollback(event.iteration))];
      case 'approval.requested':
        return [
          { kind: 'approvalRequested', approval: approvalView(event.request) },
          marker(event.iteration, 'approval', markerLabel.approvalRequested()),
        ];
      case 'approval.decided':
        if (event.decision === 'pending') return [];
        return [
          { kind: 'approvalResolved', requestId: event.requestId, decision: event.decision },
          marker(event.iteration, 'approval', markerLabel.approvalDecided(event.decision)),
        ];
      case 'run.stop': {
        const out: MonitorEvent[] = [marker(this.lastIteration ?? 0, 'stop', markerLabel.stop(event.status))];
        if (this.spent && this.limits) out.push({ kind: 'spend', spend: spendView(this.spent.spend, this.limits, this.options.pricingAsOf, this.spent.spend.activeMs + (at - this.spent.at)) });
        out.push({ kind: 'stopped', stop: stopView(event.status, event.reason, event.resumable), bestIteration: event.bestIteration });
        out.push({ kind: 'status', status: event.status, controllerReason: this.reason });
        return out;
      }
      case 'iteration.start':
      case 'checkpoint':
      case 'progress':
      case 'warning':
      case 'edits.rejected':
        return [];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  }

  private update(iteration: number, change: (view: IterationView) => void): MonitorEvent[] {
    if (!this.current || this.current.iteration !== iteration) return [];
    const next = { ...this.current };
    change(next);
    this.current = next;
    return [this.emitCurrent()];
  }

  private emitCurrent(): MonitorEvent {
    return { kind: 'iteration', iteration: this.current as IterationView };
  }
}

function marker(iteration: number, kind: Marker['kind'], label: string): MonitorEvent {
  return { kind: 'marker', marker: { iteration, kind, label } };
}
