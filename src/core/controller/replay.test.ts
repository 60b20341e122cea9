import { describe, it, expect } from 'vitest';
import { ConvergenceController } from './convergenceController';
import { replayTrajectory } from './replay';

describe('replayTrajectory', () => {
  it('stops at the first terminal verdict and ignores the remaining readings', () => {
    const r = replayTrajectory([5, 6, 8, 9, 12]);
    expect(r).toMatchObject({ state: 'DIVERGING', outcome: 'diverged', iterationsUsed: 3 });
    expect(r.errorHistory).toEqual([5, 6, 8]);
  });

  it('is in progress when the readings run out first', () => {
    expect(replayTrajectory([10, 9, 8])).toMatchObject({ outcome: 'in_progress', iterationsUsed: 3 });
  });

  it('passes the options to the controller', () => {
    expect(replayTrajectory([10, 9, 8, 7], { classifier: 'loopgain', maxIterations: 2 })).toMatchObject({
      state: 'MAX_ITERATIONS',
      iterationsUsed: 2,
    });
    expect(replayTrajectory([3, 2, 2], { targetError: 2 })).toMatchObject({ outcome: 'converged', iterationsUsed: 2 });
  });

  it('gives the same result as a live controller fed the same readings', () => {
    const errors = [12, 9, 9, 7, 7, 7, 7, 7];
    const live = new ConvergenceController();
    for (const e of errors) if (live.shouldContinue()) live.observe(e);
    expect(replayTrajectory(errors)).toEqual(live.result);
  });
});
