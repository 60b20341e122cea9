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

  it('keeps parentheses right when operands change places', async () => {
    expect(await patchedTexts(swappedOperands, 'const ok = (n ?? 0) > 0;', 'javascript')).toEqual(['const ok = (0) > (n ?? 0);']);
    // the source's own parentheses stay where they were, around what now stands there
    expect(await patchedTexts(swappedOperands, 'd = a - (b - c)\n', 'python')).toEqual(['d = b - c - (a)\n', 'd = a - (c - b)\n']);
    expect(await patchedTexts(swappedOperands, 'd = a / b ** c\n', 'python')).toEqual(['d = b ** c / a\n', 'd = a / c ** b\n']);
  });

  it('swaps tuple and array elements and the indices of m[i][j]', async () => {
    expect(await patchedTexts(swappedOperands, 'lo, hi = hi, lo\n', 'python')).toEqual(['hi, lo = hi, lo\n', 'lo, hi = lo, hi\n']);
    expect(await patchedTexts(swappedOperands, 'v = m[r][c]\n', 'python')).toEqual(['v = m[c][r]\n']);
    expect(await patchedTexts(swappedOperands, 'const p = [x, y, z];', 'javascript')).toEqual(['const p = [y, x, z];', 'const p = [x, z, y];']);
    expect(await patchedTexts(swappedOperands, 'const [first, second] = pair; const v = grid[row][col];', 'javascript')).toEqual([
      'const [second, first] = pair; const v = grid[row][col];',
      'const [first, second] = pair; const v = grid[col][row];',
    ]);
  });
});
