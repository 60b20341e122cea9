import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { arithmeticSwap } from './arithmetic';

describe('arithmetic swap', () => {
  it('swaps + and -, * and /', async () => {
    expect(await patchedTexts(arithmeticSwap, 'const t = a + b * c;', 'javascript')).toEqual(['const t = a - b * c;', 'const t = a + b / c;']);
  });

  it('knows Python’s floor division', async () => {
    expect(await patchedTexts(arithmeticSwap, 'mid = (lo + hi) / 2\n', 'python')).toContain('mid = (lo + hi) // 2\n');
  });
});
