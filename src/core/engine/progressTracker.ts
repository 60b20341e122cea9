import type { FailedApproach } from '../fixers/fixer';
import type { IterationRecord } from './runState';

/**
 * Progress by test identity, not by count: whether the last iterations moved at all, whether the
 * loop is back in a state it already tested (repetition), and what was tried and made things worse.
 */
export interface StallCheck {
  /** Consecutive latest iterations without movement. */
  readonly stalled: number;
  readonly why: string;
}

/**
 * An iteration moved if its error changed or any test changed status (fixed or newly broken). An
 * iteration that revisits an already-tested workspace state did not move, whatever its numbers:
 * that is repetition, detected by content (no false alarm on similar edits to different code).
 * `fingerprints[i]` is iteration i's state, computed over the same set of files for every i.
 */
export function stallCheck(iterations: readonly IterationRecord[], fingerprints: readonly string[] = iterations.map((i) => i.stateFingerprint)): StallCheck {
  let stalled = 0;
  let why = '';
  for (let i = iterations.length - 1; i >= 1; i--) {
    const now = iterations[i] as IterationRecord;
    const before = iterations[i - 1] as IterationRecord;
    const at = fingerprints.slice(0, i).indexOf(fingerprints[i] as string);
    const revisit = at >= 0 ? iterations[at] : undefined;
    const moved = !revisit && (now.error !== before.error || now.fixed.length > 0 || now.newlyBroken.length > 0);
    if (moved) break;
    stalled++;
    if (!why) why = revisit ? `iteration ${now.iteration} is back in the state of iteration ${revisit.iteration}` : `no test changed status in iteration ${now.iteration}`;
  }
  return { stalled, why: why || 'moving' };
}

/** What an iteration's edits did, if it was worse: an entry for the failed-approaches registry. */
export function failedApproach(previous: IterationRecord, now: IterationRecord): FailedApproach | undefined {
  if (previous.edits.length === 0) return undefined;
  const worse = now.error > previous.error;
  if (!worse && now.newlyBroken.length === 0) return undefined;
  const broke = now.newlyBroken.length > 0 ? `broke ${now.newlyBroken.slice(0, 5).join(', ')}${now.newlyBroken.length > 5 ? ` and ${now.newlyBroken.length - 5} more` : ''}` : '';
  const effect = [worse ? `failing tests ${previous.error} → ${now.error}` : '', broke].filter(Boolean).join('; ');
  return { iteration: previous.iteration, change: previous.edits.join('; '), effect };
}
