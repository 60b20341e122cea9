import { describe, expect, it } from 'vitest';
import type { IterationView, RunView } from '../../src/protocol';
import { controllerWords, formatDuration, formatLimit, formatUsd, sinceBest, spendPhrases, statusTone, statusWords } from './words';

const it_ = (iteration: number, error: number, state: IterationView['state']): IterationView => ({ iteration, error, state, scope: 'full', fixed: [], newlyBroken: [], files: [], edits: [], tokens: 0, durationMs: 0 });
const view = (iterations: IterationView[], bestIteration?: number, status = 'running'): RunView => ({
  runId: 'r',
  status,
  controllerReason: '',
  maxIterations: 20,
  fixer: 'offline',
  spend: { tokens: 0, tokenLimit: 1000, wallMs: 0, wallClockMs: 60_000 },
  iterations,
  bestIteration,
  markers: [],
  bestDiff: [],
});

describe('controllerWords', () => {
  it('names the state of the latest iteration', () => {
    expect(controllerWords(view([it_(0, 4, 'INIT'), it_(1, 2, 'CONVERGING')], 1))).toBe('Converging');
    expect(controllerWords(view([it_(0, 4, 'INIT'), it_(1, 1, 'FAST_CONVERGE')], 1))).toBe('Converging fast');
  });

  it('says how long there has been no new best when stalling, oscillating or diverging', () => {
    const stalling = view([it_(0, 4, 'INIT'), it_(1, 2, 'CONVERGING'), it_(2, 2, 'STALLING'), it_(3, 3, 'STALLING'), it_(4, 2, 'STALLING')], 1);
    expect(controllerWords(stalling)).toBe('Stalling: no new best for 3 iterations');
    expect(sinceBest(stalling)).toBe(3);
    expect(controllerWords(view([it_(0, 1, 'INIT'), it_(1, 3, 'OSCILLATING')], 0))).toBe('Oscillating: no new best for 1 iteration');
    expect(controllerWords(view([it_(0, 1, 'INIT'), it_(1, 1, 'STALLING')], 1))).toBe('Stalling');
  });

  it('speaks of the start before any reading', () => {
    expect(controllerWords(view([]))).toBe('Starting: running the tests');
    expect(controllerWords(view([], undefined, 'ERROR'))).toBe('No iterations');
  });
});

describe('status words', () => {
  it('names every stop status, and passes unknown ones through', () => {
    expect(statusWords('running')).toBe('Running');
    expect(statusWords('CONVERGED_SHORT')).toBe('Stopped short of the goal');
    expect(statusWords('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect([statusTone('running'), statusTone('SUCCESS'), statusTone('NO_PROGRESS'), statusTone('ERROR')]).toEqual(['running', 'good', 'attention', 'bad']);
  });
});

describe('numbers', () => {
  it('formats durations and limits for reading', () => {
    expect([formatDuration(850), formatDuration(14_400), formatDuration(125_000), formatDuration(3_720_000)]).toEqual(['850 ms', '14 s', '2 min 05 s', '1 h 02 min']);
    expect([formatLimit(1_800_000), formatLimit(7_200_000), formatLimit(90_000)]).toEqual(['30 min', '2 h', '1 min 30 s']);
  });

  it('formats money with the precision small sums need', () => {
    expect([formatUsd(0), formatUsd(0.00412), formatUsd(1.5)]).toEqual(['$0.00', '$0.0041', '$1.50']);
  });

  it('says tokens of the limit, USD only with an estimate, and the wall clock of its limit', () => {
    expect(spendPhrases({ tokens: 12_345, tokenLimit: 500_000, wallMs: 61_000, wallClockMs: 1_800_000 })).toEqual({ tokens: '12,345 of 500,000 tokens', wall: '1 min 01 s of 30 min' });
    expect(spendPhrases({ tokens: 1, tokenLimit: 2, usd: 0.25, usdAsOf: '2025-06-01', costLimitUsd: 2, wallMs: 0, wallClockMs: 60_000 }).usd).toBe('≈ $0.25 of $2.00 (estimate at prices of 2025-06-01)');
  });
});
