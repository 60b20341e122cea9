import { describe, expect, it } from 'vitest';
import { parseJavaScript, SourceParseError } from './javascriptSites';
import { textOf } from './mutationSites';
import { lineOffsets, parsePython } from './pythonSites';

const js = `function clamp(x, lo, hi) {
  if (x < lo /* low */) return lo;
  return Math.min(x, hi) + 0;
}
const ok = (a) => !a && true;
exports.total = function (xs) { return xs.some((x) => x > 1); };
`;

describe('parseJavaScript', () => {
  const { sites, definitions } = parseJavaScript(js, 'src/clamp.js');

  it('finds binary operators with the exact range of the operator token', () => {
    const less = sites.find((s) => s.kind === 'binary' && s.operator === '<');
    expect(less && less.kind === 'binary' ? textOf(js, less.operatorRange) : undefined).toBe('<');
    expect(less?.line).toBe(2);
    expect(sites.filter((s) => s.kind === 'binary').map((s) => (s.kind === 'binary' ? `${s.category}:${s.operator}` : ''))).toEqual([
      'comparison:<',
      'arithmetic:+',
      'logical:&&',
      'comparison:>',
    ]);
  });

  it('finds literals, calls with argument ranges, conditions, negations and returns', () => {
    const call = sites.find((s) => s.kind === 'call' && s.callee === 'Math.min');
    expect(call && call.kind === 'call' ? [textOf(js, call.calleeNameRange), ...call.args.map((a) => textOf(js, a))] : []).toEqual(['min', 'x', 'hi']);
    expect(sites.filter((s) => s.kind === 'condition').map((s) => (s.kind === 'condition' ? textOf(js, s.range) : ''))).toEqual(['x < lo']);
    expect(sites.some((s) => s.kind === 'negation' && textOf(js, s.operand) === 'a')).toBe(true);
    expect(sites.filter((s) => s.kind === 'number').map((s) => (s.kind === 'number' ? s.value : 0))).toEqual([0, 1]);
    expect(sites.filter((s) => s.kind === 'return').length).toBe(3);
  });

  it('names functions the way callers refer to them', () => {
    expect(definitions.map((d) => `${d.name ?? '(anonymous)'}:${d.startLine}-${d.endLine}`)).toEqual([
      'clamp:1-4',
      'ok:5-5',
      'total:6-6',
      '(anonymous):6-6',
    ]);
  });

  it('parses TypeScript and refuses broken syntax with the reason', () => {
    expect(parseJavaScript('const f = (x: number): boolean => x >= 1;', 'a.ts').sites.some((s) => s.kind === 'binary' && s.operator === '>=')).toBe(true);
    expect(() => parseJavaScript('function (', 'bad.js')).toThrow(SourceParseError);
  });
});

const py = `def mean(xs, start=0):
    if not xs or len(xs) is not 0:
        return sum(xs[start:]) / (len(xs) - 1)
    return any(x > 0 for x in xs) and True
`;

describe('parsePython (real python3 ast)', () => {
  it('finds the same kinds of sites, with operator ranges for multi-word operators', async () => {
    const { sites, definitions } = await parsePython(py, 'stats.py', { cwd: process.cwd() });
    const ops = sites.filter((s) => s.kind === 'binary').map((s) => (s.kind === 'binary' ? `${s.operator}=${textOf(py, s.operatorRange)}` : ''));
    expect(ops.sort()).toEqual(['-=-', '/=/', '>=>', 'and=and', 'is not=is not', 'or=or'].sort());
    expect(definitions).toEqual([{ name: 'mean', startLine: 1, endLine: 4 }]);
    const any = sites.find((s) => s.kind === 'call' && s.callee === 'any');
    expect(any && any.kind === 'call' ? textOf(py, any.calleeNameRange) : '').toBe('any');
    expect(sites.some((s) => s.kind === 'negation' && textOf(py, s.operand) === 'xs')).toBe(true);
    expect(sites.filter((s) => s.kind === 'boolean')).toHaveLength(1);
  });

  it('reports a syntax error with its line', async () => {
    await expect(parsePython('def f(:\n  pass\n', 'broken.py', { cwd: process.cwd() })).rejects.toThrow(/broken.py does not parse: line 1/);
  });

  it('counts columns in characters, not UTF-8 bytes', async () => {
    const source = "x = 'é' if a < b else 1\n";
    const { sites } = await parsePython(source, 'u.py', { cwd: process.cwd() });
    const less = sites.find((s) => s.kind === 'binary');
    expect(less && less.kind === 'binary' ? textOf(source, less.operatorRange) : '').toBe('<');
  });
});

describe('lineOffsets', () => {
  it('splits on \\r\\n, \\r and \\n like Python', () => {
    expect(lineOffsets('a\r\nb\rc\nd')).toEqual([0, 3, 5, 7]);
  });
});
