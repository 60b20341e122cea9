import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One line of ../shared/reference/loopgain/trajectories.jsonl (see its README). */
export interface ReferenceTrajectory {
  readonly id: string;
  readonly set: 'mock' | 'integer';
  readonly label: string;
  readonly errors: readonly number[];
  readonly oracle?: { readonly stopIndex: number; readonly bestError: number };
  readonly loopgain: {
    readonly static: string;
    readonly live: {
      readonly state: string;
      readonly outcome: string;
      readonly iterationsUsed: number;
      readonly bestIndex: number;
      readonly bestError: number;
    };
  };
}

/**
 * Where the team's shared reference data lives: `../shared` beside the checkout (npm scripts run
 * from the package root), overridable with LOOPGAIN_REFERENCE for other layouts.
 */
export const REFERENCE_PATH = resolve(process.env.LOOPGAIN_REFERENCE ?? '../shared/reference/loopgain/trajectories.jsonl');

export function referenceAvailable(): boolean {
  return existsSync(REFERENCE_PATH);
}

export function loadReference(path: string = REFERENCE_PATH): ReferenceTrajectory[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = JSON.parse(line) as ReferenceTrajectory;
      if (!Array.isArray(parsed.errors) || typeof parsed.id !== 'string') throw new Error(`${path}:${i + 1}: not a trajectory`);
      return parsed;
    });
}

/** The controller options LoopGain was run with for each set (see the reference README). */
export function referenceOptions(set: ReferenceTrajectory['set']): { targetError: number | null; maxIterations: number | null } {
  return set === 'mock' ? { targetError: null, maxIterations: null } : { targetError: 0, maxIterations: 20 };
}
