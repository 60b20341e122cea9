import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestCase, TestRun } from '../../tests/model';
import type { Candidate } from './candidates';
import { pickBest, screenCandidates, type ScratchTestRunner } from './screenCandidates';

const root = mkdtempSync(join(tmpdir(), 'loopgain-screen-'));
writeFileSync(join(root, 'a.js'), 'original');
const failing: TestCase[] = ['t1', 't2'].map((id) => ({ id, file: 't.js', suitePath: [], name: id, status: 'failed', stack: [] }));
const candidate = (i: number): Candidate => ({ path: 'a.js', original: 'original', patched: `patch ${i}`, priority: 100 - i, size: 1, mutation: { family: 'comparison', line: 1, description: `#${i}`, splices: [] } });

/** A "test run" that reads the patched file in the scratch copy: `patch K` fixes as many tests as `fixes(K)` says. */
function runner(fixes: (k: number) => number): ScratchTestRunner & { runs: number } {
  const r = async (cwd: string, focus: readonly TestCase[] | undefined): Promise<TestRun> => {
    r.runs++;
    const k = Number(readFileSync(join(cwd, 'a.js'), 'utf8').split(' ')[1]);
    const fixed = Number.isNaN(k) ? 0 : fixes(k);
    const asked = focus ?? [...failing, { ...failing[0], id: 'passing', status: 'passed' } as TestCase];
    const tests = asked.map((t, i) => ({ ...t, status: t.id === 'passing' || i < fixed ? 'passed' : 'failed' }) as TestCase);
    return { framework: 'node-test', outcome: 'completed', tests, output: { text: '', droppedBytes: 0 }, exitCode: 0, durationMs: 1, command: 'x' };
  };
  r.runs = 0;
  return r as ScratchTestRunner & { runs: number };
}

const base = { workspaceRoot: root, failing, currentError: 2, parallel: 1, focusedTimeoutMs: 1000, fullTimeoutMs: 1000, deadline: Date.now() + 60_000, signal: new AbortController().signal };

describe('screenCandidates', () => {
  it('runs the failing tests first and the full suite only for candidates that fix one', async () => {
    const run = runner((k) => (k === 3 ? 1 : 0));
    const report = await screenCandidates([0, 1, 2, 3, 4].map(candidate), { ...base, runTests: run });
    expect(report.screened.map((s) => s.fullFailing)).toEqual([undefined, undefined, undefined, 1, undefined]);
    expect(run.runs).toBe(6);
    expect(pickBest(report, 2).best?.candidate.mutation.description).toBe('#3');
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe('original');
  });

  it('stops at the first patch that passes everything', async () => {
    const report = await screenCandidates([0, 1, 2, 3, 4].map(candidate), { ...base, runTests: runner((k) => (k === 1 ? 2 : 0)) });
    expect(report.stoppedBy).toBe('all-pass');
    expect(report.screened).toHaveLength(2);
  });

  it('stops on diminishing returns: N candidates after the last improvement', async () => {
    const report = await screenCandidates(Array.from({ length: 100 }, (_, i) => candidate(i)), { ...base, runTests: runner((k) => (k === 5 ? 1 : 0)), plateauAfter: 10 });
    expect(report.stoppedBy).toBe('plateau');
    expect(report.screened).toHaveLength(16);
  });

  it('keeps screening while nothing has improved yet', async () => {
    const report = await screenCandidates(Array.from({ length: 30 }, (_, i) => candidate(i)), { ...base, runTests: runner(() => 0), plateauAfter: 5 });
    expect(report.stoppedBy).toBe('exhausted');
    expect(report.screened).toHaveLength(30);
  });
});
