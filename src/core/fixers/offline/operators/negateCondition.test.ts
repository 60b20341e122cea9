import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { negateCondition } from './negateCondition';

describe('negate condition', () => {
  it('negates branch conditions and drops existing negations', async () => {
    expect(await patchedTexts(negateCondition, 'if (ready) go();', 'javascript')).toEqual(['if (!(ready)) go();']);
    expect(await patchedTexts(negateCondition, 'if not ready:\n    go()\n', 'python')).toEqual(['if not (not ready):\n    go()\n', 'if ready:\n    go()\n']);
  });
});
