import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { logicalSwap } from './logical';

describe('logical swap', () => {
  it('swaps and/or and any/all in Python', async () => {
    expect(await patchedTexts(logicalSwap, 'ok = a and b\n', 'python')).toEqual(['ok = a or b\n']);
    expect(await patchedTexts(logicalSwap, 'ok = any(x > 0 for x in xs)\n', 'python')).toEqual(['ok = all(x > 0 for x in xs)\n']);
  });

  it('swaps && / || and some/every, min/max in JavaScript', async () => {
    expect(await patchedTexts(logicalSwap, 'const ok = a || b;', 'javascript')).toEqual(['const ok = a && b;']);
    expect(await patchedTexts(logicalSwap, 'xs.every((x) => x); Math.max(a, b);', 'javascript')).toEqual(['xs.some((x) => x); Math.max(a, b);', 'xs.every((x) => x); Math.min(a, b);']);
  });

  it('never takes a method name for an entry of its table', async () => {
    expect(await patchedTexts(logicalSwap, 'const s = data.toString(); const c = o.constructor(1);', 'javascript')).toEqual([]);
  });
});
