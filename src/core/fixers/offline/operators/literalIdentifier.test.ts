import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { literalIdentifier } from './literalIdentifier';

describe('literal ↔ identifier', () => {
  it('replaces a literal by a value of the same function first (Python)', async () => {
    const source = 'TOTAL = 9\n\ndef pick(items, fallback):\n    found = None\n    return found or 0\n';
    const texts = await patchedTexts(literalIdentifier, source, 'python');
    const returns = texts.map((t) => t.split('\n')[4]).filter((l) => l?.startsWith('    return found or ') && l !== '    return found or 0');
    expect(returns).toEqual(['    return found or items', '    return found or fallback', '    return found or found', '    return found or TOTAL']);
  });

  it('replaces a name by the literal its siblings use: its initial value, what other returns return', async () => {
    const py = 'def total(xs):\n    if not xs:\n        return 0\n    acc = 0\n    for x in xs:\n        acc += x\n    return acc\n';
    expect(await patchedTexts(literalIdentifier, py, 'python')).toContain(py.replace('    return acc\n', '    return 0\n'));
    const js = 'function total(xs) {\n  let acc = 0;\n  for (const x of xs) acc += x;\n  return acc;\n}\n';
    expect(await patchedTexts(literalIdentifier, js, 'javascript')).toContain(js.replace('return acc;', 'return 0;'));
  });

  it('knows JavaScript’s empty values and never replaces a receiver by a literal', async () => {
    const texts = await patchedTexts(literalIdentifier, 'function f(list) {\n  const seen = {};\n  seen.x = list.length;\n  return null;\n}\n', 'javascript');
    expect(texts).toContain('function f(list) {\n  const seen = list;\n  seen.x = list.length;\n  return null;\n}\n');
    expect(texts).toContain('function f(list) {\n  const seen = {};\n  seen.x = list.length;\n  return seen;\n}\n');
    expect(texts.some((t) => t.includes('{}.x'))).toBe(false);
  });
});
