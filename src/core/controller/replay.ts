import { ConvergenceController, type ControllerOptions, type ControllerResult } from './convergenceController';

/**
 * Feeds a recorded trajectory to a fresh controller one reading at a time until it stops (or the
 * readings run out), as a live loop would have. This is how saved traces are replayed.
 */
export function replayTrajectory(errors: readonly number[], options: ControllerOptions = {}): ControllerResult {
  const controller = new ConvergenceController(options);
  for (const e of errors) {
    if (!controller.shouldContinue()) break;
    controller.observe(e);
  }
  return controller.result;
}
