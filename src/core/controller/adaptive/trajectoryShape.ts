/**
 * Shapes that end a loop faster than waiting for its progress evidence to fade: a sustained
 * regression (more and more failures since the best) and a period-2 cycle (the fixer flipping
 * between two partial fixes). Both look only at readings after the best, so a loop that recovers
 * by setting a new best is never called diverging or oscillating.
 */

export interface Regression {
  /** Readings since the best, all worse than it. */
  readonly readings: number;
  /** How far the latest reading is above the best (error units). */
  readonly excess: number;
}

/**
 * A regression is sustained when at least two readings since the best are all worse than it by
 * more than `tolerance`, never improve on the one before (beyond the tolerance), and the latest is
 * the worst of them.
 */
export function sustainedRegression(errors: readonly number[], bestIndex: number, tolerance: number): Regression | undefined {
  const best = errors[bestIndex] as number;
  const after = errors.slice(bestIndex + 1);
  if (after.length < 2) return undefined;
  for (let i = 0; i < after.length; i++) {
    const e = after[i] as number;
    if (e <= best + tolerance) return undefined;
    if (i > 0 && e < (after[i - 1] as number) - tolerance) return undefined;
  }
  const latest = after.at(-1) as number;
  if (latest < Math.max(...after)) return undefined;
  return { readings: after.length, excess: latest - best };
}

/**
 * A period-2 cycle in the last four readings: a, b, a, b with a ≠ b, equal within `sameWithin`
 * (a function of the level, so integer counts can demand exact repeats and scores a relative
 * match), swinging by more than `swingAbove`.
 */
export function periodTwoCycle(
  errors: readonly number[],
  sameWithin: (level: number) => number,
  swingAbove: (level: number) => number,
): boolean {
  const n = errors.length;
  if (n < 4) return false;
  const [a1, b1, a2, b2] = errors.slice(n - 4) as [number, number, number, number];
  const level = Math.max(a1, b1);
  const same = Math.abs(a1 - a2) <= sameWithin(level) && Math.abs(b1 - b2) <= sameWithin(level);
  const swing = Math.min(Math.abs(a1 - b1), Math.abs(a2 - b2), Math.abs(b1 - a2));
  return same && swing > swingAbove(level);
}
