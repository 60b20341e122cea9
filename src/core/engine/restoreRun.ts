import { CheckpointLog, planRestore, type RestorePlan } from '../persistence/checkpoints';
import type { RunStore } from '../persistence/runStore';
import type { Workspace } from '../workspace/workspace';
import { bestIteration } from './finishRun';
import { TraceWriter } from './traceWriter';

export interface RestoreOutcome {
  readonly iteration: number;
  /** Files changed by the restore (empty: the workspace already was that state). */
  readonly files: readonly string[];
  /** Set when the restore was refused: files the user changed since the loop wrote them. */
  readonly refusedBecause?: readonly string[];
}

export interface RestoreOptions {
  /** Overwrite files the user changed since the loop wrote them. */
  readonly force?: boolean;
  /** Writes the changes as one step (the host: one WorkspaceEdit, one undo); default: file by file. */
  readonly apply?: (changes: RestorePlan['changes']) => Promise<void>;
}

/**
 * Puts the workspace back to the state of any iteration of a run (or its best): only the files the
 * loop touched, refusing when the user changed one of them since (unless forced), and recorded as a
 * checkpoint of its own, so a restore can itself be undone by restoring the state before it.
 */
export async function restoreRun(store: RunStore, runId: string, target: number | 'best', workspace: Workspace, options: RestoreOptions = {}): Promise<RestoreOutcome> {
  const state = await store.load(runId);
  const iteration = target === 'best' ? (state.stop?.bestIteration ?? bestIteration(state.iterations)?.iteration ?? 0) : target;
  if (!state.iterations.some((i) => i.iteration === iteration)) throw new RangeError(`run ${runId} has no iteration ${iteration} (0–${state.iterations.length - 1})`);
  const log = new CheckpointLog(store.blobs(runId), [...state.checkpoints]);
  const plan = await planRestore(log, iteration, workspace);
  if (plan.conflicts.length > 0 && !options.force) return { iteration, files: [], refusedBecause: plan.conflicts };
  if (plan.changes.length === 0) return { iteration, files: [] };
  await log.record(state.iterations.length - 1, plan.changes.map((c) => ({ path: c.path, before: c.current, after: c.target })), iteration);
  if (options.apply) await options.apply(plan.changes);
  else {
    for (const c of plan.changes) {
      if (c.target === undefined) await workspace.deleteFile(c.path);
      else await workspace.writeText(c.path, c.target);
    }
  }
  state.checkpoints = [...log.all];
  await store.save(state);
  const files = plan.changes.map((c) => c.path);
  const trace = TraceWriter.continuing(runId, store.tracePath(runId));
  trace.emit({ kind: 'restore', iteration, files, reason: `restored on request (${files.length} file(s))` });
  return { iteration, files };
}
