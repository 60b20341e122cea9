/**
 * Seeded generators of error trajectories, our own (not LoopGain's): the development set the
 * adaptive classifier was designed on, and the workloads of the spend simulation. The reference
 * trajectories in ../shared are only ever the held-out check.
 *
 * Count workloads model a fixer working on failing tests (one reading per iteration, the first
 * before any fix, stopping at 0 as a target-0 loop would): fixes arrive as events, sometimes with a
 * test broken on the way. Continuous workloads are noisy scores with the five textbook shapes.
 */

export type CountWorkload = 'fast_success' | 'slow_success' | 'plateau' | 'oscillating' | 'diverging' | 'late_divergence';
export type ContinuousRegime = 'FAST_CONVERGE' | 'CONVERGING' | 'STALLING' | 'OSCILLATING' | 'DIVERGING';

/** The spend simulation's mix (documented in the README): mostly loops that can succeed. */
export const COUNT_WORKLOAD_MIX: Readonly<Record<CountWorkload, number>> = {
  fast_success: 0.3,
  slow_success: 0.25,
  plateau: 0.2,
  oscillating: 0.1,
  diverging: 0.1,
  late_divergence: 0.05,
};

export interface GeneratedTrajectory<L extends string> {
  readonly label: L;
  readonly errors: number[];
}

/** mulberry32: small, fast, good enough for simulation, and reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rnd: () => number, lo: number, hi: number): number => lo + (hi - lo) * rnd();
const intBetween = (rnd: () => number, lo: number, hi: number): number => Math.floor(between(rnd, lo, hi + 1));

/** Number of successes in n Bernoulli(p) trials. */
function binomial(rnd: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rnd() < p) k++;
  return k;
}

/** A fixer that lands a fix with probability `rate` per iteration, fixing a few tests each time. */
function fixingSteps(rnd: () => number, start: number, floor: number, length: number, rate: number, regressionRate: number): number[] {
  const errors = [start];
  let current = start;
  let brokenByUs = 0;
  while (errors.length < length && current > 0) {
    if (brokenByUs > 0 && rnd() < 0.6) {
      current = Math.max(0, current - brokenByUs); // the regression it caused gets repaired
      brokenByUs = 0;
    } else if (current > floor && rnd() < rate) {
      const fixable = current - floor;
      const fixed = Math.max(1, Math.min(fixable, binomial(rnd, fixable, between(rnd, 0.15, 0.6))));
      current -= fixed;
      if (rnd() < regressionRate) {
        brokenByUs = intBetween(rnd, 1, 2);
        current += brokenByUs;
      }
    }
    errors.push(current);
  }
  while (errors.length < length && current === 0) errors.push(0);
  return errors;
}

function countTrajectory(rnd: () => number, workload: CountWorkload, length: number): number[] {
  switch (workload) {
    case 'fast_success':
      return fixingSteps(rnd, intBetween(rnd, 2, 30), 0, length, between(rnd, 0.6, 0.95), 0.05);
    case 'slow_success':
      return fixingSteps(rnd, intBetween(rnd, 4, 40), 0, length, between(rnd, 0.2, 0.5), 0.15);
    case 'plateau': {
      const floor = intBetween(rnd, 1, 6);
      return fixingSteps(rnd, floor + intBetween(rnd, 1, 25), floor, length, between(rnd, 0.3, 0.8), 0.1);
    }
    case 'oscillating': {
      const head = fixingSteps(rnd, intBetween(rnd, 8, 40), 0, intBetween(rnd, 1, 4), between(rnd, 0.5, 0.9), 0);
      const low = Math.max(1, (head.at(-1) as number) - intBetween(rnd, 0, 3));
      const high = low + intBetween(rnd, 2, Math.max(2, low));
      const errors = [...head];
      let onLow = rnd() < 0.5;
      while (errors.length < length) {
        errors.push(onLow ? low : high);
        onLow = !onLow;
      }
      return errors;
    }
    case 'diverging': {
      const errors = [intBetween(rnd, 3, 40)];
      const growth = between(rnd, 0.05, 0.3);
      while (errors.length < length) {
        const last = errors.at(-1) as number;
        errors.push(last + binomial(rnd, Math.max(2, Math.ceil(last * growth * 2)), 0.5));
      }
      return errors;
    }
    case 'late_divergence': {
      const head = fixingSteps(rnd, intBetween(rnd, 8, 40), 1, intBetween(rnd, 3, 9), between(rnd, 0.5, 0.9), 0);
      const errors = [...head];
      const growth = between(rnd, 0.1, 0.35);
      while (errors.length < length) {
        const last = errors.at(-1) as number;
        errors.push(last + binomial(rnd, Math.max(2, Math.ceil(last * growth * 2)), 0.5));
      }
      return errors;
    }
  }
}

export function generateCountTrajectories(
  seed: number,
  count: number,
  length = 20,
  mix: Readonly<Record<CountWorkload, number>> = COUNT_WORKLOAD_MIX,
): GeneratedTrajectory<CountWorkload>[] {
  const rnd = seededRandom(seed);
  const workloads = Object.keys(mix) as CountWorkload[];
  const out: GeneratedTrajectory<CountWorkload>[] = [];
  for (const workload of workloads) {
    const n = Math.round(count * mix[workload]);
    for (let i = 0; i < n; i++) out.push({ label: workload, errors: countTrajectory(rnd, workload, length) });
  }
  return out;
}

/** Continuous regimes: noisy scores of the five textbook shapes (multiplicative noise). */
function continuousTrajectory(rnd: () => number, regime: ContinuousRegime, length: number): number[] {
  const noise = (sd: number): number => Math.exp(sd * (rnd() + rnd() + rnd() - 1.5) * 2);
  const start = between(rnd, 1, 30);
  const out: number[] = [];
  switch (regime) {
    case 'FAST_CONVERGE': {
      const factor = between(rnd, 0.05, 0.3);
      for (let i = 0; i < length; i++) out.push(start * factor ** i * noise(0.1));
      return out;
    }
    case 'CONVERGING': {
      const factor = between(rnd, 0.75, 0.92);
      for (let i = 0; i < length; i++) out.push(start * factor ** i * noise(0.08));
      return out;
    }
    case 'STALLING':
      for (let i = 0; i < length; i++) out.push(start * noise(0.1));
      return out;
    case 'OSCILLATING': {
      const ratio = between(rnd, 2.5, 8);
      for (let i = 0; i < length; i++) out.push(start * (i % 2 === 0 ? 1 : 1 / ratio) * noise(0.06));
      return out;
    }
    case 'DIVERGING': {
      const factor = between(rnd, 1.12, 1.4);
      for (let i = 0; i < length; i++) out.push(start * factor ** i * noise(0.08));
      return out;
    }
  }
}

export function generateContinuousTrajectories(seed: number, perRegime: number, length = 8): GeneratedTrajectory<ContinuousRegime>[] {
  const rnd = seededRandom(seed);
  const regimes: ContinuousRegime[] = ['FAST_CONVERGE', 'CONVERGING', 'STALLING', 'OSCILLATING', 'DIVERGING'];
  return regimes.flatMap((label) => Array.from({ length: perRegime }, () => ({ label, errors: continuousTrajectory(rnd, label, length) })));
}
