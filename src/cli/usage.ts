/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `loopgain — fix failing tests with a loop that knows when to stop

Usage:
  loopgain fix [--cwd DIR] [--test-cmd CMD] [--framework NAME] [--fixer offline|openai|anthropic]
               [--model M] [--base-url URL] [--max-iterations N] [--token-limit N] [--wall-clock S]
               [--cost-limit USD] [--test-timeout S] [--no-focus] [--approve ask|deny|headless] [--json]
      Run the test-fix loop on a workspace (default: the current folder, the offline fixer).
      Model keys come from OPENAI_API_KEY / ANTHROPIC_API_KEY, never from the command line.
  loopgain runs [--cwd DIR]                         list the runs of a workspace
  loopgain show <id> [--cwd DIR]                    one run, iteration by iteration
  loopgain explain <id> [--cwd DIR]                 why it stopped (markdown)
  loopgain export <id> --json [--cwd DIR]           the run's state and trace as JSON
  loopgain resume <id> [--extend iterations=N|tokens=N|wall-clock=S|cost=USD ...]
                  [--approve-token T | --deny-token T] [--approve ask|deny|headless] [--json]
  loopgain restore <id> [--iteration N|best] [--force]
  loopgain classify [--target-error N|none] [--max-iterations N|none] [--classifier adaptive|loopgain|legacy_bands]
      Replay error trajectories through the convergence controller. Reads JSON lines
      {"id": ..., "errors": [numbers]} on stdin, writes one JSON line per input:
      {"id", "state", "outcome", "iterationsUsed", "bestIndex", "bestError"}.
      Defaults: --target-error 0, --max-iterations 50, --classifier adaptive.
  loopgain --version | --help

Exit codes: 0 success (fix/resume: every test passes at the end), 1 otherwise, 2 usage or configuration error.`;

/** Parses "N" or "none" (→ null) for options such as --max-iterations. */
export function numberOrNone(option: string, raw: string | undefined, fallback: number | null, integer: boolean): number | null {
  if (raw === undefined) return fallback;
  if (raw === 'none') return null;
  const value = Number(raw);
  const valid = raw.trim() !== '' && Number.isFinite(value) && value >= 0 && (!integer || Number.isInteger(value));
  if (!valid) throw new UsageError(`${option} expects ${integer ? 'a whole number' : 'a number'} ≥ 0 or "none", got "${raw}"`);
  return value;
}
