import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_SPEND } from '../../src/core/engine/budget';
import type { LoopEvent } from '../../src/core/engine/events';
import type { RunState } from '../../src/core/engine/runState';
import { BlobStore } from '../../src/core/persistence/blobStore';
import { CheckpointLog, fileDiffsToState, iterationChanges } from '../../src/core/persistence/checkpoints';
import type { Workspace } from '../../src/core/workspace/workspace';
import { BestDiffTracker } from '../../src/host/monitor/bestDiffTracker';
import { MonitorStream, runViewFromState } from '../../src/host/monitor/viewModel';
import { PROTOCOL_VERSION, type FileDiff, type HostToWebview, type RunView } from '../../src/protocol';

/**
 * Recorded runs of the real CLI (test/fixtures/runs, made by test/browser/recordRuns.mjs) replayed
 * the way the host feeds the panel: a snapshot of the run as it started, then every trace event
 * through `MonitorStream`, plus the `bestDiff` updates the host's `BestDiffTracker` computes from the checkpoints.
 */

export const RUN_FIXTURES = fileURLToPath(new URL('../fixtures/runs/', import.meta.url));
export const PRICING_AS_OF = '2025-06-01';

export interface RecordedRun {
  readonly name: string;
  readonly dir: string;
  readonly state: RunState;
  readonly events: LoopEvent[];
}

export function loadRecordedRun(name: string): RecordedRun {
  const dir = join(RUN_FIXTURES, name);
  const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as RunState;
  const events = readFileSync(join(dir, 'trace.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LoopEvent);
  return { name, dir, state, events };
}

/** USD is shown only for runs whose model has a price (the scripted run's gpt-4.1-mini has one). */
export const pricingOf = (run: RecordedRun): string | undefined => (run.state.config.model ? PRICING_AS_OF : undefined);

/** The run as it was at its start: the host's first snapshot. */
export function initialView(run: RecordedRun): RunView {
  const { stop: _stop, pending: _pending, ...rest } = run.state;
  return runViewFromState({ ...rest, iterations: [], checkpoints: [], spent: NO_SPEND }, [], pricingOf(run));
}

/** A workspace that is only the loop's view of its own files (all `fileDiffsToState` reads). */
const workspaceOf = (content: ReadonlyMap<string, string | undefined>): Workspace => ({ readText: async (path: string) => content.get(path) }) as unknown as Workspace;

/** The checkpoint log of the run as far as the replay has got (`count` checkpoints recorded). */
const logUpTo = (run: RecordedRun, count: number): CheckpointLog => new CheckpointLog(new BlobStore(join(run.dir, 'blobs')), run.state.checkpoints.slice(0, count));

/** What restoring the best iteration would change, with the workspace as the loop last wrote it. */
async function bestDiffAt(run: RecordedRun, checkpoints: number, best: number): Promise<FileDiff[]> {
  const log = logUpTo(run, checkpoints);
  return fileDiffsToState(log, best, workspaceOf(await log.contentWritten()));
}

/** Every message the host would send for this run, in order. */
export async function replayMessages(run: RecordedRun): Promise<HostToWebview[]> {
  const runId = run.state.id;
  const messages: HostToWebview[] = [{ type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: initialView(run) }];
  const stream = new MonitorStream({ pricingAsOf: pricingOf(run) });
  let checkpoints = 0;
  const tracker = new BestDiffTracker((best) => bestDiffAt(run, checkpoints, best));
  for (const event of run.events) {
    const panelEvents = stream.monitorEventsFrom(event);
    for (const e of panelEvents) messages.push({ type: 'didEvent', runId, event: e });
    if (event.kind === 'checkpoint' || event.kind === 'restore') checkpoints++;
    const bestDiff = await tracker.update(event, panelEvents);
    if (bestDiff) messages.push({ type: 'didEvent', runId, event: bestDiff });
  }
  return messages;
}

/** The host's final snapshot of the run (what a reopened panel gets). */
export async function finalView(run: RecordedRun): Promise<RunView> {
  const best = run.state.stop?.bestIteration;
  const bestDiff = best === undefined ? [] : await bestDiffAt(run, run.state.checkpoints.length, best);
  return runViewFromState(run.state, bestDiff, pricingOf(run));
}

/** The host's answer to `selectIteration`: that iteration's own changes. */
export async function iterationDiff(run: RecordedRun, iteration: number): Promise<HostToWebview> {
  const files = await iterationChanges(logUpTo(run, run.state.checkpoints.length), iteration);
  return { type: 'didIterationDiff', runId: run.state.id, iteration, files };
}

/** The final snapshot after the user restored iteration `k` by hand: "Restore best" now has work to do. */
export async function finalViewAfterRestoring(run: RecordedRun, k: number): Promise<RunView> {
  const log = logUpTo(run, run.state.checkpoints.length);
  const best = run.state.stop?.bestIteration ?? 0;
  const bestDiff = await fileDiffsToState(log, best, workspaceOf(await log.contentAt(k)));
  return runViewFromState(run.state, bestDiff, pricingOf(run));
}
