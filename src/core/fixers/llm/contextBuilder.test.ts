import { describe, expect, it } from 'vitest';
import type { FixRequest, IterationNote, SourceExcerpt } from '../fixer';
import { buildContext, summariseIteration } from './contextBuilder';
import { estimateTokens } from './tokenEstimate';

const note = (iteration: number): IterationNote => ({
  iteration,
  failing: 10 - iteration,
  edits: [`replace a 1-line snippet in src/step${iteration}.ts`],
  fixed: [`tests/a.test.ts::fixed in ${iteration}`],
  newlyBroken: [],
});

const excerpt = (path: string, lines: number, wholeFile: boolean, startLine = 1): SourceExcerpt => ({
  path,
  startLine,
  text: `${Array.from({ length: lines }, (_, i) => `const line${startLine + i} = ${startLine + i};`).join('\n')}\n`,
  wholeFile,
  totalLines: wholeFile ? lines : 500,
});

const request = (overrides: Partial<FixRequest> = {}): FixRequest => ({
  goal: 'Make tests/calc.test.ts pass',
  iteration: 6,
  attempt: 2,
  failingTests: [
    {
      id: 'tests/calc.test.ts::add › adds',
      file: 'tests/calc.test.ts',
      suitePath: ['add'],
      name: 'adds',
      status: 'failed',
      message: 'expected 3 to be 1\nsecond line',
      stack: [
        { file: 'src/calc.ts', line: 2, inWorkspace: true },
        { file: '/usr/lib/node/internal.js', line: 9, inWorkspace: false },
      ],
    },
  ],
  sources: [excerpt('src/calc.ts', 3, true), excerpt('src/big.ts', 5, false, 40)],
  diffSoFar: '--- a/src/x.ts\n+++ b/src/x.ts\n@@ -1 +1 @@\n-a\n+b\n',
  failedApproaches: [{ iteration: 4, change: 'src/calc.ts: `-` → `*`', effect: 'broke tests/calc.test.ts::mul' }],
  history: [1, 2, 3, 4, 5].map(note),
  previousRejections: [{ edit: { kind: 'create-file', path: '../../etc/passwd', content: '' }, code: 'path-outside-workspace', reason: '"../../etc/passwd" goes up with ".."' }],
  budget: { remainingTokens: 100_000, maxOutputTokens: 2_000 },
  signal: new AbortController().signal,
  ...overrides,
});

