import type { IterationView } from '../../src/protocol';

/** One row of the panel's iterations table, with nothing but a reading unless `extra` says more. */
export const iterationView = (iteration: number, error: number | null, extra: Partial<IterationView> = {}): IterationView => ({
  iteration,
  error,
  state: 'CONVERGING',
  scope: 'full',
  fixed: [],
  newlyBroken: [],
  files: [],
  edits: [],
  tokens: 0,
  durationMs: 0,
  ...extra,
});
