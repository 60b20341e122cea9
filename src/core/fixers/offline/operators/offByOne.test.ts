import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { offByOne } from './offByOne';

describe('off by one', () => {
  it('moves small integer literals by one in both directions, never below zero', async () => {
    expect(await patchedTexts(offByOne, 'for i in range(1, n):\n    pass\n', 'python')).toEqual(['for i in range(2, n):\n    pass\n', 'for i in range(0, n):\n    pass\n']);
    expect(await patchedTexts(offByOne, 'const x = xs[0];', 'javascript')).toEqual(['const x = xs[1];']);
  });

  it('leaves floats, hex and large constants alone', async () => {
    expect(await patchedTexts(offByOne, 'const a = 0.5 + 0xff + 65536;', 'javascript')).toEqual([]);
  });
});
