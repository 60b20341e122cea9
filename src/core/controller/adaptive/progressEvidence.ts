/**
 * How much progress is still coming? A small Bayesian model over the loop's improvements (readings
 * that set a new best), in place of a fixed patience.
 *
 * Model: while *active* the loop sets a new best with an unknown probability p per iteration
 * (uniform prior). A fixer runs out of ideas at a fix, not at a clock tick: each fix (and the start)
 * is, with prior probability `hazardPerFix`, the last one it can make; from then on the loop is
 * *exhausted* and never improves. Given which iterations improved, P(active now) follows in closed
 * form (Beta-Binomial marginals): a loop that improved every iteration and then went flat is
 * probably exhausted after two flat readings; a loop that improves in rare jumps keeps its credit
 * through a long flat step, because long flat steps are what it has always done.
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
  /** Prior probability that a fix (or the start) is the last improvement the loop can make. */
  readonly hazardPerFix: number;
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

  // Two hypotheses: still active (every transition drawn with the same p), or exhausted since the
  // last improvement (only the transitions before it are draws; the flat ones after are certain).
  const active = (1 - options.hazardPerFix) * Math.exp(logMarginal(ones, transitions - ones) - logMarginal(ones, lastImprovement - ones));
  const exhausted = options.hazardPerFix;

  return {
    improvements: ones,
    sinceImprovement,
    activeProbability: active / (active + exhausted),
    improvementRate: (ones + 1) / (transitions + 2),
    meanImprovement: ones > 0 ? drops / ones : undefined,
  };
}
