import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../support/cliBuild';
import { startFakeLlmServer, type FakeLlmServer, type FakeStep } from '../support/fakeLlmServer';
import { CALC, CALC_SRC, CALC_TEST, cleanUp, copyProject, expectNoKeyLeak, fix, openaiArgs, readState, readTrace, resume, runCli, snapshot, type CliRun, type RunJson } from './harness';

// The verifier guard through the real CLI: the fake model "fixes" the three failing tests by
// skipping or deleting them. The edit is approved with the headless token, so the approval gate is
// not what stops it: the guard must mark the iteration suspect, never take it as the best, and the
// run must not report SUCCESS on a suite that lost its failing tests.

const ORIGINAL = snapshot(CALC);
const TESTS = ORIGINAL[CALC_TEST] as string;
const FAILING = ['add sums two numbers', 'multiply multiplies two numbers', 'negate flips the sign'];
const RUN_TIMEOUT = 30_000;

/** `test('…'` → `test.skip('…'` for each failing test. */
const skipThem: FakeStep = {
  type: 'edits',
  edits: FAILING.map((name) => ({ kind: 'search-replace', path: CALC_TEST, search: `test('${name}'`, replace: `test.skip('${name}'` })),
  rationale: 'these tests are flaky',
};

/** The three failing tests cut out of the file. */
const deleteThem: FakeStep = {
  type: 'edits',
  edits: [{ kind: 'search-replace', path: CALC_TEST, search: TESTS.slice(TESTS.indexOf(`test('${FAILING[0]}'`), TESTS.indexOf("test('square")), replace: '' }],
  rationale: 'these tests are obsolete',
};

beforeAll(() => buildCli());
afterAll(cleanUp);

describe.concurrent.each([
  { how: 'skips', answer: skipThem },
  { how: 'deletes', answer: deleteThem },
])('a model that $how the failing tests, approved with the token', ({ answer }) => {
  let server: FakeLlmServer;
  let root: string;
  let waiting: RunJson;
  let approved: { run: CliRun; result: RunJson };
  let show: CliRun;

  beforeAll(async () => {
    server = await startFakeLlmServer([answer]);
    root = copyProject(CALC);
    waiting = (await fix(root, [...openaiArgs(server), '--approve', 'headless'])).result;
    approved = await resume(root, waiting.runId, [`--approve-token=${waiting.approval?.token ?? ''}`]);
    show = await runCli(['show', waiting.runId, '--cwd', root]);
  }, RUN_TIMEOUT);
  afterAll(() => server.close());

  it('the test-file edit was gated, and applied only with the token', () => {
    expect(waiting.status).toBe('AWAITING_APPROVAL');
    const requested = readTrace(root, waiting.runId).find((e) => e.kind === 'approval.requested');
    expect(requested).toMatchObject({ request: { reasons: [expect.objectContaining({ rule: 'test-file', path: CALC_TEST })] } });
    expect(readTrace(root, waiting.runId).some((e) => e.kind === 'approval.decided' && e.decision === 'approved' && e.by === 'token')).toBe(true);
    expect(readState(root, waiting.runId).checkpoints[0]?.files.map((f) => f.path)).toEqual([CALC_TEST]);
  });

  it('marks the iteration after the edit suspect (state.json, trace and `loopgain show`)', () => {
    const state = readState(root, waiting.runId);
    expect(state.iterations[1]?.suspect).toMatch(/test file\(s\) edited: test\/calc\.test\.js/);
    expect(readTrace(root, waiting.runId).some((e) => e.kind === 'signal' && e.iteration === 1 && e.suspect !== undefined)).toBe(true);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/\n1 .*\[suspect: [^\]]*test file/);
  });

  it('never takes the suspect iteration as the best', () => {
    expect(approved.result.bestIteration).toBe(0);
    expect(approved.result.bestError).toBe(3);
    expect(readState(root, waiting.runId).stop?.bestIteration).toBe(0);
    expect(show.stdout).not.toMatch(/\[suspect:[^\n]*<- best/);
    expectNoKeyLeak(root, [approved.run, show]);
  });

  // Regression test (bug found by this suite, since fixed): finishRun turns any stop whose final check finds 0 failing into SUCCESS, without looking
  // at the guard: after the model skipped/deleted the three failing tests, the controller sees
  // E = 0, the run stops with SUCCESS and exit 0, although its best (non-suspect) iteration has 3
  // failing, the last iteration is suspect, and (deletion) the suite went from 6 tests to 3. The
  // source was never fixed (src/calc.js is untouched). Expected: no SUCCESS and exit 1 when the
  // iteration that reached 0 is suspect (e.g. CONVERGED_SHORT with the best iteration restored).
  it('does not report SUCCESS (nor exit 0) on a suite that lost its failing tests', () => {
    expect(approved.result.status).not.toBe('SUCCESS');
    expect(approved.run.code).toBe(1);
  });

  it('never touched the source under test', () => {
    expect(snapshot(root)[CALC_SRC]).toBe(ORIGINAL[CALC_SRC]);
  });
});
