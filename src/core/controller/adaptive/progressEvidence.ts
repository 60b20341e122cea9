/**
 * How much progress is still coming? A small Bayesian changepoint model over the loop's
 * improvements (readings that set a new best), in place of a fixed patience.
 *
 * Model: until an unknown iteration τ the loop is *active* and sets a new best with an unknown
 * probability p per iteration (uniform prior); from τ on it is *exhausted* and never improves. The
 * prior chance of exhaustion is `hazard` per iteration. Given which iterations improved, the
 * posterior P(active now) follows in closed form (Beta-Binomial marginals), so patience adapts by
 * itself: a loop that improved every iteration and then stopped is probably exhausted after two
 * flat readings; a loop that improves in rare jumps keeps its credit through a long flat step.
 */

export interface ProgressEvidence {
  /** Number of readings after the first that set a new best. */
  readonly improvements: number;
  /** Readings since the last new best (0 when this reading is one). */
  readonly sinceImprovement: number;
  /** Posterior probability that the loop can still set a new best. */
  readonly activeProbability: number;
  /** Posterior mean of the per-iteration improvement probability, if active. */
  readonly improvementRate: number;
  /** Mean size of the drops that set new bests (error units); undefined before the first. */
  readonly meanImprovement: number | undefined;
}

export interface EvidenceOptions {
  /** Prior probability per iteration that the loop runs out of ideas for good. */
  readonly hazard: number;
  /** A reading sets a new best only if it beats the best by more than this (error units). */
  readonly tolerance: (best: number) => number;
}

const logFactorialCache: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorialCache.length; i <= n; i++) logFactorialCache.push((logFactorialCache[i - 1] as number) + Math.log(i));
  return logFactorialCache[n] as number;
}

/** log of the Beta-Binomial marginal likelihood of a given 0/1 sequence with k ones and z zeros under a uniform prior on p: log B(k+1, z+1). */
function logMarginal(ones: number, zeros: number): number {
  return logFactorial(ones) + logFactorial(zeros) - logFactorial(ones + zeros + 1);
}

/**
 * Which readings (from index 1) made progress that held: they set a new best by more than the
 * tolerance, and were not undone afterwards by two consecutive readings back above them. A dip that
 * is undone like that is a flaky or lucky reading of a flailing loop, not progress (it still counts
 * as the best, for rollback). One bad reading alone never undoes anything.
 */
export function improvementFlags(errors: readonly number[], tolerance: EvidenceOptions['tolerance']): boolean[] {
  const flags: boolean[] = [];
  let best = errors[0] as number;
  for (let i = 1; i < errors.length; i++) {
    const e = errors[i] as number;
    flags.push(e < best - tolerance(best));
    if (e < best) best = e;
  }
  // Walking backwards: the highest level that two consecutive later readings both exceeded.
  let undoneAbove = -Infinity;
  for (let i = errors.length - 1; i >= 1; i--) {
    const e = errors[i] as number;
    if (flags[i - 1] && undoneAbove > e + tolerance(e)) flags[i - 1] = false;
    if (i + 1 < errors.length) undoneAbove = Math.max(undoneAbove, Math.min(e, errors[i + 1] as number));
  }
  return flags;
}

export function progressEvidence(errors: readonly number[], options: EvidenceOptions): ProgressEvidence {
  const flags = improvementFlags(errors, options.tolerance);
  const transitions = flags.length;
  const ones = flags.filter(Boolean).length;
  const lastImprovement = flags.lastIndexOf(true) + 1; // index in `errors`; 0 when none
  const sinceImprovement = errors.length - 1 - lastImprovement;

  let drops = 0;
  let best = errors[0] as number;
  for (let i = 1; i < errors.length; i++) {
    const e = errors[i] as number;
    if (flags[i - 1]) drops += best - e;
    if (e < best) best = e;
  }

  // Posterior over the changepoint: exhausted from transition j (lastImprovement < j ≤ transitions), or still active.
  const logStay = Math.log1p(-options.hazard);
  const logHazard = Math.log(options.hazard);
  const logActive = transitions * logStay + logMarginal(ones, transitions - ones);
  let maxLog = logActive;
  const logExhausted: number[] = [];
  for (let j = Math.max(lastImprovement + 1, 1); j <= transitions; j++) {
    const activeSteps = j - 1;
    const l = logHazard + (j - 1) * logStay + logMarginal(ones, activeSteps - ones);
    logExhausted.push(l);
    if (l > maxLog) maxLog = l;
  }
  const wActive = Math.exp(logActive - maxLog);
  const wTotal = logExhausted.reduce((sum, l) => sum + Math.exp(l - maxLog), wActive);

  return {
    improvements: ones,
    sinceImprovement,
    activeProbability: wActive / wTotal,
    improvementRate: (ones + 1) / (transitions + 2),
    meanImprovement: ones > 0 ? drops / ones : undefined,
  };
}