describe('buildContext', () => {
  it('renders the goal, failing tests with frames, numbered sources, diff, failed approaches and rejections', () => {
    const { system, user, promptVersion } = buildContext(request(), { mode: 'tools' });
    expect(promptVersion).toBe(1);
    expect(system).toContain('propose_edits');
    expect(user).toContain('Make tests/calc.test.ts pass');
    expect(user).toContain('- tests/calc.test.ts::add › adds');
    expect(user).toContain('message: expected 3 to be 1\n    second line');
    expect(user).toContain('at: src/calc.ts:2, /usr/lib/node/internal.js:9 (outside the workspace)');
    expect(user).toContain('### src/calc.ts (whole file, 3 lines)');
    expect(user).toContain('1 | const line1 = 1;');
    expect(user).toContain('### src/big.ts (lines 40-44 of 500)');
    expect(user).toContain('44 | const line44 = 44;');
    expect(user).toContain('+b');
    expect(user).toContain('iteration 4: src/calc.ts: `-` → `*` → broke tests/calc.test.ts::mul');
    expect(user).toContain('Attempt 1 was rejected');
    expect(user).toContain('[path-outside-workspace] "../../etc/passwd" goes up with ".." (edit: create-file ../../etc/passwd)');
  });

  it('keeps the last 3 iterations verbatim and summarises older ones in one line each', () => {
    const { user, tokens } = buildContext(request(), { mode: 'tools' });
    for (const i of [3, 4, 5]) expect(user).toContain(`### Iteration ${i} (`);
    for (const i of [1, 2]) {
      expect(user).not.toContain(`### Iteration ${i} (`);
      expect(user).toContain(summariseIteration(note(i)));
    }
    expect(summariseIteration(note(1))).not.toContain('\n');
    expect(tokens.historyVerbatim).toBeGreaterThan(0);
    expect(tokens.historySummarised).toBeGreaterThan(0);
  });

  it('takes another K, and says when there is no history', () => {
    const k1 = buildContext(request(), { mode: 'tools', historyVerbatim: 1 });
    expect(k1.user).toContain('### Iteration 5 (');
    expect(k1.user).not.toContain('### Iteration 4 (');
    expect(k1.user).toContain(summariseIteration(note(4)));
    const first = buildContext(request({ history: [], previousRejections: [], attempt: 1 }), { mode: 'tools' });
    expect(first.user).toContain('(this is the first iteration)');
    expect(first.tokens.historyVerbatim + first.tokens.historySummarised).toBe(0);
  });

  it('accounts tokens per part, adding up to the total of the rendered prompt', () => {
    const { system, user, tokens } = buildContext(request(), { mode: 'text' });
    expect(tokens.total).toBe(estimateTokens(system) + estimateTokens(user));
    expect(tokens.pinned + tokens.sources + tokens.failingTests + tokens.diff + tokens.historyVerbatim + tokens.historySummarised).toBe(tokens.total);
    for (const part of [tokens.pinned, tokens.sources, tokens.failingTests, tokens.diff]) expect(part).toBeGreaterThan(0);
    expect(tokens.budget).toBe(98_000);
  });

  it('drops whole files before line windows, last first, until the prompt fits, and says so', () => {
    const sources = [excerpt('src/window1.ts', 40, false, 100), excerpt('src/whole1.ts', 150, true), excerpt('src/window2.ts', 40, false, 300), excerpt('src/whole2.ts', 150, true)];
    const full = buildContext(request({ sources }), { mode: 'tools' });
    const wholeCost = full.tokens.sources - buildContext(request({ sources: sources.filter((s) => !s.wholeFile) }), { mode: 'tools' }).tokens.sources;
    // Room for everything but the whole files, and a little more.
    const budget = full.tokens.total - wholeCost + 50;
    const trimmed = buildContext(request({ sources, budget: { remainingTokens: budget + 1_000, maxOutputTokens: 1_000 } }), { mode: 'tools' });
    expect(trimmed.dropped.map((d) => d.path)).toEqual(['src/whole2.ts', 'src/whole1.ts']);
    expect(trimmed.dropped[0]).toMatchObject({ wholeFile: true, startLine: 1, endLine: 150 });
    expect(trimmed.fits).toBe(true);
    expect(trimmed.tokens.total).toBeLessThanOrEqual(budget);
    expect(trimmed.user).toContain('(Left out to fit the token budget: src/whole2.ts (whole file), src/whole1.ts (whole file).)');
    expect(trimmed.user).toContain('### src/window1.ts');
    expect(trimmed.user).not.toContain('### src/whole1.ts');

    const tighter = buildContext(request({ sources, budget: { remainingTokens: budget - 300 + 1_000, maxOutputTokens: 1_000 } }), { mode: 'tools' });
    expect(tighter.dropped.map((d) => d.path)).toEqual(['src/whole2.ts', 'src/whole1.ts', 'src/window2.ts']);
    expect(tighter.dropped[2]).toMatchObject({ wholeFile: false, startLine: 300, endLine: 339 });
  });

  it('keeps everything when it fits, honours the model’s own input limit, and reports when nothing fits', () => {
    expect(buildContext(request(), { mode: 'tools' }).dropped).toEqual([]);
    const limited = buildContext(request(), { mode: 'tools', maxInputTokens: 10 });
    expect(limited.tokens.budget).toBe(10);
    expect(limited.fits).toBe(false);
    expect(limited.dropped).toHaveLength(2);
    expect(limited.user).toContain('Make tests/calc.test.ts pass');
    expect(limited.user).toContain('(no source excerpts)');
  });

  it('fences source that itself contains backticks with a longer fence', () => {
    const tricky: SourceExcerpt = { path: 'README.md', startLine: 1, text: '```js\nx\n```\n', wholeFile: true, totalLines: 3 };
    const { user } = buildContext(request({ sources: [tricky] }), { mode: 'text' });
    expect(user).toContain('````\n1 | ```js\n2 | x\n3 | ```\n````');
  });

  it('counts, rather than lists, failing tests past the first 25', () => {
    const one = request().failingTests[0]!;
    const many = Array.from({ length: 30 }, (_, i) => ({ ...one, id: `t${i}` }));
    const { user } = buildContext(request({ failingTests: many }), { mode: 'tools' });
    expect(user).toContain('- t24');
    expect(user).not.toContain('- t25\n');
    expect(user).toContain('…and 5 more failing tests');
  });
});
