import erfc from '@stdlib/math-base-special-erfc';

/** Errors below this count as this value on the log scale, so a zero error has a finite logarithm. */
export const LOG_FLOOR = 1e-12;

/** The four trajectory features LoopGain classifies on. */
export interface TrajectoryFeatures {
  /** E[n-1] / E[0]: the cumulative reduction. */
  readonly eRatio: number;
  /** OLS slope of log10(E) per iteration. */
  readonly slope: number;
  /** Two-sided t-test p-value of that slope (LoopGain 0.6.4's approximations). */
  readonly pValue: number;
  /** Population std of the residuals of the log-linear fit: the oscillation magnitude. */
  readonly oscillationStd: number;
}

export interface LinearFit {
  readonly slope: number;
  readonly intercept: number;
  /** Σ(x − x̄)² */
  readonly sxx: number;
  /** Residual sum of squares. */
  readonly rss: number;
}

/** Ordinary least squares of y against x = 0..n-1, with an intercept. */
export function fitLine(y: readonly number[]): LinearFit {
  const n = y.length;
  const xMean = (n - 1) / 2;
  let yMean = 0;
  for (const v of y) yMean += v;
  yMean /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = i - xMean;
    sxx += dx * dx;
    sxy += dx * ((y[i] as number) - yMean);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = yMean - slope * xMean;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const r = (y[i] as number) - (intercept + slope * i);
    rss += r * r;
  }
  return { slope, intercept, sxx, rss };
}

/**
 * The slope's two-sided p-value exactly as LoopGain 0.6.4 computes it: exact for df = 1 (Cauchy)
 * and df = 2, a normal approximation of Student's t for df ≥ 3. Reproducing these approximations
 * (not the exact distribution) is what makes the LoopGain-compatible classifier agree with LoopGain.
 */
export function loopGainSlopePValue(fit: LinearFit, n: number): number {
  if (n < 3) return 1;
  if (fit.sxx === 0) return 1;
  if (fit.rss === 0) return fit.slope !== 0 ? 0 : 1;
  const df = n - 2;
  const t = fit.slope / Math.sqrt(fit.rss / (df * fit.sxx));
  const absT = Math.abs(t);
  if (df === 1) return 2 * (0.5 - Math.atan(absT) / Math.PI);
  if (df === 2) return 1 - absT / Math.sqrt(2 + t * t);
  const z = (absT * (1 - 1 / (4 * df))) / Math.sqrt(1 + (t * t) / (2 * df));
  return erfc(z / Math.SQRT2);
}

export function log10Series(errors: readonly number[]): number[] {
  return errors.map((e) => Math.log10(Math.max(e, LOG_FLOOR)));
}

export function trajectoryFeatures(errors: readonly number[]): TrajectoryFeatures {
  const n = errors.length;
  const first = errors[0] as number;
  const last = errors[n - 1] as number;
  const fit = fitLine(log10Series(errors));
  return {
    eRatio: last / Math.max(Math.abs(first), LOG_FLOOR),
    slope: fit.slope,
    pValue: loopGainSlopePValue(fit, n),
    oscillationStd: Math.sqrt(fit.rss / n),
  };
}

/** Index of the first occurrence of the minimum (LoopGain's best index). */
export function firstIndexOfMinimum(errors: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < errors.length; i++) {
    if ((errors[i] as number) < (errors[best] as number)) best = i;
  }
  return best;
}
