import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { statementInsertion } from './statementInsertion';

describe('statement insertion', () => {
  it('inserts a copy of a statement of the same function with the indentation of its new place (Python)', async () => {
    const source = 'def f(xs):\n    n = 0\n    for x in xs:\n        if x:\n            n += 1\n    return n\n';
    const texts = await patchedTexts(statementInsertion, source, 'python');
    expect(texts).toContain('def f(xs):\n    n = 0\n    for x in xs:\n        if x:\n            n += 1\n            n = 0\n    return n\n');
    expect(texts).toContain('def f(xs):\n    n = 0\n    for x in xs:\n        n += 1\n        if x:\n            n += 1\n    return n\n');
    expect(texts.every((t) => !t.includes('\n    break'))).toBe(true); // break only inside the loop
  });

  it('copies from another method, renaming what is not in scope, and only where it may stand (JavaScript)', async () => {
    const source = [
      'class Cache {',
      '  get(key) {',
      '    if (this.data.has(key)) {',
      '      return this.data.get(key);',
      '    }',
      '  }',
      '  put(name, value) {',
      '    this.order.push(name);',
      '    this.data.set(name, value);',
      '  }',
      '}',
      '',
    ].join('\n');
    const texts = await patchedTexts(statementInsertion, source, 'javascript');
    expect(texts).toContain(source.replace('    if (this.data.has(key)) {\n', '    if (this.data.has(key)) {\n      this.order.push(key);\n'));
    expect(texts.some((t) => t.includes('this.order.push(name);\n      return'))).toBe(false); // `name` is not in scope in get()
  });

  it('never offers a copy that awaits to a function that may not be async', async () => {
    const source = 'async function a(x) {\n  await x.save();\n  x.done = true;\n}\nfunction b(x) {\n  x.done = false;\n  return x;\n}\n';
    const texts = await patchedTexts(statementInsertion, source, 'javascript');
    expect(texts.some((t) => /function b[^]*await/.test(t))).toBe(false);
    expect(texts.some((t) => /function b\(x\) \{\n {2}x\.done = true;\n/.test(t))).toBe(true);
  });
});
