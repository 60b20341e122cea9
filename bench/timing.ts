/** Runs `fn` `n` times (after one warm-up) and returns the sorted durations in ms. */
export async function timeRuns(n: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export const median = (sorted: readonly number[]): number => sorted[Math.floor(sorted.length / 2)] ?? NaN;
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
export const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(0));
