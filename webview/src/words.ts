import type { IterationView, RunView, SpendView } from '../../src/protocol';

/** How the panel says things: one place for every sentence built from numbers. */

type ControllerState = IterationView['state'];

const STATE_WORDS: Readonly<Record<ControllerState, string>> = {
  INIT: 'First reading',
  FAST_CONVERGE: 'Converging fast',
  CONVERGING: 'Converging',
  STALLING: 'Stalling',
  OSCILLATING: 'Oscillating',
  DIVERGING: 'Diverging',
  TARGET_MET: 'Target met',
  MAX_ITERATIONS: 'Iteration limit reached',
};

export const stateWords = (state: ControllerState): string => STATE_WORDS[state];

const STATUS_WORDS: Readonly<Record<string, string>> = {
  running: 'Running',
  SUCCESS: 'Succeeded',
  CONVERGED_SHORT: 'Stopped short of the goal',
  NO_PROGRESS: 'Stopped: no progress',
  BUDGET_EXHAUSTED: 'Stopped: budget exhausted',
  PLAN_FAILED: 'Stopped: no valid plan',
  APPROVAL_DENIED: 'Stopped: approval denied',
  AWAITING_APPROVAL: 'Waiting for approval',
  PENDING_EXPIRED: 'Stopped: approval expired',
  CANCELLED: 'Cancelled',
  ERROR: 'Error',
};

export const statusWords = (status: string): string => STATUS_WORDS[status] ?? status;

/** The tone of a status, for its badge: the loop is working, done well, needs a look, or failed. */
export function statusTone(status: string): 'running' | 'good' | 'attention' | 'bad' {
  if (status === 'running') return 'running';
  if (status === 'SUCCESS') return 'good';
  if (status === 'ERROR') return 'bad';
  return 'attention';
}

/** Iterations since the best one, among those measured so far. */
export function sinceBest(view: RunView): number {
  const last = view.iterations.at(-1);
  if (!last || view.bestIteration === undefined) return 0;
  return view.iterations.filter((i) => i.iteration > (view.bestIteration as number) && i.iteration <= last.iteration).length;
}

/** The controller's state in words, e.g. "Converging" or "Stalling: no new best for 3 iterations". */
export function controllerWords(view: RunView): string {
  const last = view.iterations.at(-1);
  if (!last) return view.status === 'running' ? 'Starting: running the tests' : 'No iterations';
  const words = stateWords(last.state);
  const since = sinceBest(view);
  if (since > 0 && (last.state === 'STALLING' || last.state === 'OSCILLATING' || last.state === 'DIVERGING')) return `${words}: no new best for ${plural(since, 'iteration')}`;
  return words;
}

export const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export const formatNumber = (n: number): string => n.toLocaleString('en-US');

/** "850 ms", "14 s", "2 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** Short limits read better rounded: "30 min", not "30 min 00 s". */
export function formatLimit(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return formatDuration(ms);
}

export function formatUsd(usd: number): string {
  if (usd === 0) return '$0.00';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}

/** The spend line's parts, each a short phrase. */
export function spendPhrases(spend: SpendView): { tokens: string; usd?: string; wall: string } {
  const phrases: { tokens: string; usd?: string; wall: string } = {
    tokens: `${formatNumber(spend.tokens)} of ${formatNumber(spend.tokenLimit)} tokens`,
    wall: `${formatDuration(spend.wallMs)} of ${formatLimit(spend.wallClockMs)}`,
  };
  if (spend.usd !== undefined) {
    const limit = spend.costLimitUsd !== undefined ? ` of ${formatUsd(spend.costLimitUsd)}` : '';
    const asOf = spend.usdAsOf ? ` (estimate at prices of ${spend.usdAsOf})` : ' (estimate)';
    phrases.usd = `≈ ${formatUsd(spend.usd)}${limit}${asOf}`;
  }
  return phrases;
}

/** "Iteration 4 of 20": iterations are numbered from 0, the limit counts them. */
export function iterationProgress(view: RunView): string {
  return `${plural(view.iterations.length, 'iteration')} of ${formatNumber(view.maxIterations)}`;
}

export const formatGain = (gain: number | undefined): string => (gain === undefined ? '—' : gain.toFixed(2));

export const formatError = (error: number | null): string => (error === null ? 'no verdict' : formatNumber(error));

export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
