import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { fitLine, log10Series } from '../trajectoryFeatures';

/**
 * Is the error falling on average? OLS slope of log10(E) with an exact one-sided Student-t test
 * (not LoopGain's normal approximation): for noisy scores, a significant downward trend is progress
 * even when no single reading set a clear new best.
 */
export interface LogTrend {
  readonly slope: number;
  /** P(slope this negative or more | no trend); 1 when undefined (fewer than 3 readings). */
  readonly pFalling: number;
  /** P(slope this positive or more | no trend); 1 when undefined. */
  readonly pRising: number;
}

export function logTrend(errors: readonly number[]): LogTrend {
  const n = errors.length;
  const fit = fitLine(log10Series(errors));
  if (n < 3 || fit.sxx === 0) return { slope: fit.slope, pFalling: 1, pRising: 1 };
  if (fit.rss === 0) return { slope: fit.slope, pFalling: fit.slope < 0 ? 0 : 1, pRising: fit.slope > 0 ? 0 : 1 };
  const t = fit.slope / Math.sqrt(fit.rss / ((n - 2) * fit.sxx));
  const pFalling = tCdf(t, n - 2);
  return { slope: fit.slope, pFalling, pRising: 1 - pFalling };
}
