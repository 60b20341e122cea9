import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { swappedOperands } from './swappedOperands';

describe('swapped operands', () => {
  it('swaps the operands of order-sensitive operators', async () => {
    expect(await patchedTexts(swappedOperands, 'return cost - points;', 'javascript')).toEqual(['return points - cost;']);
    expect(await patchedTexts(swappedOperands, 'ok = lo <= x\n', 'python')).toEqual(['ok = x <= lo\n']);
  });

  it('leaves commutative operators and identical operands alone', async () => {
    expect(await patchedTexts(swappedOperands, 'const s = a + b * c; const z = a - a;', 'javascript')).toEqual([]);
  });
});
