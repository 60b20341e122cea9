/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `loopgain — fix failing tests with a loop that knows when to stop

Usage:
  loopgain classify [--target-error N|none] [--max-iterations N|none] [--classifier adaptive|loopgain|legacy_bands]
      Replay error trajectories through the convergence controller. Reads JSON lines
      {"id": ..., "errors": [numbers]} on stdin, writes one JSON line per input:
      {"id", "state", "outcome", "iterationsUsed", "bestIndex", "bestError"}.
      Defaults: --target-error 0, --max-iterations 50, --classifier adaptive.
  loopgain --version
  loopgain --help

Exit codes: 0 success, 1 some input could not be processed, 2 usage or configuration error.`;

/** Parses "N" or "none" (→ null) for options such as --max-iterations. */
export function numberOrNone(option: string, raw: string | undefined, fallback: number | null, integer: boolean): number | null {
  if (raw === undefined) return fallback;
  if (raw === 'none') return null;
  const value = Number(raw);
  const valid = raw.trim() !== '' && Number.isFinite(value) && value >= 0 && (!integer || Number.isInteger(value));
  if (!valid) throw new UsageError(`${option} expects ${integer ? 'a whole number' : 'a number'} ≥ 0 or "none", got "${raw}"`);
  return value;
}
