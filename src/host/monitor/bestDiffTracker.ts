import type { LoopEvent } from '../../core/engine/events';
import type { FileDiff, IterationView, MonitorEvent } from '../../protocol';
import { bestIterationOf } from './viewModel';

/** The engine events after which restoring the best iteration may change something else. */
const WORKSPACE_OR_BEST_CHANGED = new Set<LoopEvent['kind']>(['edits.applied', 'restore', 'signal']);

/**
 * Keeps the panel's "best so far" diff current while a run streams, not only on snapshots: after
 * each event that moves the workspace or the best iteration, it asks what restoring the best would
 * change now and emits a `bestDiff` event when that differs from the last one sent.
 */
export class BestDiffTracker {
  private readonly iterations = new Map<number, IterationView>();
  private lastSent = '';

  /** `diffsTo(best)`: what restoring iteration `best` would change in the workspace as it is now. */
  constructor(private readonly diffsTo: (best: number) => Promise<FileDiff[]>) {}

  /** The iterations a run already had (a resume in a window that did not see them stream). */
  seed(iterations: readonly IterationView[]): void {
    for (const i of iterations) if (!this.iterations.has(i.iteration)) this.iterations.set(i.iteration, i);
  }

  /** Feed one engine event and the panel events made from it; returns the `bestDiff` event to send, if any. */
  async update(engineEvent: LoopEvent, panelEvents: readonly MonitorEvent[]): Promise<MonitorEvent | undefined> {
    // A resume continues the same run and its iterations; only a new run starts over.
    if (engineEvent.kind === 'run.start' && engineEvent.resumedFrom === undefined) {
      this.iterations.clear();
      this.lastSent = '';
    }
    for (const e of panelEvents) if (e.kind === 'iteration') this.iterations.set(e.iteration.iteration, e.iteration);
    if (!WORKSPACE_OR_BEST_CHANGED.has(engineEvent.kind)) return undefined;
    const best = bestIterationOf([...this.iterations.values()]);
    if (best === undefined) return undefined;
    const files = await this.diffsTo(best);
    const key = JSON.stringify([best, files]);
    if (key === this.lastSent) return undefined;
    this.lastSent = key;
    return { kind: 'bestDiff', bestIteration: best, files };
  }
}
