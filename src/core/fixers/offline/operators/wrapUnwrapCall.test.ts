import { describe, expect, it } from 'vitest';
import { patchedTexts } from '../../../../../test/support/mutations';
import { wrapUnwrapCall } from './wrapUnwrapCall';

describe('wrap / unwrap call', () => {
  it('unwraps a one-argument call and wraps values in the functions the file calls (Python)', async () => {
    const source = 'def drop(a, b):\n    gap = abs(a - b)\n    return b - a\n';
    const lines = (await patchedTexts(wrapUnwrapCall, source, 'python')).map((t) => t.split('\n').slice(1, 3).join(' | '));
    expect(lines).toContain('    gap = a - b |     return b - a');
    expect(lines).toContain('    gap = abs(a - b) |     return abs(b - a)');
    expect(lines).toContain('    gap = abs(a - b) |     return abs(b) - a');
    expect(lines.some((l) => l.includes('abs(abs(a - b))'))).toBe(false);
  });

  it('offers the file’s own one-argument helpers, never the function itself, nor print-like calls', async () => {
    const source = "function parse(text) { return Number(text); }\nfunction total(rows) {\n  console.log(rows);\n  return rows.amount;\n}\n";
    const lines = (await patchedTexts(wrapUnwrapCall, source, 'javascript')).map((t) => t.split('\n')[3]);
    expect(lines).toContain('  return parse(rows.amount);');
    expect(lines).toContain('  return Number(rows.amount);');
    expect(lines.some((l) => l?.includes('total(') || l?.includes('console.log(rows.'))).toBe(false);
  });

  it('parenthesizes an unwrapped argument where its new place needs it', async () => {
    expect(await patchedTexts(wrapUnwrapCall, 'const y = 2 * Math.abs(a - b);', 'javascript')).toContain('const y = 2 * (a - b);');
  });

  it('wraps methods of the same class as self.name', async () => {
    const source = 'class T:\n    def norm(self, x):\n        return x.strip()\n\n    def key(self, name):\n        return name\n';
    expect(await patchedTexts(wrapUnwrapCall, source, 'python')).toContain(source.replace('        return name\n', '        return self.norm(name)\n'));
  });
});
