import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { negateCondition } from './negateCondition';

describe('negate condition', () => {
  it('negates branch conditions and drops existing negations', async () => {
    expect(await patchedTexts(negateCondition, 'if (ready) go();', 'javascript')).toEqual(['if (!ready) go();']);
    expect(await patchedTexts(negateCondition, 'if not ready:\n    go()\n', 'python')).toEqual(['if ready:\n    go()\n', 'if not not ready:\n    go()\n']);
  });

  it('parenthesizes only what binds looser than the negation', async () => {
    expect(await patchedTexts(negateCondition, 'if (a < b) go();', 'javascript')).toEqual(['if (!(a < b)) go();']);
    expect(await patchedTexts(negateCondition, 'if (this.seen.has(k)) go();', 'javascript')).toEqual(['if (!this.seen.has(k)) go();']);
    expect(await patchedTexts(negateCondition, 'x = a if a < b else b\n', 'python')).toEqual(['x = a if not a < b else b\n']);
    expect(await patchedTexts(negateCondition, 'while a or b:\n    go()\n', 'python')).toEqual(['while not (a or b):\n    go()\n']);
  });
});
