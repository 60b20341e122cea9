import { describe, expect, it } from 'vitest';
import { defaultRunConfig, DEFAULT_LIMITS } from './config';
import type { LoopEvent, LoopEventBody } from './events';
import { renderExplain } from './explain';
import type { IterationRecord, RunState } from './runState';
import { STATUS_INFO } from './statuses';

const it0 = (over: Partial<IterationRecord> & Pick<IterationRecord, 'iteration' | 'error'>): IterationRecord => ({
  startedAt: '2025-06-01T12:00:00.000Z',
  failing: [],
  collected: 7,
  scope: 'full',
  fixed: [],
  newlyBroken: [],
  controllerState: 'INIT',
  edits: [],
  tokens: 0,
  durationMs: 0,
  stateFingerprint: '',
  ...over,
});

const makeState = (): RunState => ({
  version: 1,
  id: 'run-1',
  createdAt: '2025-06-01T12:00:00.000Z',
  updatedAt: '2025-06-01T12:05:00.000Z',
  workspaceRoot: '/ws',
  config: defaultRunConfig({ fixer: 'offline', limits: { ...DEFAULT_LIMITS, maxIterations: 10, tokenLimit: 100_000, wallClockMs: 600_000 } }),
  spent: { inputTokens: 12_000, outputTokens: 3_456, usd: 0.1234, activeMs: 95_400 },
  iterations: [
    it0({ iteration: 0, error: 3, edits: ['calc.py: a|b'] }),
    it0({ iteration: 1, error: 1, scope: 'focused', fixed: ['t::a', 't::b'], controllerState: 'CONVERGING', gain: 1 / 3, edits: ['x.py: y', 'z.py: w'] }),
    it0({ iteration: 2, error: 0, fixed: ['t::c'], controllerState: 'STALLING', gain: 0, suspect: 'tests collected dropped from 7 to 5' }),
    it0({ iteration: 3, error: Number.POSITIVE_INFINITY, controllerState: 'DIVERGING' }),
  ],
  checkpoints: [],
  lastFullTests: [],
  currentTests: [],
  failedApproaches: [{ iteration: 0, change: 'calc.py: a|b', effect: 'failing tests 3 → 5' }],
  planInvalidStreak: 0,
  stop: { status: 'CONVERGED_SHORT', reason: 'the controller saw no more gain', at: '2025-06-01T12:05:00.000Z', bestIteration: 1, finalError: 1, controllerReason: 'gain 0.00 over 2 iterations' },
});

const bodies: LoopEventBody[] = [
  { kind: 'run.start', limits: DEFAULT_LIMITS, fixer: 'offline', testCommand: 'pytest', framework: 'pytest', warnings: [] },
  { kind: 'controller', iteration: 0, state: 'INIT', terminal: false, reason: 'first reading' },
  { kind: 'signal', iteration: 1, error: 1, fixed: [], newlyBroken: ['t::x', 't::y'], disappeared: [], newlySkipped: [], regression: true },
  { kind: 'tests.run', iteration: 2, scope: 'full', outcome: 'completed', collected: 5, failing: 0, durationMs: 10 },
  { kind: 'signal', iteration: 2, error: 0, fixed: [], newlyBroken: [], disappeared: [], newlySkipped: [], regression: false, suspect: 'tests collected dropped from 7 to 5' },
  { kind: 'edits.rejected', iteration: 2, attempt: 1, rejections: [{ code: 'path-outside-workspace', reason: '../etc escapes' }, { code: 'file-missing', reason: 'no a.py' }] },
  { kind: 'approval.decided', iteration: 2, requestId: 'apr-1', decision: 'denied', by: 'alice', why: 'touches tests' },
  { kind: 'approval.decided', iteration: 2, requestId: 'apr-2', decision: 'approved', by: 'token' },
  { kind: 'progress', iteration: 3, stalled: 2, window: 3, why: 'no test changed status in iteration 3' },
  { kind: 'warning', message: 'pricing is old' },
  { kind: 'controller', iteration: 3, state: 'STALLING', terminal: true, reason: 'flat' },
  { kind: 'restore', iteration: 1, files: ['calc.py'], reason: 'rolled back to the best iteration' },
  { kind: 'budget', spent: { inputTokens: 1, outputTokens: 1, usd: 0, activeMs: 1 } },
  { kind: 'run.stop', status: 'CONVERGED_SHORT', outcome: 'stalled', reason: 'the controller saw no more gain', resumable: true, recommendedAction: '', bestIteration: 1, finalError: 1 },
];
const events: LoopEvent[] = bodies.map((b, seq) => ({ ...b, v: 1, runId: 'run-1', seq, at: '2025-06-01T12:00:00.000Z' }) as LoopEvent);

