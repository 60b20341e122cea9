import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeWorkspace } from '../workspace/nodeWorkspace';
import { FixerError, type FixProposal, type Fixer, type FixRequest } from './fixer';
import { proposeValidated } from './proposeValidated';

function workspace(): NodeWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'loopgain-propose-'));
  writeFileSync(join(root, 'calc.js'), 'exports.add = (a, b) => a - b;\n');
  return new NodeWorkspace(root);
}

/** A fixer that plays back answers and remembers what it was asked. */
function scripted(answers: (FixProposal | FixerError)[]): Fixer & { requests: FixRequest[] } {
  const requests: FixRequest[] = [];
  return {
    id: 'scripted',
    requests,
    async propose(request) {
      requests.push(request);
      const next = answers.shift();
      if (!next) throw new Error('script ran out');
      if (next instanceof FixerError) throw next;
      return next;
    },
  };
}

const usage = { inputTokens: 100, outputTokens: 10 };
const good = { kind: 'search-replace', path: 'calc.js', search: 'a - b', replace: 'a + b' };
const request = { goal: 'fix', iteration: 1, failingTests: [], sources: [], diffSoFar: '', failedApproaches: [], history: [], signal: new AbortController().signal };
const budget = { remainingTokens: 10_000, maxOutputTokens: 1000 };

describe('proposeValidated', () => {
  it('feeds rejections back and accepts the first proposal that validates as a whole', async () => {
    const fixer = scripted([
      { edits: [good, { kind: 'search-replace', path: 'nowhere.js', search: 'x', replace: 'y' }], usage },
      { edits: [good], usage },
    ]);
    const outcome = await proposeValidated({ fixer, request, workspace: workspace(), budgetFor: () => budget });
    expect(outcome.status).toBe('ok');
    expect(outcome.attempts).toBe(2);
    expect(outcome.usage).toEqual({ inputTokens: 200, outputTokens: 20 });
    expect(fixer.requests[1]?.attempt).toBe(2);
    expect(fixer.requests[1]?.previousRejections.map((r) => r.code)).toEqual(['file-missing']);
  });

  it('gives up after three bad attempts as plan-invalid, counting malformed answers and empty proposals', async () => {
    const fixer = scripted([
      new FixerError('malformed-response', 'no edit block in the answer', usage),
      { edits: [], usage },
      { edits: [{ kind: 'search-replace', path: '../x.js', search: 'a', replace: 'b' }], usage },
    ]);
    const outcome = await proposeValidated({ fixer, request, workspace: workspace(), budgetFor: () => budget });
    expect(outcome.status).toBe('plan-invalid');
    expect(outcome.rejected.map((r) => r.map((x) => x.code))).toEqual([['malformed'], ['malformed'], ['path-outside-workspace']]);
    expect(outcome.usage.inputTokens).toBe(300);
  });

  it('stops asking when the budget says no, before calling the fixer', async () => {
    const fixer = scripted([{ edits: [{ kind: 'delete-file', path: 'missing.js' }], usage }]);
    const outcome = await proposeValidated({ fixer, request, workspace: workspace(), budgetFor: (spent) => (spent.inputTokens > 0 ? undefined : budget) });
    expect(outcome.status).toBe('out-of-budget');
    expect(fixer.requests).toHaveLength(1);
  });

  it('lets errors that are not the plan’s fault propagate', async () => {
    const fixer = scripted([new FixerError('auth', 'the API key was refused')]);
    await expect(proposeValidated({ fixer, request, workspace: workspace(), budgetFor: () => budget })).rejects.toThrow('the API key was refused');
  });
});
