import { describe, expect, it } from 'vitest';
import { framesFromText, resolveFrame } from './stackFrames';

describe('resolveFrame', () => {
  it('makes absolute paths inside the workspace relative, with forward slashes', () => {
    expect(resolveFrame('/ws/src/calc.py', 12, undefined, '/ws')).toEqual({ file: 'src/calc.py', line: 12, inWorkspace: true });
    expect(resolveFrame('src/calc.py', 3, 7, '/ws')).toEqual({ file: 'src/calc.py', line: 3, column: 7, inWorkspace: true });
  });

  it('keeps frames outside the workspace or in node_modules as printed', () => {
    expect(resolveFrame('/usr/lib/python3/x.py', 1, undefined, '/ws')).toMatchObject({ file: '/usr/lib/python3/x.py', inWorkspace: false });
    expect(resolveFrame('/ws/node_modules/jest/a.js', 1, undefined, '/ws').inWorkspace).toBe(false);
  });

  it('resolves Windows paths, case-insensitively on the drive and root', () => {
    expect(resolveFrame('C:\\Users\\me\\proj\\src\\a.ts', 4, 2, 'C:\\Users\\me\\proj')).toEqual({ file: 'src/a.ts', line: 4, column: 2, inWorkspace: true });
    expect(resolveFrame('D:\\other\\a.ts', 4, undefined, 'C:\\Users\\me\\proj').inWorkspace).toBe(false);
  });
});

describe('framesFromText', () => {
  it('reads JavaScript stacks, skipping node internals', () => {
    const stack = [
      'AssertionError: expected 3 to be 4',
      '    at add (/ws/src/math.ts:10:11)',
      '    at Object.<anonymous> (/ws/test/math.test.ts:5:3)',
      '    at node:internal/process/task_queues:95:5',
    ].join('\n');
    expect(framesFromText(stack, '/ws')).toEqual([
      { file: 'src/math.ts', line: 10, column: 11, inWorkspace: true },
      { file: 'test/math.test.ts', line: 5, column: 3, inWorkspace: true },
    ]);
  });

  it('reads Python tracebacks and pytest short frames', () => {
    const tb = ['Traceback (most recent call last):', '  File "/ws/calc.py", line 8, in add', 'tests/test_calc.py:14: AssertionError'].join('\n');
    expect(framesFromText(tb, '/ws').map((f) => `${f.file}:${f.line}`)).toEqual(['calc.py:8', 'tests/test_calc.py:14']);
  });

  it('reads Go and Rust locations and removes duplicates', () => {
    const text = '    calc_test.go:21: got 3 want 4\nsrc/lib.rs:10:5\nsrc/lib.rs:10:5';
    expect(framesFromText(text, '/ws').map((f) => `${f.file}:${f.line}`)).toEqual(['calc_test.go:21', 'src/lib.rs:10']);
  });
});
