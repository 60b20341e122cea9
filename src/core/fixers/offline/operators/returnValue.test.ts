import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { returnValue } from './returnValue';

describe('return value', () => {
  it('returns the negation of the returned expression', async () => {
    expect(await patchedTexts(returnValue, 'function f(a) { return a > 1; }', 'javascript')).toEqual(['function f(a) { return !(a > 1); }']);
    expect(await patchedTexts(returnValue, 'def f(a):\n    return a\n', 'python')).toEqual(['def f(a):\n    return not (a)\n']);
  });
});
