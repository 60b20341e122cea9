import { runProcess } from '../../process/runProcess';
import { SourceParseError } from './javascriptSites';
import type { Definition, MutationSite, ParsedSource, Range } from './mutationSites';
import { findOperator } from './javascriptSites';
import helperSource from './pythonSites.py';

/** [line, column, endLine, endColumn] as the helper prints them: 1-based lines, character columns. */
type Span = [number, number, number, number];

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
  });
  if (result.termination !== 'exited' || result.exitCode !== 0) {
    throw new SourceParseError(`could not parse ${path} with ${python}: ${result.startError ?? result.output.text.trim().slice(-300) ?? result.termination}`);
  }
  let parsed: { sites?: HelperSite[]; definitions?: Definition[]; error?: string };
  try {
    parsed = JSON.parse(result.output.text) as typeof parsed;
  } catch {
    throw new SourceParseError(`the Python parser helper printed something unexpected for ${path}`);
  }
  if (parsed.error) throw new SourceParseError(`${path} does not parse: ${parsed.error}`);
  const offsets = lineOffsets(source);
  const at = (line: number, column: number): number => (offsets[line - 1] ?? source.length) + column;
  const range = (s: Span): Range => ({ start: at(s[0], s[1]), end: at(s[2], s[3]) });
  return { sites: (parsed.sites ?? []).flatMap((s) => toSite(s, source, range)), definitions: parsed.definitions ?? [] };
}

function toSite(s: HelperSite, source: string, range: (s: Span) => Range): MutationSite[] {
  switch (s.kind) {
    case 'binary': {
      if (!s.left || !s.right || !s.operator || !s.category) return [];
      const left = range(s.left);
      const right = range(s.right);
      const operatorRange = findPythonOperator(source, s.operator, left.end, right.start);
      return operatorRange ? [{ kind: 'binary', line: s.line, category: s.category, operator: s.operator, operatorRange, left, right }] : [];
    }
    case 'number':
      return s.range && typeof s.value === 'number' ? [{ kind: 'number', line: s.line, range: range(s.range), value: s.value }] : [];
    case 'boolean':
      return s.range && typeof s.value === 'boolean' ? [{ kind: 'boolean', line: s.line, range: range(s.range), value: s.value }] : [];
    case 'call':
      return s.calleeName && s.callee !== undefined
        ? [{ kind: 'call', line: s.line, callee: s.callee, calleeNameRange: range(s.calleeName), args: (s.args ?? []).map(range) }]
        : [];
    case 'condition':
      return s.range ? [{ kind: 'condition', line: s.line, range: range(s.range) }] : [];
    case 'negation':
      return s.range && s.operand ? [{ kind: 'negation', line: s.line, range: range(s.range), operand: range(s.operand) }] : [];
    case 'return':
      return s.range ? [{ kind: 'return', line: s.line, range: range(s.range) }] : [];
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
