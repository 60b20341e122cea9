import { describe, expect, it } from 'vitest';
import type { StackFrame, TestCase } from '../../tests/model';
import { generateCandidates } from './candidates';
import { localise } from './localise';
import { SourceParser } from './sourceParser';

const files: Record<string, string> = {
  'src/stats.js': 'function mean(xs) {\n  let total = 0;\n  for (let i = 1; i < xs.length; i++) total += xs[i];\n  return total / xs.length;\n}\nfunction unused(a) {\n  return a > 0;\n}\nmodule.exports = { mean, unused };\n',
  'test/stats.test.js': "const { mean } = require('../src/stats');\ntest('mean', () => {\n  expect(mean([2, 4])).toBe(3);\n});\n",
};
const readText = async (path: string): Promise<string | undefined> => files[path];
const frame = (file: string, line: number): StackFrame => ({ file, line, inWorkspace: true });
const failing = (stack: StackFrame[]): TestCase => ({ id: 'test/stats.test.js::mean', file: 'test/stats.test.js', suitePath: [], name: 'mean', status: 'failed', stack });
const parser = new SourceParser({ cwd: process.cwd() });

describe('localise', () => {
  it('puts frame lines first and the rest of their function after them', async () => {
    const lines = await localise({ failing: [failing([frame('src/stats.js', 4), frame('test/stats.test.js', 3)])], parser, readText, sourceFiles: ['src/stats.js'] });
    expect(lines[0]).toEqual({ path: 'src/stats.js', line: 4, score: 1 });
    expect(lines.slice(1).map((l) => l.line)).toEqual([1, 2, 3, 5]);
    expect(lines.every((l) => l.path === 'src/stats.js')).toBe(true);
  });

  it('suspects the whole function a run without a verdict was interrupted in (a hang), not only its line', async () => {
    const hung: TestCase = { id: 'node --test::<no verdict>', file: '', suitePath: [], name: 'the test run gave no verdict', status: 'error', stack: [frame('src/stats.js', 3)] };
    const lines = await localise({ failing: [hung], parser, readText, sourceFiles: ['src/stats.js'] });
    expect(lines.map((l) => [l.line, l.score])).toEqual([1, 2, 3, 4, 5].map((line) => [line, 1]));
  });

  it('suspects the functions a failing test calls when no frame reaches the code', async () => {
    const lines = await localise({ failing: [failing([frame('test/stats.test.js', 3)])], parser, readText, sourceFiles: ['src/stats.js'] });
    expect([...new Set(lines.map((l) => l.path))]).toEqual(['src/stats.js']);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5]); // mean(), not unused()
  });

  describe('through calls the test does not make itself', () => {
    const due: Record<string, string> = {
      'src/due.js': [
        'function daysUntil(today, due) {', // 1
        '  return today - due;', // 2
        '}', // 3
        'function status(today, due) {', // 4
        '  const left = daysUntil(today, due);', // 5
        "  return left < 0 ? 'overdue' : 'ok';", // 6
        '}', // 7
        'function unrelated(x) {', // 8
        '  return x + 1;', // 9
        '}', // 10
        'module.exports = { daysUntil, status, unrelated };', // 11
      ].join('\n'),
      'test/due.test.js': [
        "const { daysUntil, status } = require('../src/due');", // 1
        'const check = (d) => status(0, d);', // 2
        "test('days', () => { expect(daysUntil(0, 3)).toBe(3); });", // 3
        "test('overdue', () => { expect(status(5, 1)).toBe('overdue'); });", // 4
        "test('via a helper', () => { expect(check(-2)).toBe('overdue'); });", // 5
      ].join('\n'),
    };
    const read = async (path: string): Promise<string | undefined> => due[path];
    const failingAt = (line: number): TestCase => ({ ...failing([frame('test/due.test.js', line)]), id: `test/due.test.js::${line}` });
    const scoreOf = (lines: { path: string; line: number; score: number }[], line: number): number => lines.find((l) => l.path === 'src/due.js' && l.line === line)?.score ?? 0;

    it('suspects the helper a called function calls, one call further away counting a little less', async () => {
      const lines = await localise({ failing: [failingAt(4)], parser, readText: read, sourceFiles: ['src/due.js'] });
      expect(scoreOf(lines, 5)).toBeCloseTo(0.5, 12); // status: called by the test
      expect(scoreOf(lines, 2)).toBeCloseTo(0.4, 12); // daysUntil: reached through status
      expect(scoreOf(lines, 9)).toBe(0); // unrelated: never reached
    });

    it('ranks first the function every failing test reaches, by whatever path (the common cause)', async () => {
      const lines = await localise({ failing: [failingAt(3), failingAt(4), failingAt(5)], parser, readText: read, sourceFiles: ['src/due.js'] });
      // daysUntil: 0.5 (direct) + 0.4 (through status) + 0.32 (through the helper check, then status)
      expect(scoreOf(lines, 2)).toBeCloseTo(0.5 + 0.4 + 0.32, 12);
      expect(scoreOf(lines, 5)).toBeCloseTo(0.5 + 0.4, 12);
      expect(lines[0]).toMatchObject({ path: 'src/due.js', line: 1 });
      // the test helper is followed, never suspected
      expect(lines.some((l) => l.path === 'test/due.test.js')).toBe(false);
    });
  });
});

