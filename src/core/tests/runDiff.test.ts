import { describe, expect, it } from 'vitest';
import type { TestCase, TestRun, TestStatus } from './model';
import { diffRuns, mergeFocusedRun } from './runDiff';

const t = (id: string, status: TestStatus): TestCase => ({ id, file: 'a.py', suitePath: [], name: id, status, stack: [] });

describe('diffRuns', () => {
  it('classifies every test by identity, not by count', () => {
    // Two failures before and two after, but one was fixed and another broke: a regression the count hides.
    const before = [t('a', 'failed'), t('b', 'failed'), t('c', 'passed'), t('d', 'passed')];
    const after = [t('a', 'passed'), t('b', 'failed'), t('c', 'error'), t('d', 'passed')];
    expect(diffRuns(before, after)).toEqual({
      fixed: ['a'],
      newlyBroken: ['c'],
      stillFailing: ['b'],
      disappeared: [],
      newlySkipped: [],
      appeared: [],
    });
  });

  it('does not count the stand-in for a run without a verdict as a test that disappeared', () => {
    const stand: TestCase = { id: 'pytest -q::<no verdict>', file: '', suitePath: [], name: 'the test run gave no verdict', status: 'error', stack: [] };
    const now: TestCase = { id: 't.py::a', file: 't.py', suitePath: [], name: 'a', status: 'passed', stack: [] };
    expect(diffRuns([stand], [now]).disappeared).toEqual([]);
  });

  it('reports tests that disappeared, were newly skipped, or appeared', () => {
    const before = [t('a', 'failed'), t('b', 'passed'), t('c', 'failed')];
    const after = [t('b', 'skipped'), t('c', 'failed'), t('new', 'passed')];
    const d = diffRuns(before, after);
    expect(d.disappeared).toEqual(['a']);
    expect(d.newlySkipped).toEqual(['b']);
    expect(d.appeared).toEqual(['new']);
    expect(d.stillFailing).toEqual(['c']);
  });

  it('only calls expected tests disappeared when a run was focused', () => {
    const before = [t('a', 'failed'), t('b', 'passed')];
    const after = [t('a', 'passed')];
    expect(diffRuns(before, after, ['a']).disappeared).toEqual([]);
    expect(diffRuns(before, after).disappeared).toEqual(['b']);
  });
});

describe('mergeFocusedRun', () => {
  const run = (tests: TestCase[], focusedOn: string[]): TestRun => ({
    framework: 'pytest',
    outcome: 'completed',
    tests,
    output: { text: '', droppedBytes: 0 },
    exitCode: 0,
    durationMs: 1,
    command: 'pytest',
    focusedOn,
  });

  it('takes re-run results and keeps the last full run for the rest', () => {
    const full = [t('a', 'failed'), t('b', 'failed'), t('c', 'passed')];
    const merged = mergeFocusedRun(full, run([t('a', 'passed'), t('b', 'failed')], ['a', 'b']));
    expect(merged.map((x) => [x.id, x.status])).toEqual([
      ['a', 'passed'],
      ['b', 'failed'],
      ['c', 'passed'],
    ]);
  });

  it('drops requested tests the re-run did not report, so the diff sees them disappear', () => {
    const full = [t('a', 'failed'), t('b', 'failed')];
    const merged = mergeFocusedRun(full, run([t('a', 'passed')], ['a', 'b']));
    expect(merged.map((x) => x.id)).toEqual(['a']);
    expect(diffRuns(full, merged).disappeared).toEqual(['b']);
  });
});
