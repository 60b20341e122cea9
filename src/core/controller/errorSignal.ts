/**
 * Turning what the caller observes into one error magnitude, and the loop gain between two of them.
 *
 * Accepted: a finite number ≥ 0, `+Infinity`, a boolean (0/1), or a sequence (its length: hand it
 * the list of failing tests). Rejected with a RangeError, leaving the controller untouched: NaN,
 * negative numbers, anything else. `+Infinity` means "could not be measured at all" (a build that
 * does not compile): it is kept in the history, never becomes the best unless every reading is
 * infinite, and is replaced by `INFINITE_ERROR_CEILING` wherever arithmetic needs a finite value.
 */

export type ErrorReading = number | boolean | ArrayLike<unknown>;

/** Finite stand-in for an infinite error in features and loop gain: 10¹² (log10 = 12). */
export const INFINITE_ERROR_CEILING = 1e12;

/** Loop gain reported when the previous error was zero and this one is not (LoopGain's 1.05 + 1.0). */
export const GAIN_AFTER_ZERO = 2.05;

export function errorMagnitude(reading: ErrorReading): number {
  if (typeof reading === 'boolean') return reading ? 1 : 0;
  if (typeof reading === 'number') {
    if (Number.isNaN(reading)) throw new RangeError('error signal is NaN: pass a number ≥ 0 or a list of failures');
    if (reading < 0) throw new RangeError(`error signal is negative (${reading}): errors must be ≥ 0`);
    return reading;
  }
  if (reading !== null && typeof reading === 'object' && typeof reading.length === 'number') {
    if (!Number.isInteger(reading.length) || reading.length < 0) throw new RangeError(`error signal sequence has an invalid length (${reading.length})`);
    return reading.length;
  }
  // Strings are array-like too, but a string is not a list of failures.
  throw new RangeError(`error signal must be a number, a boolean or a sequence, got ${typeof reading}`);
}

/** The value used in arithmetic for a magnitude: infinities become the finite ceiling. */
export function finiteError(magnitude: number): number {
  return Number.isFinite(magnitude) ? magnitude : INFINITE_ERROR_CEILING;
}

/** Empirical loop gain Aβ = E(n) / E(n−1), finite for every pair of valid readings. */
export function loopGain(previous: number, current: number): number {
  const prev = finiteError(previous);
  const cur = finiteError(current);
  if (prev === 0) return cur === 0 ? 0 : GAIN_AFTER_ZERO;
  return cur / prev;
}

/** EMA smoother with alpha = 2 / (window + 1), seeded with its first value. */
export class GainSmoother {
  private readonly alpha: number;
  private current: number | undefined;

  constructor(window: number) {
    if (!Number.isInteger(window) || window < 1) throw new RangeError(`smoothing window must be an integer ≥ 1, got ${window}`);
    this.alpha = 2 / (window + 1);
  }

  push(gain: number): number {
    this.current = this.current === undefined ? gain : this.alpha * gain + (1 - this.alpha) * this.current;
    return this.current;
  }
}