describe('renderExplain', () => {
  const text = renderExplain(makeState(), events);
  const lines = text.split('\n');

  it('starts with the run, its status, the reason and the recommended action', () => {
    expect(lines[0]).toBe('# LoopGain run run-1');
    expect(lines).toContain(`**CONVERGED_SHORT** — ${STATUS_INFO.CONVERGED_SHORT.meaning}.`);
    expect(lines).toContain('- **Why:** the controller saw no more gain');
    expect(lines).toContain('- **Best iteration:** 1 (1 failing); after the final check: 1 failing');
    expect(lines).toContain('- **Resumable:** yes');
    expect(lines).toContain(`- **Next:** ${STATUS_INFO.CONVERGED_SHORT.recommendedAction}`);
    expect(lines).toContain('- **Controller:** gain 0.00 over 2 iterations');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('has the budget lines', () => {
    expect(lines).toContain('- Iterations: 4 of 10');
    expect(lines).toContain('- Tokens: 15,456 of 100,000 (12,000 in, 3,456 out)');
    expect(lines).toContain('- Wall clock: 95 s of 600 s; ~$0.1234 estimated');
  });

  it('has the decision chain in event order, skipping events that decide nothing', () => {
    const start = lines.indexOf('## Decision chain');
    const end = lines.indexOf('## Iterations');
    expect(lines.slice(start + 2, end - 1)).toEqual([
      '- iteration 0: controller **INIT** — first reading',
      '- iteration 1: regression — newly broken: t::x, t::y',
      '- iteration 2: verifier guard — tests collected dropped from 7 to 5 (never counted as the best)',
      '- iteration 2, attempt 1: edits rejected — ../etc escapes; no a.py',
      '- iteration 2: approval apr-1 **denied** by alice — touches tests',
      '- iteration 2: approval apr-2 **approved** by token',
      '- iteration 3: no progress 2/3 — no test changed status in iteration 3',
      '- warning: pricing is old',
      '- iteration 3: controller **STALLING** (stop) — flat',
      '- restored iteration 1: rolled back to the best iteration',
      '- **stop: CONVERGED_SHORT** — the controller saw no more gain',
    ]);
  });

  it('has one table row per iteration, escaping pipes and marking suspects', () => {
    const start = lines.indexOf('| # | failing | tests run | fixed | newly broken | controller | Aβ | edits | note |');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 2, start + 6)).toEqual([
      '| 0 | 3 | full | 0 | 0 | INIT |  | calc.py: a\\|b |  |',
      '| 1 | 1 | focused | 2 | 0 | CONVERGING | 0.33 | x.py: y; z.py: w |  |',
      '| 2 | 0 | full | 1 | 0 | STALLING | 0.00 |  | suspect: tests collected dropped from 7 to 5 |',
      '| 3 | no verdict | full | 0 | 0 | DIVERGING |  |  |  |',
    ]);
    expect(lines[start + 6]).toBe('');
  });

  it('lists the approaches that made things worse', () => {
    const start = lines.indexOf('## Approaches that made things worse');
    expect(start).toBeGreaterThan(lines.indexOf('## Iterations'));
    expect(lines[start + 2]).toBe('- iteration 0: calc.py: a|b → failing tests 3 → 5');
  });

  it('without events, derives the chain from the iterations', () => {
    const chain = renderExplain(makeState()).split('\n');
    expect(chain).toContain('- iteration 0: 3 failing, controller INIT');
    expect(chain).toContain('- iteration 3: no verdict failing, controller DIVERGING');
  });

  it('without a stop record, says so; without spend in USD or failed approaches, leaves them out', () => {
    const state = { ...makeState(), stop: undefined, failedApproaches: [], spent: { inputTokens: 0, outputTokens: 0, usd: 0, activeMs: 0 } };
    const out = renderExplain(state, []);
    expect(out).toContain('**Still running, or stopped without a record**');
    expect(out).not.toContain('**Why:**');
    expect(out).toContain('- Wall clock: 0 s of 600 s\n');
    expect(out).not.toContain('estimated');
    expect(out).not.toContain('## Approaches that made things worse');
  });

  it('a stop record can override the status’s usual resumability', () => {
    const base = makeState();
    const transient: RunState = { ...base, stop: { status: 'ERROR', reason: 'the fixer failed (rate-limit)', at: '', bestIteration: 0, finalError: 3, resumable: true } };
    const out = renderExplain(transient);
    expect(STATUS_INFO.ERROR.resumable).toBe(false);
    expect(out).toContain(`**ERROR** — ${STATUS_INFO.ERROR.meaning}.`);
    expect(out).toContain('- **Resumable:** yes');
    expect(out).toContain('- **Best iteration:** 0 (3 failing); after the final check: 3 failing');
    expect(out).not.toContain('**Controller:**');
    const final: RunState = { ...base, stop: { ...(base.stop as NonNullable<RunState['stop']>), resumable: false } };
    expect(renderExplain(final)).toContain('- **Resumable:** no');
  });
});
