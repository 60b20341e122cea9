import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { plusMinusOneExpression } from './plusMinusOneExpression';

describe('plus-minus-one expression', () => {
  it('moves range ends, slice ends, indices and lengths by one (Python)', async () => {
    const texts = await patchedTexts(plusMinusOneExpression, 'def f(xs, n):\n    for i in range(n):\n        xs[i] = xs[:n]\n    return len(xs)\n', 'python');
    const lines = texts.map((t) => t.split('\n').slice(1, 4).join(' | ').replace(/ +/g, ' '));
    expect(lines).toContain(' for i in range(n + 1): | xs[i] = xs[:n] | return len(xs)');
    expect(lines).toContain(' for i in range(n - 1): | xs[i] = xs[:n] | return len(xs)');
    expect(lines).toContain(' for i in range(n): | xs[i - 1] = xs[:n] | return len(xs)');
    expect(lines).toContain(' for i in range(n): | xs[i] = xs[:n + 1] | return len(xs)');
    expect(lines).toContain(' for i in range(n): | xs[i] = xs[:n] | return len(xs) - 1');
  });

  it('moves comparison operands and .length in JavaScript', async () => {
    const texts = await patchedTexts(plusMinusOneExpression, 'if (i < items.length) go();', 'javascript');
    expect(texts).toEqual(['if (i + 1 < items.length) go();', 'if (i - 1 < items.length) go();', 'if (i < items.length + 1) go();', 'if (i < items.length - 1) go();']);
  });

  it('adjusts an existing offset instead of stacking another, and parenthesizes where precedence needs it', async () => {
    expect(await patchedTexts(plusMinusOneExpression, 'const last = xs[n - 1];', 'javascript')).toEqual(['const last = xs[n];', 'const last = xs[n - 2];']);
    expect(await patchedTexts(plusMinusOneExpression, 'y = range(2 * len(xs))\n', 'python')).toContain('y = range(2 * (len(xs) + 1))\n');
  });

  it('leaves literals (off-by-one does those), truth values and what is compared with a string or None alone', async () => {
    expect(await patchedTexts(plusMinusOneExpression, 'ok = (name == "a" and flag is None) == (not done)\n', 'python')).toEqual([]);
    expect(await patchedTexts(plusMinusOneExpression, "const ok = kind === 'x' || value !== null || 3 < 4;", 'javascript')).toEqual([]);
  });
});
