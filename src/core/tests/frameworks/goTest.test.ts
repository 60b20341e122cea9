import { describe, expect, it } from 'vitest';
import { testId, type TestCase } from '../model';
import type { WorkspaceFolderFacts } from '../workspaceFacts';
import { goTestAdapter } from './goTest';

const context = { cwd: '/w', reportDir: '/tmp/r' };
const test = (file: string, path: readonly string[]): TestCase => {
  const suitePath = path.slice(0, -1);
  const name = path[path.length - 1] as string;
  return { id: testId(file, suitePath, name), file, suitePath, name, status: 'failed', stack: [] };
};
const facts = (entries: string[]): WorkspaceFolderFacts => ({ root: '/w', rootEntries: new Set(entries), readText: () => undefined });

describe('goTestAdapter', () => {
  it('detects go.mod and nothing else', () => {
    expect(goTestAdapter.detect(facts(['go.mod', 'main.go']))).toMatchObject({ framework: 'go', evidence: 'go.mod' });
    expect(goTestAdapter.detect(facts(['main.go']))).toBeUndefined();
  });

  it('runs every package with JSON events for a full run', () => {
    expect(goTestAdapter.plan(context)).toEqual({ invocation: ['go', 'test'], args: ['-json', './...'] });
  });

  it('focuses with one anchored pattern per test, in the packages involved only', () => {
    const planned = goTestAdapter.plan(context, [test('calc', ['TestMultiply']), test('calc', ['TestTable', 'negative left (a+b)'])]);
    expect(planned.args).toEqual(['-json', '-run', '^TestMultiply$/^$|^TestTable$/^negative left \\(a\\+b\\)$/^$', './calc']);
    expect(planned.broaderThanFocus).toBe(false);
  });

  it('names the root package as . and says when packages were asked for different tests', () => {
    const planned = goTestAdapter.plan(context, [test('.', ['TestA']), test('sub/pkg', ['TestB'])]);
    expect(planned.args).toEqual(['-json', '-run', '^TestA$/^$|^TestB$/^$', '.', './sub/pkg']);
    expect(planned.broaderThanFocus).toBe(true);
  });

  it('passes an import path from outside the module as it is', () => {
    expect(goTestAdapter.plan(context, [test('example.com/other/pkg', ['TestA'])]).args.at(-1)).toBe('example.com/other/pkg');
  });
});
