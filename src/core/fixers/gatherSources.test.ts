import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StackFrame, TestCase } from '../tests/model';
import { NodeWorkspace } from '../workspace/nodeWorkspace';
import { gatherSources, mergeWindows } from './gatherSources';

const numbered = (n: number, prefix = 'line'): string => `${Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join('\n')}\n`;

function workspace(files: Record<string, string | Buffer>): NodeWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'loopgain-gather-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return new NodeWorkspace(root);
}

const failing = (file: string, name: string, stack: StackFrame[]): TestCase => ({ id: `${file}::${name}`, file, suitePath: [], name, status: 'failed', stack });
const frame = (file: string, line: number, inWorkspace = true): StackFrame => ({ file, line, inWorkspace });

describe('gatherSources', () => {
  it('shows small files whole: the frames’ files first, then the test’s own file', async () => {
    const ws = workspace({ 'src/calc.ts': numbered(30), 'tests/calc.test.ts': numbered(10, 'test') });
    const sources = await gatherSources([failing('tests/calc.test.ts', 'adds', [frame('src/calc.ts', 5), frame('tests/calc.test.ts', 3)])], ws);
    expect(sources.map((s) => [s.path, s.wholeFile, s.startLine, s.totalLines])).toEqual([
      ['src/calc.ts', true, 1, 30],
      ['tests/calc.test.ts', true, 1, 10],
    ]);
    expect(sources[0]?.text).toBe(numbered(30));
  });

  it('cuts a large file into ±20-line windows around the frame lines, merging the ones that overlap', async () => {
    const ws = workspace({ 'src/big.ts': numbered(1_000) });
    const sources = await gatherSources(
      [failing('', 'a', [frame('src/big.ts', 100), frame('src/big.ts', 130)]), failing('', 'b', [frame('src/big.ts', 500), frame('src/big.ts', 995)])],
      ws,
    );
    expect(sources.map((s) => [s.startLine, s.startLine + s.text.trimEnd().split('\n').length - 1])).toEqual([
      [80, 150],
      [480, 520],
      [975, 1_000],
    ]);
    expect(sources.every((s) => !s.wholeFile && s.totalLines === 1_000)).toBe(true);
    expect(sources[1]?.text.split('\n')[0]).toBe('line 480');
  });

  it('keeps a file of exactly 200 lines whole and windows one of 201', async () => {
    const ws = workspace({ 'a.ts': numbered(200), 'b.ts': numbered(201) });
    const sources = await gatherSources([failing('', 't', [frame('a.ts', 100), frame('b.ts', 100)])], ws);
    expect(sources.map((s) => [s.path, s.wholeFile])).toEqual([
      ['a.ts', true],
      ['b.ts', false],
    ]);
  });

  it('finds a failing test in its own large file by name, or shows the file’s head', async () => {
    const big = `${numbered(300)}def test_adds():\n    assert add(1, 2) == 3\n${numbered(300)}`;
    const ws = workspace({ 'tests/test_calc.py': big, 'tests/test_other.py': numbered(400) });
    const sources = await gatherSources([failing('tests/test_calc.py', 'test_adds[1-2]', []), failing('tests/test_other.py', 'test_gone', [])], ws);
    expect(sources.map((s) => [s.path, s.startLine])).toEqual([
      ['tests/test_calc.py', 281],
      ['tests/test_other.py', 1],
    ]);
    expect(sources[0]?.text).toContain('def test_adds():');
  });

  it('skips binary, missing and empty files, frames outside the workspace, and paths that climb out or into dependencies', async () => {
    const ws = workspace({
      'bin/data.bin': Buffer.from([1, 2, 0, 3]),
      'empty.ts': '',
      'node_modules/lib/index.js': numbered(5),
      'src/ok.ts': numbered(5),
    });
    const sources = await gatherSources(
      [
        failing('', 't', [
          frame('bin/data.bin', 1),
          frame('missing.ts', 1),
          frame('empty.ts', 1),
          frame('/etc/passwd', 1, false),
          frame('src/ok.ts', 2, false),
          frame('../outside.ts', 1),
          frame('node_modules/lib/index.js', 2),
          frame('src/ok.ts', 2),
        ]),
      ],
      ws,
    );
    expect(sources.map((s) => s.path)).toEqual(['src/ok.ts']);
  });

  it('reads at most maxFiles files', async () => {
    const ws = workspace({ 'a.ts': numbered(3), 'b.ts': numbered(3), 'c.ts': numbered(3) });
    const sources = await gatherSources([failing('', 't', [frame('a.ts', 1), frame('b.ts', 1), frame('c.ts', 1)])], ws, { maxFiles: 2 });
    expect(sources.map((s) => s.path)).toEqual(['a.ts', 'b.ts']);
  });
});

describe('mergeWindows', () => {
  it('merges touching windows, clamps to the file, ignores duplicates and lines past the end', () => {
    expect(mergeWindows([10, 10, 51], 20, 1_000)).toEqual([[1, 71]]);
    expect(mergeWindows([10, 52], 20, 1_000)).toEqual([
      [1, 30],
      [32, 72],
    ]);
    expect(mergeWindows([5_000], 20, 300)).toEqual([[280, 300]]);
  });
});
