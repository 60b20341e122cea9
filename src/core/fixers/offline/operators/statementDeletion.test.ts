import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { statementDeletion } from './statementDeletion';

describe('statement deletion', () => {
  it('deletes whole lines of simple statements, never a block’s only statement (Python)', async () => {
    const source = 'def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n        if x > 9:\n            break\n    return total\n';
    const texts = await patchedTexts(statementDeletion, source, 'python');
    expect(texts).toEqual([
      'def f(xs):\n    for x in xs:\n        total += x\n        if x > 9:\n            break\n    return total\n',
      'def f(xs):\n    total = 0\n    for x in xs:\n        if x > 9:\n            break\n    return total\n',
      'def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n        if x > 9:\n            break\n',
    ]);
  });

  it('deletes expression statements, updates and returns in JavaScript, not declarations or shared lines', async () => {
    const source = 'function f(xs) {\n  const out = [];\n  out.push(1); out.push(2);\n  xs.sort();\n  count++;\n  return out;\n}\n';
    expect(await patchedTexts(statementDeletion, source, 'javascript')).toEqual([
      'function f(xs) {\n  const out = [];\n  out.push(1); out.push(2);\n  count++;\n  return out;\n}\n',
      'function f(xs) {\n  const out = [];\n  out.push(1); out.push(2);\n  xs.sort();\n  return out;\n}\n',
      'function f(xs) {\n  const out = [];\n  out.push(1); out.push(2);\n  xs.sort();\n  count++;\n}\n',
    ]);
  });

  it('takes the line break before a last line that has none', async () => {
    expect(await patchedTexts(statementDeletion, 'a = 1\nb = 2', 'python')).toEqual(['b = 2', 'a = 1']);
  });
});
