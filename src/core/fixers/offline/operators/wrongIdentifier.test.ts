import { describe, expect, it } from 'vitest';
import { mutationsOf, patchedTexts } from '../../../../../test/support/mutations';
import { wrongIdentifier } from './wrongIdentifier';

const at = (texts: string[], line: number): string[] => texts.map((t) => t.split('\n')[line - 1] ?? '');

describe('wrong identifier', () => {
  it('replaces a variable by the other values in scope, its own function first (Python)', async () => {
    const source = 'LIMIT = 3\n\ndef area(width, height):\n    size = width * width\n    return size\n';
    const lines = at(await patchedTexts(wrongIdentifier, source, 'python'), 4);
    expect(lines).toContain('    size = width * height');
    expect(lines).toContain('    size = height * width');
    expect(lines).toContain('    size = LIMIT * width');
    expect(lines.indexOf('    size = width * height')).toBeLessThan(lines.indexOf('    size = width * LIMIT'));
    expect(lines.some((l) => l.includes('area'))).toBe(false); // a function is no value
  });

  it('replaces a variable in JavaScript, with block scopes, and never with names out of scope', async () => {
    const source = 'const LIMIT = 3;\nfunction area(width, height) {\n  for (const w of [1]) {}\n  return width * width;\n}\nfunction other(depth) { return depth; }\n';
    const lines = at(await patchedTexts(wrongIdentifier, source, 'javascript'), 4);
    expect(lines).toContain('  return width * height;');
    expect(lines).toContain('  return LIMIT * width;');
    expect(lines.some((l) => l.includes('depth') || l.includes(' w '))).toBe(false);
  });

  it('swaps a called function only for another function', async () => {
    const js = await patchedTexts(wrongIdentifier, 'function lo(x) { return x; }\nfunction hi(x) { return x; }\nconst y = lo(2);\n', 'javascript');
    expect(js).toContain('function lo(x) { return x; }\nfunction hi(x) { return x; }\nconst y = hi(2);\n');
    expect(js.some((t) => t.endsWith('const y = y(2);\n'))).toBe(false);
    const py = await patchedTexts(wrongIdentifier, 'def lo(x):\n    return x\n\ndef hi(x):\n    return x\n\ny = lo(2)\n', 'python');
    expect(py.some((t) => t.endsWith('y = hi(2)\n'))).toBe(true);
  });

  it('replaces an attribute by the other attributes used on the same object in the class', async () => {
    const py = 'class Rect:\n    def __init__(self, w, h):\n        self.width = w\n        self.height = h\n\n    def area(self):\n        return self.width * self.width\n';
    const lines = at(await patchedTexts(wrongIdentifier, py, 'python'), 7);
    expect(lines).toContain('        return self.width * self.height');
    expect(lines).toContain('        return self.height * self.width');
    const js = 'class Rect {\n  constructor(w, h) { this.width = w; this.height = h; }\n  area() { return this.width * this.width; }\n}\n';
    expect(at(await patchedTexts(wrongIdentifier, js, 'javascript'), 3)).toContain('  area() { return this.width * this.height; }');
  });

  it('describes the change', async () => {
    const [first] = await mutationsOf(wrongIdentifier, 'def f(a, b):\n    return a\n', 'python');
    expect(first?.description).toBe('`a` → `b`');
  });
});