describe('generateCandidates', () => {
  it('mutates only suspicious lines of non-test files, most suspicious first, without duplicates', async () => {
    const suspicious = [
      { path: 'src/stats.js', line: 3, score: 1 },
      { path: 'src/stats.js', line: 7, score: 0.2 },
      { path: 'test/stats.test.js', line: 3, score: 5 },
    ];
    const { candidates } = await generateCandidates(suspicious, parser, readText);
    expect(candidates.every((c) => c.path === 'src/stats.js')).toBe(true);
    expect(candidates[0]?.mutation.line).toBe(3);
    expect(candidates.some((c) => c.patched.includes('let i = 0;'))).toBe(true);
    expect(new Set(candidates.map((c) => c.patched)).size).toBe(candidates.length);
    expect(candidates.findIndex((c) => c.mutation.line === 7)).toBeGreaterThan(candidates.findLastIndex((c) => c.mutation.line === 3));
  });
});

describe('generateCandidates with the extended families', () => {
  const py: Record<string, string> = {
    'pkg/cart.py': 'def add(lines, sku, qty):\n    total = 0\n    for line in lines:\n        total += line\n    return total\n',
    'pkg/fixtures/data.py': 'def add(lines, sku, qty):\n    return 0\n',
    'tests/test_cart.py': 'def test_add():\n    assert add([], 1, 2) == 0\n',
  };
  const readPy = async (path: string): Promise<string | undefined> => py[path];

  it('bounds the candidates, most suspicious lines first, and never touches tests or fixtures', async () => {
    const suspicious = [
      ...[1, 2, 3, 4, 5].map((line) => ({ path: 'pkg/cart.py', line, score: line === 4 ? 1 : 0.5 })),
      { path: 'pkg/fixtures/data.py', line: 2, score: 5 },
      { path: 'tests/test_cart.py', line: 2, score: 5 },
    ];
    const all = await generateCandidates(suspicious, parser, readPy);
    expect(all.candidates.every((c) => c.path === 'pkg/cart.py')).toBe(true);
    expect([...new Set(all.candidates.map((c) => c.mutation.family))]).toEqual(expect.arrayContaining(['statement-deletion', 'literal-identifier', 'wrong-identifier', 'statement-insertion']));
    const bounded = await generateCandidates(suspicious, parser, readPy, 25);
    expect(bounded.candidates).toHaveLength(25);
    expect(bounded.candidates.map((c) => c.patched)).toEqual(all.candidates.slice(0, 25).map((c) => c.patched));
    expect(bounded.candidates[0]?.mutation.line).toBe(4);
  });

  it('scores a statement inserted after a block by the line it follows', async () => {
    const { candidates } = await generateCandidates([{ path: 'pkg/cart.py', line: 4, score: 1 }], parser, readPy);
    const after = candidates.filter((c) => c.mutation.family === 'statement-insertion' && c.mutation.line === 4);
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((c) => c.patched.includes('        total += line\n        total = 0\n'))).toBe(true);
  });
});

