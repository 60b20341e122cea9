import { runProcess } from '../../process/runProcess';
import { PRECEDENCE } from './expressions';
import { SourceParseError } from './javascriptSites';
import type { Definition, LiteralKind, MutationSite, ParsedSource, Range, ScopeName } from './mutationSites';
import { conditionSites, statementSites, type RawCondition, type RawStatement } from './siteContext';
import { findOperator } from './javascriptSites';
import helperSource from './pythonSites.py';

/** [line, column, endLine, endColumn] as the helper prints them: 1-based lines, character columns. */
type Span = [number, number, number, number];

/** Field names as in MutationSite, positions as spans, lists shared by many sites as table indices. */
interface HelperSite {
  readonly kind: MutationSite['kind'];
  readonly line: number;
  readonly category?: 'comparison' | 'arithmetic' | 'logical';
  readonly operator?: string;
  readonly left?: Span;
  readonly right?: Span;
  readonly range?: Span;
  readonly operand?: Span;
  readonly value?: number | boolean;
  readonly callee?: string;
  readonly calleeName?: Span;
  readonly args?: Span[];
  readonly precedence?: number;
  readonly slot?: number;
  readonly name?: string;
  readonly role?: string;
  readonly names?: number;
  readonly literals?: [string, number][];
  readonly object?: string;
  readonly nameRange?: Span;
  readonly siblings?: string[];
  readonly literal?: LiteralKind;
  readonly offset?: { base: Span; basePrecedence: number; by: number };
  readonly callables?: number;
  readonly call?: { callee: string; argument: Span; argumentPrecedence: number };
  readonly within?: string;
  readonly elements?: Span[];
  readonly precedences?: [number, number];
  readonly slots?: [number, number];
}

interface HelperStatement extends Omit<RawStatement, 'line' | 'endLine' | 'range' | 'names' | 'occurrences'> {
  readonly range: Span;
  readonly names: number;
  readonly occurrences: [string, Span, boolean, number | null][];
}

interface HelperCondition extends Omit<RawCondition, 'range' | 'atoms' | 'inner'> {
  readonly range: Span;
  readonly atoms: [...Span, number][];
  readonly inner: Span[];
}

interface HelperOutput {
  readonly sites?: HelperSite[];
  readonly definitions?: Definition[];
  readonly statements?: HelperStatement[];
  readonly conditions?: HelperCondition[];
  readonly booleans?: [string, number, number][];
  readonly tables?: { names: [string, ScopeName['kind'], boolean, number | null][][]; callables: string[]; callableSets: number[][] };
  readonly error?: string;
}

export interface PythonParserOptions {
  /** The workspace's interpreter: `python3` by default (`python` on Windows). */
  readonly python?: string;
  readonly cwd: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * The mutation sites and functions of a Python file, from Python's own `ast` module run with the
 * workspace's interpreter (so the grammar is always the workspace's Python version).
 */
export async function parsePython(source: string, path: string, options: PythonParserOptions): Promise<ParsedSource> {
  const python = options.python ?? (process.platform === 'win32' ? 'python' : 'python3');
  const result = await runProcess({
    command: python,
    args: ['-c', helperSource],
    input: source,
    cwd: options.cwd,
    env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' },
    timeoutMs: options.timeoutMs ?? 20_000,
    signal: options.signal,
    keepHeadBytes: HELPER_OUTPUT_BYTES,
  });
  if (result.termination !== 'exited' || result.exitCode !== 0) {
    throw new SourceParseError(`could not parse ${path} with ${python}: ${result.startError ?? result.output.text.trim().slice(-300) ?? result.termination}`);
  }
  let parsed: HelperOutput;
  try {
    parsed = JSON.parse(result.output.text) as typeof parsed;
  } catch {
    throw new SourceParseError(`the Python parser helper printed something unexpected for ${path}`);
  }
  if (parsed.error) throw new SourceParseError(`${path} does not parse: ${parsed.error}`);
  const offsets = lineOffsets(source);
  const at = (line: number, column: number): number => (offsets[line - 1] ?? source.length) + column;
  const range = (s: Span): Range => ({ start: at(s[0], s[1]), end: at(s[2], s[3]) });
  const tables = parsed.tables ?? { names: [], callables: [], callableSets: [] };
  const nameTables = tables.names.map((names) =>
    names.map(([name, kind, local, param]): ScopeName => (param === null ? { name, kind, local } : { name, kind, local, param })),
  );
  const callableSets = tables.callableSets.map((set) => set.map((i) => tables.callables[i] ?? '').filter((c) => c !== ''));
  const context: Context = { source, range, names: (i) => nameTables[i ?? -1] ?? [], callables: (i) => callableSets[i ?? -1] ?? [] };
  const statements: RawStatement[] = (parsed.statements ?? []).map((s) => ({
    ...s,
    line: s.range[0],
    endLine: s.range[2],
    range: range(s.range),
    names: context.names(s.names),
    occurrences: s.occurrences.map(([name, span, local, param]) => (param === null ? { name, range: range(span), local } : { name, range: range(span), local, param })),
  }));
  const conditions: RawCondition[] = (parsed.conditions ?? []).map((c) => ({
    ...c,
    range: range(c.range),
    atoms: c.atoms.map(([l, col, el, ec, precedence]) => ({ ...range([l, col, el, ec]), precedence })),
    inner: c.inner.map(range),
  }));
  const booleans = (parsed.booleans ?? []).map(([name, line, region]) => ({ name, line, region }));
  return {
    sites: [
      ...(parsed.sites ?? []).flatMap((s) => toSite(s, context)),
      ...conditionSites(source, conditions, booleans),
      ...statementSites(source, statements),
    ],
    definitions: parsed.definitions ?? [],
  };
}

