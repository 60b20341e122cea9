import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { comparisonSwap } from './comparison';

describe('comparison swap', () => {
  it('tries every other relational operator, and flips equality', async () => {
    expect(await patchedTexts(comparisonSwap, 'if (i < n) f();', 'javascript')).toEqual(['if (i <= n) f();', 'if (i > n) f();', 'if (i >= n) f();']);
    expect(await patchedTexts(comparisonSwap, 'ok = a === b;', 'javascript')).toEqual(['ok = a !== b;']);
  });

  it('handles Python’s word operators', async () => {
    expect(await patchedTexts(comparisonSwap, 'x = a is not None\n', 'python')).toEqual(['x = a is None\n']);
    expect(await patchedTexts(comparisonSwap, 'x = k in d\n', 'python')).toEqual(['x = k not in d\n']);
  });
});
