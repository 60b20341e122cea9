import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../support/cliBuild';
import { startFakeLlmServer, type FakeLlmServer } from '../support/fakeLlmServer';
import {
  CALC,
  CALC_PATCHES as P,
  CALC_SRC,
  CALC_TEST,
  cleanUp,
  copyProject,
  expectNoKeyLeak,
  FAKE_KEY,
  fix,
  openaiArgs,
  patched,
  read,
  readState,
  readTrace,
  replaceStep,
  resume,
  snapshot,
  step,
  type CliRun,
  type RunJson,
} from './harness';

// The engine through the real CLI with `--fixer openai` against a scripted fake model on 127.0.0.1:
// a stall, a divergence and a budget, with the best-so-far state checked byte for byte.

const ORIGINAL = snapshot(CALC);
const SOURCE = ORIGINAL[CALC_SRC] as string;
const RUN_TIMEOUT = 30_000;

beforeAll(() => buildCli());
afterAll(cleanUp);

/** One CLI run per scenario, shared by its assertions; each scenario has its own fake server. */
function scenario() {
  const s = { server: undefined as unknown as FakeLlmServer, root: '', run: undefined as unknown as CliRun, result: undefined as unknown as RunJson };
  beforeAll(async () => {
    s.server = await startFakeLlmServer();
    s.root = copyProject(CALC);
  });
  afterAll(() => s.server.close());
  return s;
}

describe.concurrent('a scripted model that fixes one test, then only rewords a comment', () => {
  const s = scenario();
  const HEADER = '// Arithmetic helpers: the first three have seeded bugs, the last three work.';
  const rewords = ['// Arithmetic helpers.', '// Arithmetic helpers (small).', '// Arithmetic helpers (tiny).', '// Arithmetic helpers (very tiny).'];

  beforeAll(async () => {
    s.server.enqueue(
      replaceStep(CALC_SRC, P.fixAdd.search, P.fixAdd.replace, 'add subtracted'),
      ...rewords.map((to, i) => replaceStep(CALC_SRC, i === 0 ? HEADER : (rewords[i - 1] as string), to, 'reword the header comment')),
    );
    ({ run: s.run, result: s.result } = await fix(s.root, openaiArgs(s.server)));
  }, RUN_TIMEOUT);

  it('stops for lack of progress with failures left, exit 1, resumable', () => {
    expect(s.run.code).toBe(1);
    expect(['CONVERGED_SHORT', 'NO_PROGRESS']).toContain(s.result.status);
    expect(s.result.errorHistory).toEqual([3, 2, 2, 2, 2]);
    expect(s.result.resumable).toBe(true);
    expect(s.result.finalError).toBe(2);
  });

  it('names the iteration after the good fix as the best', () => {
    expect(s.result.bestIteration).toBe(1);
    expect(s.result.bestError).toBe(2);
    expect(readState(s.root, s.result.runId).stop?.bestIteration).toBe(1);
  });

  it('asked the model once per iteration that went on, with the key sent to it and nowhere else', () => {
    expect(s.server.requests.length).toBe(s.result.iterations - 1);
    expect(s.server.requests.every((r) => r.headers.authorization === `Bearer ${FAKE_KEY}`)).toBe(true);
    expect(s.server.requests.some((r) => r.rawBody.includes(FAKE_KEY))).toBe(false);
    expectNoKeyLeak(s.root, [s.run]);
  });

  it('never touched the test file', () => {
    expect(read(s.root, CALC_TEST)).toBe(ORIGINAL[CALC_TEST]);
  });

  // Regression test (bug found by this suite, since fixed): finishRun rolls back only when best.error < last.error. Here the stalled iterations have
  // the same error as the best one (2), so nothing is restored: the workspace keeps the three
  // useless comment edits, while the result names iteration 1 as the best and the recommended
  // action says the best iteration was restored ("Review the best iteration (restored)" for
  // CONVERGED_SHORT; "take the best iteration" for NO_PROGRESS).
  it('restores the best-so-far state: the source is exactly as after the good fix', () => {
    expect(read(s.root, CALC_SRC)).toBe(patched(SOURCE, P.fixAdd));
  });
});

