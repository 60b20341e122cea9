import { describe, expect, it } from 'vitest';
import { applyToContent } from '../../edits/validateEdits';
import type { Candidate } from './candidates';
import { toEdit } from './offlineFixer';

const candidate = (original: string, start: number, end: number, text: string): Candidate => {
  const patched = original.slice(0, start) + text + original.slice(end);
  return { path: 'a.py', original, patched, priority: 1, size: 1, mutation: { family: 'comparison', line: 2, description: '', splices: [{ start, end, text }] } };
};

describe('toEdit', () => {
  it('turns a patch into a replace-range over exactly the lines it touches, which reproduces the patch', () => {
    const original = 'def f(x):\n    return x < 1\n\nprint(f(2))\n';
    const at = original.indexOf('<');
    const c = candidate(original, at, at + 1, '<=');
    const edit = toEdit(c);
    expect(edit).toEqual({ kind: 'replace-range', path: 'a.py', startLine: 2, endLine: 2, newText: '    return x <= 1' });
    expect(applyToContent(edit, 'a.py', original)).toEqual({ after: c.patched });
  });

  it('covers patches spanning lines and patches on the last line without a newline', () => {
    const original = 'f(a,\n  b)';
    const c: Candidate = {
      ...candidate(original, 0, 0, ''),
      patched: 'f(b,\n  a)',
      mutation: { family: 'swap-arguments', line: 1, description: '', splices: [{ start: 2, end: 3, text: 'b' }, { start: 7, end: 8, text: 'a' }] },
    };
    const edit = toEdit(c);
    expect(edit).toMatchObject({ startLine: 1, endLine: 2 });
    expect(applyToContent(edit, 'a.py', original)).toEqual({ after: 'f(b,\n  a)' });
  });
});
