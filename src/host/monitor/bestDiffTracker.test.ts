import { describe, expect, it } from 'vitest';
import type { LoopEvent } from '../../core/engine/events';
import type { FileDiff, IterationView, MonitorEvent } from '../../protocol';
import { iterationView } from '../../../test/support/iterationView';
import { BestDiffTracker } from './bestDiffTracker';

const engine = (kind: LoopEvent['kind']): LoopEvent => ({ kind }) as LoopEvent;
const view = (n: number, error: number | null, suspect?: string): IterationView => iterationView(n, error, suspect ? { suspect } : {});
const iteration = (n: number, error: number | null, suspect?: string): MonitorEvent => ({ kind: 'iteration', iteration: view(n, error, suspect) });

/** A tracker whose workspace diff is whatever `diffs` holds when it asks, recording which best it asked about. */
function tracker(): { t: BestDiffTracker; asked: number[]; diffs: { now: FileDiff[] } } {
  const asked: number[] = [];
  const diffs = { now: [] as FileDiff[] };
  return { t: new BestDiffTracker(async (best) => (asked.push(best), diffs.now)), asked, diffs };
}

describe('BestDiffTracker', () => {
  it('says nothing before any iteration has a reading', async () => {
    const { t, asked } = tracker();
    expect(await t.update(engine('edits.applied'), [])).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('sends the diff to the lowest non-suspect iteration after a signal, edits or a restore, once per change', async () => {
    const { t, asked, diffs } = tracker();
    expect(await t.update(engine('signal'), [iteration(0, 4)])).toEqual({ kind: 'bestDiff', bestIteration: 0, files: [] });
    // the loop edits a file: restoring iteration 0 would now undo it
    diffs.now = [{ path: 'a.js', diff: '-x\n+y' }];
    expect(await t.update(engine('edits.applied'), [])).toEqual({ kind: 'bestDiff', bestIteration: 0, files: diffs.now });
    // nothing changed since: no message
    expect(await t.update(engine('signal'), [iteration(1, 5)])).toBeUndefined();
    // a suspect reading is never the best, however low
    expect(await t.update(engine('signal'), [iteration(2, 0, 'removed 3 tests')])).toBeUndefined();
    // a better reading moves the best, and there is nothing to restore
    diffs.now = [];
    expect(await t.update(engine('signal'), [iteration(3, 2)])).toEqual({ kind: 'bestDiff', bestIteration: 3, files: [] });
    expect(asked).toEqual([0, 0, 0, 0, 3]);
  });

  it('ignores events that change neither the workspace nor the readings', async () => {
    const { t, asked } = tracker();
    await t.update(engine('signal'), [iteration(0, 4)]);
    expect(await t.update(engine('fixer.call'), [])).toBeUndefined();
    expect(asked).toEqual([0]);
  });

  it('keeps the iterations across a resume, seeded when it did not see them, and starts over with a new run', async () => {
    const { t, asked } = tracker();
    t.seed([view(0, 4), view(1, 2)]);
    expect(await t.update({ kind: 'run.start', resumedFrom: 1 } as LoopEvent, [])).toBeUndefined();
    expect(await t.update(engine('signal'), [iteration(2, 3)])).toEqual({ kind: 'bestDiff', bestIteration: 1, files: [] });
    expect(asked).toEqual([1]);
    expect(await t.update(engine('run.start'), [])).toBeUndefined();
    // the same diff as before is news for the new run
    expect(await t.update(engine('signal'), [iteration(0, 7)])).toEqual({ kind: 'bestDiff', bestIteration: 0, files: [] });
  });
});