describe.concurrent('a scripted model that fixes one test, then breaks more and more', () => {
  const script = (server: FakeLlmServer): void => server.enqueue(step(P.fixAdd), step(P.breakSquare), step(P.breakDouble), step(P.breakHalf), step(P.fixMultiply));

  describe('with full runs every iteration (--no-focus)', () => {
    const s = scenario();
    beforeAll(async () => {
      script(s.server);
      ({ run: s.run, result: s.result } = await fix(s.root, [...openaiArgs(s.server), '--no-focus']));
    }, RUN_TIMEOUT);

    it('stops as diverged, exit 1', () => {
      expect(s.run.code).toBe(1);
      expect(s.result.status).toBe('CONVERGED_SHORT');
      expect(s.result.outcome).toBe('diverged');
      expect(s.result.errorHistory).toEqual([3, 2, 3, 4]);
    });

    it('restores the best iteration, byte for byte, and records the rollback', () => {
      expect(s.result.bestIteration).toBe(1);
      expect(read(s.root, CALC_SRC)).toBe(patched(SOURCE, P.fixAdd));
      expect(read(s.root, CALC_TEST)).toBe(ORIGINAL[CALC_TEST]);
      expect(readTrace(s.root, s.result.runId).find((e) => e.kind === 'restore')).toMatchObject({ iteration: 1, files: [CALC_SRC] });
    });

    it('confirms the best error with the final full-suite check', () => {
      expect(s.result.bestError).toBe(2);
      expect(s.result.finalError).toBe(2);
      expect(readState(s.root, s.result.runId).stop).toMatchObject({ status: 'CONVERGED_SHORT', bestIteration: 1, finalError: 2 });
      const finalCheck = readTrace(s.root, s.result.runId).filter((e) => e.kind === 'tests.run').at(-1);
      expect(finalCheck).toMatchObject({ scope: 'full', failing: 2, collected: 6 });
      expectNoKeyLeak(s.root, [s.run]);
    });
  });

  describe('with focused re-runs (the default)', () => {
    const s = scenario();
    beforeAll(async () => {
      script(s.server);
      ({ run: s.run, result: s.result } = await fix(s.root, openaiArgs(s.server)));
    }, RUN_TIMEOUT);

    it('stops with failures left, exit 1', () => {
      expect(s.run.code).toBe(1);
      expect(['CONVERGED_SHORT', 'NO_PROGRESS']).toContain(s.result.status);
      expect(s.result.bestIteration).toBe(1);
    });

    // Regression test (bug found by this suite, since fixed): between stops only the failing tests are re-run, so the tests the model breaks (square,
    // double, half, which passed) are never measured: the loop records 3 → 2 → 2 → 2 → 2 and stops
    // with NO_PROGRESS. The final full-suite check then finds 5 failing (more than the 3 the user
    // started with), but finishRun decided on the rollback before that check (recorded errors
    // equal → no restore) and does not revisit it. Result: bestError 2, finalError 5, and the
    // workspace left worse than the original.
    it('restores the best iteration and the final check shows the best error', () => {
      expect(s.result.finalError).toBe(2);
      expect(read(s.root, CALC_SRC)).toBe(patched(SOURCE, P.fixAdd));
    });
  });
});

describe.concurrent.each([
  {
    ceiling: ['--max-iterations', '2'],
    extend: 'iterations=10',
    reason: 'max iterations (2)',
    // Both iterations called the model; the second call's edits are applied and checked by the final full run.
    before: { answers: [P.fixAdd, P.fixMultiply], tokens: 300, finalError: 1 },
    resumedHistory: [3, 2, 1, 0],
  },
  {
    // 150 tokens per answer: after the first, 250 are left, less than one call's minimum output (256).
    ceiling: ['--token-limit', '400'],
    extend: 'tokens=100000',
    reason: 'no token budget left',
    before: { answers: [P.fixAdd], tokens: 150, finalError: 2 },
    // Iteration 1 stopped before its call, so nothing changed: the resume reads 2 again first.
    resumedHistory: [3, 2, 2, 1, 0],
  },
])('a budget ceiling ($ceiling), then a resume with --extend $extend', ({ ceiling, extend, reason, before, resumedHistory }) => {
  const s = scenario();
  const all = [P.fixAdd, P.fixMultiply, P.fixNegate];
  let resumed: { run: CliRun; result: RunJson };
  let beforeResume: Record<string, string>;

  beforeAll(async () => {
    s.server.enqueue(...before.answers.map((p) => step(p)));
    ({ run: s.run, result: s.result } = await fix(s.root, [...openaiArgs(s.server), ...ceiling]));
    beforeResume = snapshot(s.root);
    s.server.enqueue(...all.slice(before.answers.length).map((p) => step(p)));
    resumed = await resume(s.root, s.result.runId, ['--extend', extend]);
  }, RUN_TIMEOUT);

  it('stops with BUDGET_EXHAUSTED after two iterations, resumable, exit 1', () => {
    expect(s.run.code).toBe(1);
    expect(s.result.status).toBe('BUDGET_EXHAUSTED');
    expect(s.result.reason).toContain(reason);
    expect(s.result.resumable).toBe(true);
    expect(s.result.iterations).toBe(2);
    expect(s.result.errorHistory).toEqual([3, 2]);
    expect(s.result.tokens.total).toBe(before.tokens);
    expect(beforeResume[CALC_SRC]).toBe(patched(SOURCE, ...before.answers));
    expect(s.result.finalError).toBe(before.finalError);
  });

  it('resumes the same run at iteration 2 and reaches SUCCESS, exit 0', () => {
    expect(resumed.run.code).toBe(0);
    expect(resumed.result.status).toBe('SUCCESS');
    expect(resumed.result.runId).toBe(s.result.runId);
    expect(resumed.run.stderr).toContain('resuming at iteration 2');
    expect(read(s.root, CALC_SRC)).toBe(patched(SOURCE, ...all));
    expect(read(s.root, CALC_TEST)).toBe(ORIGINAL[CALC_TEST]);
  });

  it('carries the iterations and the spend on: earlier readings kept, tokens and time accumulated', () => {
    expect(resumed.result.errorHistory).toEqual(resumedHistory);
    expect(resumed.result.iterations).toBe(resumedHistory.length);
    expect(resumed.result.tokens).toEqual({ input: 360, output: 90, total: 450 });
    expect(resumed.result.wallMs).toBeGreaterThan(s.result.wallMs);
    expect(s.server.requests).toHaveLength(3);
    const state = readState(s.root, s.result.runId);
    expect(state.spent).toMatchObject({ inputTokens: 360, outputTokens: 90 });
    expect(readTrace(s.root, s.result.runId).filter((e) => e.kind === 'run.start').map((e) => (e.kind === 'run.start' ? e.resumedFrom : -1))).toEqual([undefined, 2]);
    expectNoKeyLeak(s.root, [s.run, resumed.run]);
  });
});