/** The helper prints every site of a file at once; its JSON grows with the file (the default cap is for test logs). */
const HELPER_OUTPUT_BYTES = 256 * 1024 * 1024;

interface Context {
  readonly source: string;
  range(s: Span): Range;
  names(index: number | undefined): readonly ScopeName[];
  callables(index: number | undefined): readonly string[];
}

function toSite(s: HelperSite, { source, range, names, callables }: Context): MutationSite[] {
  switch (s.kind) {
    case 'binary': {
      if (!s.left || !s.right || !s.operator || !s.category) return [];
      const left = range(s.left);
      const right = range(s.right);
      const operatorRange = findPythonOperator(source, s.operator, left.end, right.start);
      const precedences = s.precedences ?? [PRECEDENCE.lowest, PRECEDENCE.lowest];
      const slots = s.slots ?? [PRECEDENCE.atom, PRECEDENCE.atom];
      return operatorRange ? [{ kind: 'binary', line: s.line, category: s.category, operator: s.operator, operatorRange, left, right, precedences, slots }] : [];
    }
    case 'number':
      return s.range && typeof s.value === 'number' ? [{ kind: 'number', line: s.line, range: range(s.range), value: s.value }] : [];
    case 'boolean':
      return s.range && typeof s.value === 'boolean' ? [{ kind: 'boolean', line: s.line, range: range(s.range), value: s.value }] : [];
    case 'call':
      return s.calleeName && s.callee !== undefined
        ? [{ kind: 'call', line: s.line, callee: s.callee, calleeNameRange: range(s.calleeName), args: (s.args ?? []).map(range) }]
        : [];
    case 'negation':
      return s.range && s.operand ? [{ kind: 'negation', line: s.line, range: range(s.range), operand: range(s.operand) }] : [];
    case 'return':
      return s.range ? [{ kind: 'return', line: s.line, range: range(s.range), precedence: s.precedence ?? 0 }] : [];
    case 'identifier':
      return s.range && s.name && (s.role === 'load' || s.role === 'callee' || s.role === 'update')
        ? [
            {
              kind: 'identifier',
              line: s.line,
              range: range(s.range),
              name: s.name,
              role: s.role,
              slot: s.slot ?? 15,
              names: names(s.names),
              literals: (s.literals ?? []).map(([text, precedence]) => ({ text, precedence })),
            },
          ]
        : [];
    case 'attribute':
      return s.nameRange && s.name && s.object !== undefined
        ? [{ kind: 'attribute', line: s.line, object: s.object, name: s.name, nameRange: range(s.nameRange), siblings: s.siblings ?? [] }]
        : [];
    case 'literal':
      return s.range && s.literal ? [{ kind: 'literal', line: s.line, range: range(s.range), literal: s.literal, names: names(s.names) }] : [];
    case 'bound': {
      if (!s.range) return [];
      const offset = s.offset && { base: range(s.offset.base), basePrecedence: s.offset.basePrecedence, by: s.offset.by };
      return [{ kind: 'bound', line: s.line, range: range(s.range), precedence: s.precedence ?? 15, slot: s.slot ?? 15, ...(offset ? { offset } : {}) }];
    }
    case 'value': {
      if (!s.range) return [];
      const call = s.call && { callee: s.call.callee, argument: range(s.call.argument), argumentPrecedence: s.call.argumentPrecedence };
      return [{ kind: 'value', line: s.line, range: range(s.range), slot: s.slot ?? 15, callables: callables(s.callables), ...(call ? { call } : {}), ...(s.within ? { within: s.within } : {}) }];
    }
    case 'elements':
      return s.elements && (s.role === 'tuple' || s.role === 'array' || s.role === 'subscripts')
        ? [{ kind: 'elements', line: s.line, role: s.role, elements: s.elements.map(range) }]
        : [];
    default:
      return []; // conditions and statements come in their own lists
  }
}

/** `is not` / `not in` may be written with any white space between their words. */
function findPythonOperator(source: string, operator: string, from: number, to: number): Range | undefined {
  const direct = findOperator(source, operator, from, to);
  if (direct || !operator.includes(' ')) return direct;
  const [first, second] = operator.split(' ') as [string, string];
  const head = findOperator(source, first, from, to);
  if (!head) return undefined;
  const tail = findOperator(source, second, head.end, to);
  return tail ? { start: head.start, end: tail.end } : undefined;
}

/** Offset of the start of each line, splitting on \r\n, \r and \n as Python's tokenizer does. */
export function lineOffsets(source: string): number[] {
  const offsets = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) offsets.push(i + 1);
  }
  return offsets;
}
