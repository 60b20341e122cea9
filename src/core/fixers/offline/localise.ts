import { isNoVerdict, type TestCase } from '../../tests/model';
import type { Definition, MutationSite, ParsedSource } from './mutationSites';
import type { SourceParser } from './sourceParser';
import { isTestFile, languageOf } from './testFiles';

/** A line of source under suspicion, with how strongly the failing tests point at it. */
export interface SuspiciousLine {
  readonly path: string;
  readonly line: number;
  readonly score: number;
}

export interface LocaliseInput {
  readonly failing: readonly TestCase[];
  readonly parser: SourceParser;
  readonly readText: (path: string) => Promise<string | undefined>;
  /** Source files that may hold the code under test (non-test files of the workspace). */
  readonly sourceFiles: readonly string[];
}

/** Weights: a frame's own line, the rest of its function, and functions a test calls when no frame reaches the code. */
const FRAME_LINE = 1;
const FRAME_FUNCTION = 0.3;
const CALLED_FUNCTION = 0.5;
/** A function reached through one more call counts this much less than its caller... */
const CALL_DEPTH_DECAY = 0.8;
/** ... and calls are followed this deep from the test. */
const MAX_CALL_DEPTH = 4;

/**
 * Ranks source lines by how the failing tests point at them. Stack frames in non-test files are
 * the strongest evidence (and the rest of their function a weaker one: the wrong bound is often a
 * few lines above the line that failed). A failing assertion often has no frame inside the code
 * under test; then the suspects are the functions the failing test reaches through calls, each
 * counted once per failing test: a helper that several failing tests reach by different paths
 * collects all their votes (the common cause), and one call further away counts a little less.
 */
export async function localise(input: LocaliseInput): Promise<SuspiciousLine[]> {
  const scores = new Map<string, number>();
  const bump = (path: string, line: number, by: number): void => {
    const key = `${path}:${line}`;
    scores.set(key, (scores.get(key) ?? 0) + by);
  };
  const parsedOf = async (path: string): Promise<ParsedSource | undefined> => {
    const text = await input.readText(path).catch(() => undefined);
    if (text === undefined || !languageOf(path)) return undefined;
    return input.parser.parse(path, text).catch(() => undefined);
  };
  const definitionsOf = async (path: string): Promise<readonly Definition[]> => (await parsedOf(path))?.definitions ?? [];
  const graphs = new Map<string, Promise<CallGraph>>();
  const graphFor = (testFile: string): Promise<CallGraph> => {
    const language = languageOf(testFile) as string;
    const files = [...new Set([...input.sourceFiles.filter((p) => languageOf(p) === language), testFile])];
    const key = `${language}\0${testFile}`;
    let graph = graphs.get(key);
    if (!graph) graphs.set(key, (graph = callGraph(files, parsedOf)));
    return graph;
  };

  for (const test of input.failing) {
    const codeFrames = test.stack.filter((f) => f.inWorkspace && !isTestFile(f.file) && languageOf(f.file));
    // A run without a verdict that left frames was interrupted somewhere (a hang: pytest names the
    // line it was stuck on). That line is where the loop was, not what is wrong: its whole function is suspect.
    const rest = isNoVerdict(test) ? FRAME_LINE : FRAME_FUNCTION;
    const seen = new Set<string>();
    for (const frame of codeFrames) {
      if (seen.has(`${frame.file}:${frame.line}`)) continue;
      seen.add(`${frame.file}:${frame.line}`);
      bump(frame.file, frame.line, FRAME_LINE);
      const enclosing = innermost(await definitionsOf(frame.file), frame.line);
      if (enclosing) for (let l = enclosing.startLine; l <= enclosing.endLine; l++) if (l !== frame.line) bump(frame.file, l, rest);
    }
    if (codeFrames.length === 0) await suspectReachedFunctions(test, input, parsedOf, graphFor, bump);
  }

  return [...scores.entries()]
    .map(([key, score]) => {
      const at = key.lastIndexOf(':');
      return { path: key.slice(0, at), line: Number(key.slice(at + 1)), score };
    })
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path) || a.line - b.line);
}

/** A named function of the workspace and the names it calls. */
interface FunctionNode {
  readonly path: string;
  readonly definition: Definition;
  readonly calls: ReadonlySet<string>;
}

/** Functions by name (a name may be defined in several files), over the given files. */
type CallGraph = ReadonlyMap<string, readonly FunctionNode[]>;

/** The last name of each call in the line range (`items.some` → `some`): calls are matched by name. */
function calledNames(sites: readonly MutationSite[], from = 1, to = Number.POSITIVE_INFINITY): Set<string> {
  const names = new Set<string>();
  for (const s of sites) if (s.kind === 'call' && s.line >= from && s.line <= to) names.add(s.callee.split('.').pop() ?? s.callee);
  return names;
}

async function callGraph(files: readonly string[], parsedOf: (path: string) => Promise<ParsedSource | undefined>): Promise<CallGraph> {
  const graph = new Map<string, FunctionNode[]>();
  for (const path of files) {
    const parsed = await parsedOf(path);
    if (!parsed) continue;
    for (const definition of parsed.definitions) {
      if (definition.name === undefined) continue;
      const node = { path, definition, calls: calledNames(parsed.sites, definition.startLine, definition.endLine) };
      graph.set(definition.name, [...(graph.get(definition.name) ?? []), node]);
    }
  }
  return graph;
}

/**
 * Follows the calls of the failing test's own function (else its whole file) through the
 * workspace's functions, breadth first, and bumps every non-test function it reaches once. Test
 * helpers are followed but never suspected.
 */
async function suspectReachedFunctions(
  test: TestCase,
  input: LocaliseInput,
  parsedOf: (path: string) => Promise<ParsedSource | undefined>,
  graphFor: (testFile: string) => Promise<CallGraph>,
  bump: (path: string, line: number, by: number) => void,
): Promise<void> {
  const testFrame = test.stack.find((f) => f.inWorkspace && isTestFile(f.file));
  const testFile = testFrame?.file ?? test.file;
  if (!testFile || !languageOf(testFile)) return;
  const parsed = await parsedOf(testFile);
  if (!parsed) return;
  // The test's own function (a named test, or the callback of `test('…', () => …)`); else the whole file.
  const scope = testFrame ? innermost(parsed.definitions, testFrame.line) : undefined;
  const graph = await graphFor(testFile);
  const reached = new Set<FunctionNode>();
  let names = calledNames(parsed.sites, scope?.startLine, scope?.endLine);
  for (let depth = 0; depth < MAX_CALL_DEPTH && names.size > 0; depth++) {
    const next = new Set<string>();
    for (const name of names) {
      for (const node of graph.get(name) ?? []) {
        if (reached.has(node)) continue;
        reached.add(node);
        for (const callee of node.calls) next.add(callee);
        if (isTestFile(node.path)) continue;
        const { startLine, endLine } = node.definition;
        for (let l = startLine; l <= endLine; l++) bump(node.path, l, CALLED_FUNCTION * CALL_DEPTH_DECAY ** depth);
      }
    }
    names = next;
  }
}

/** The smallest definition containing the line. */
function innermost(definitions: readonly Definition[], line: number): Definition | undefined {
  return definitions.filter((d) => d.startLine <= line && line <= d.endLine).sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine))[0];
}
