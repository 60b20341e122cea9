import { describe, expect, it } from 'vitest';
import { measureError } from './errorSignal';
import type { RunOutcome, TestCase, TestRun, TestStatus } from './model';

const t = (id: string, status: TestStatus): TestCase => ({ id, file: 'x', suitePath: [], name: id, status, stack: [] });
const run = (outcome: RunOutcome, tests: TestCase[], problem?: string): TestRun => ({
  framework: 'jest',
  outcome,
  tests,
  problem,
  output: { text: '', droppedBytes: 0 },
  exitCode: 1,
  durationMs: 1,
  command: 'jest',
});

describe('measureError', () => {
  it('counts failed and errored tests, one each, and lists them', () => {
    const m = measureError(run('completed', [t('a', 'failed'), t('b', 'error'), t('c', 'passed'), t('d', 'skipped')]), 4);
    expect(m).toEqual({ value: 2, failing: ['a', 'b'] });
  });

  it('never reads a run without a verdict as zero failures', () => {
    for (const outcome of ['collection-error', 'timed-out', 'cancelled', 'runner-error'] as const) {
      const m = measureError(run(outcome, [], `${outcome} happened`), 12);
      expect(m.value).toBe(13);
      expect(m.noVerdict).toBe(`${outcome} happened`);
    }
  });

  it('treats "0 of 0 tests passed" as no verdict', () => {
    const m = measureError(run('completed', []), 5);
    expect(m.value).toBe(6);
    expect(m.noVerdict).toMatch(/no tests were collected/);
  });

  it('is +Infinity when no test has ever been collected', () => {
    expect(measureError(run('collection-error', [], 'SyntaxError'), 0).value).toBe(Number.POSITIVE_INFINITY);
  });
});
