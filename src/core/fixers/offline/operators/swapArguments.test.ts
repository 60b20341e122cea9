import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { swapArguments } from './swapArguments';

describe('swap arguments', () => {
  it('swaps each adjacent pair of arguments', async () => {
    expect(await patchedTexts(swapArguments, 'clamp(x, lo, hi);', 'javascript')).toEqual(['clamp(lo, x, hi);', 'clamp(x, hi, lo);']);
    expect(await patchedTexts(swapArguments, 'r = pow(base, exp)\n', 'python')).toEqual(['r = pow(exp, base)\n']);
  });

  it('skips identical and spread arguments', async () => {
    expect(await patchedTexts(swapArguments, 'f(a, a); g(...xs, y);', 'javascript')).toEqual([]);
  });
});
