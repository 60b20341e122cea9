import { describe, expect, it } from 'vitest';
import { parseJavaScript, SourceParseError } from './javascriptSites';
import { textOf, type MutationSite } from './mutationSites';
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

type Site = MutationSite;
const ofKind = <K extends Site['kind']>(sites: readonly Site[], kind: K): Extract<Site, { kind: K }>[] => sites.filter((s): s is Extract<Site, { kind: K }> => s.kind === kind);

const jsScopes = `const LIMIT = 5;
function fit(width, height) {
  let best = 0;
  for (let i = 0; i < width; i++) {
    const step = i * 2;
    if (step > LIMIT) break;
    best += step;
  }
  return best;
}
class Box {
  grow(by) { this.width += by; return this.height; }
}
`;

describe('parseJavaScript: scopes, attributes, statements', () => {
  const { sites } = parseJavaScript(jsScopes, 'src/fit.js');

  it('gives each identifier use the names in scope there, its own function first, block scopes respected', () => {
    const best = ofKind(sites, 'identifier').find((s) => s.name === 'best' && s.line === 9);
    expect(best?.names.map((n) => `${n.name}${n.local ? '' : '*'}`)).toEqual(['width', 'height', 'best', 'LIMIT*', 'fit*', 'Box*']);
    expect(best?.names.find((n) => n.name === 'height')?.param).toBe(1);
    expect(best?.literals.map((l) => l.text)).toEqual(['0']);
    const step = ofKind(sites, 'identifier').find((s) => s.name === 'step' && s.line === 6);
    expect(step?.names.map((n) => n.name)).toEqual(expect.arrayContaining(['step', 'i', 'best']));
    expect(ofKind(sites, 'identifier').find((s) => s.name === 'best' && s.line === 7)?.role).toBe('update');
  });

  it('groups attributes by object, and this.x by class', () => {
    const width = ofKind(sites, 'attribute').find((s) => s.name === 'width');
    expect(width && { object: width.object, siblings: width.siblings, text: textOf(jsScopes, width.nameRange) }).toEqual({ object: 'this', siblings: ['height'], text: 'width' });
  });

  it('reports statements on whole lines with their indentation, block position and loop context', () => {
    const statements = ofKind(sites, 'statement');
    const brk = statements.find((s) => s.statement === 'break');
    expect(brk).toBeUndefined(); // `if (…) break;` shares its line with the if
    const add = statements.find((s) => s.statement === 'augmented-assignment' && s.line === 7);
    expect(add && { indent: add.indent, alone: add.alone, first: add.first, inLoop: add.inLoop, lines: textOf(jsScopes, add.lines) }).toEqual({
      indent: '    ',
      alone: false,
      first: false,
      inLoop: true,
      lines: '    best += step;\n',
    });
    expect(add?.copies.map((c) => c.text)).toEqual(['best += step;', 'return best;']);
  });

  it('gives conditions their precedence, slot and the other sub-conditions of the function', () => {
    const [condition] = ofKind(sites, 'condition').filter((s) => s.line === 6);
    expect(condition && { precedence: condition.precedence, slot: condition.slot, alternatives: condition.alternatives.map((a) => a.text) }).toEqual({
      precedence: 7.5,
      slot: 0,
      alternatives: ['i < width', 'step > LIMIT'],
    });
  });
});

const pyScopes = `import math
RATE = 2


class Shape:
    kind = "shape"

    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height


def scale(values, factor=1):
    out = []
    for v in values:
        if v > 0:
            out.append(v * factor)
        elif v < 0:
            out.append(abs(v))
    squares = [x * x for x in out]
    return out[: len(out) - 1]
`;

describe('parsePython: scopes, attributes, statements', async () => {
  const { sites } = await parsePython(pyScopes, 'shapes.py', { cwd: process.cwd() });

  it('lists function names first, leaves modules and class bodies out, knows comprehension variables', () => {
    const out = ofKind(sites, 'identifier').find((s) => s.name === 'out' && s.line === 24);
    expect(out?.names.map((n) => `${n.name}${n.local ? '' : '*'}`)).toEqual(['values', 'factor', 'out', 'v', 'squares', 'RATE*', 'Shape*', 'scale*']);
    expect(out?.literals.map((l) => l.text)).toEqual(['[]']);
    const x = ofKind(sites, 'identifier').find((s) => s.name === 'x');
    expect(x?.names[0]?.name).toBe('x');
    const width = ofKind(sites, 'identifier').find((s) => s.name === 'width' && s.line === 9);
    expect(width?.names.some((n) => n.name === 'kind')).toBe(false); // class attributes are not in a method's scope
  });

  it('groups self attributes by class', () => {
    const widths = ofKind(sites, 'attribute').filter((s) => s.name === 'width');
    expect(widths.map((s) => s.siblings)).toEqual([['height'], ['height']]);
  });

  it('reports statements of every block with whole lines, but not elif branches', () => {
    const statements = ofKind(sites, 'statement');
    expect(statements.some((s) => s.line === 21)).toBe(false); // elif
    const append = statements.find((s) => s.line === 20);
    expect(append && { indent: append.indent, alone: append.alone, first: append.first, inLoop: append.inLoop, statement: append.statement }).toEqual({
      indent: '            ',
      alone: true,
      first: true,
      inLoop: true,
      statement: 'expression',
    });
    expect(append?.copies[0]?.text).toBe('out = []');
  });

  it('finds integer bounds with their offsets, and values with the one-argument functions of the file', () => {
    const bound = ofKind(sites, 'bound').find((s) => s.offset);
    expect(bound && [textOf(pyScopes, bound.range), bound.offset?.by, textOf(pyScopes, bound.offset?.base ?? bound.range)]).toEqual(['len(out) - 1', -1, 'len(out)']);
    const value = ofKind(sites, 'value').find((s) => s.line === 20);
    expect(value?.callables).toEqual(['abs', 'len']);
  });
});
