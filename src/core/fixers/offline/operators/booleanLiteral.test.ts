import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { booleanLiteralSwap } from './booleanLiteral';

describe('boolean literal swap', () => {
  it('flips true and false in each language’s spelling', async () => {
    expect(await patchedTexts(booleanLiteralSwap, 'let done = false;', 'javascript')).toEqual(['let done = true;']);
    expect(await patchedTexts(booleanLiteralSwap, 'done = True\n', 'python')).toEqual(['done = False\n']);
  });
});
