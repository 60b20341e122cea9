import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { returnValue } from './returnValue';

describe('return value', () => {
  it('returns the negation of the returned expression, in parentheses only where needed', async () => {
    expect(await patchedTexts(returnValue, 'function f(a) { return a > 1; }', 'javascript')).toEqual(['function f(a) { return !(a > 1); }']);
    expect(await patchedTexts(returnValue, 'function f(s) { return s.has(1); }', 'javascript')).toEqual(['function f(s) { return !s.has(1); }']);
    expect(await patchedTexts(returnValue, 'def f(a):\n    return a\n', 'python')).toEqual(['def f(a):\n    return not a\n']);
    expect(await patchedTexts(returnValue, 'def f(a, b):\n    return a and b\n', 'python')).toEqual(['def f(a, b):\n    return not (a and b)\n']);
  });
});
