import type { TestCase } from '../../tests/model';
import type { Definition } from './mutationSites';
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

/**
 * Ranks source lines by how the failing tests point at them. Stack frames in non-test files are
 * the strongest evidence (and the rest of their function a weaker one: the wrong bound is often a
 * few lines above the line that failed). A failing assertion often has no frame inside the code
 * under test; then the functions the failing test calls are the suspects.
 */
export async function localise(input: LocaliseInput): Promise<SuspiciousLine[]> {
  const scores = new Map<string, number>();
  const bump = (path: string, line: number, by: number): void => {
    const key = `${path}:${line}`;
    scores.set(key, (scores.get(key) ?? 0) + by);
  };
  const definitionsOf = async (path: string): Promise<readonly Definition[]> => {
    const text = await input.readText(path).catch(() => undefined);
    if (text === undefined || !languageOf(path)) return [];
    return (await input.parser.parse(path, text).catch(() => ({ definitions: [] }))).definitions;
  };

  for (const test of input.failing) {
    const codeFrames = test.stack.filter((f) => f.inWorkspace && !isTestFile(f.file) && languageOf(f.file));
    const seen = new Set<string>();
    for (const frame of codeFrames) {
      if (seen.has(`${frame.file}:${frame.line}`)) continue;
      seen.add(`${frame.file}:${frame.line}`);
      bump(frame.file, frame.line, FRAME_LINE);
      const enclosing = innermost(await definitionsOf(frame.file), frame.line);
      if (enclosing) for (let l = enclosing.startLine; l <= enclosing.endLine; l++) if (l !== frame.line) bump(frame.file, l, FRAME_FUNCTION);
    }
    if (codeFrames.length === 0) await suspectCalledFunctions(test, input, definitionsOf, bump);
  }

  return [...scores.entries()]
    .map(([key, score]) => {
      const at = key.lastIndexOf(':');
      return { path: key.slice(0, at), line: Number(key.slice(at + 1)), score };
    })
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path) || a.line - b.line);
}

async function suspectCalledFunctions(
  test: TestCase,
  input: LocaliseInput,
  definitionsOf: (path: string) => Promise<readonly Definition[]>,
  bump: (path: string, line: number, by: number) => void,
): Promise<void> {
  const testFrame = test.stack.find((f) => f.inWorkspace && isTestFile(f.file));
  const testFile = testFrame?.file ?? test.file;
  const text = testFile ? await input.readText(testFile).catch(() => undefined) : undefined;
  if (!testFile || text === undefined || !languageOf(testFile)) return;
  const parsed = await input.parser.parse(testFile, text).catch(() => undefined);
  if (!parsed) return;
  // The test's own function (a named test, or the callback of `test('…', () => …)`); else the whole file.
  const scope = testFrame ? innermost(parsed.definitions, testFrame.line) : undefined;
  const called = new Set(
    parsed.sites
      .filter((s) => s.kind === 'call' && (!scope || (s.line >= scope.startLine && s.line <= scope.endLine)))
      .map((s) => (s.kind === 'call' ? (s.callee.split('.').pop() ?? s.callee) : '')),
  );
  const language = languageOf(testFile);
  for (const path of input.sourceFiles) {
    if (languageOf(path) !== language) continue;
    for (const d of await definitionsOf(path)) {
      if (d.name === undefined || !called.has(d.name)) continue;
      for (let l = d.startLine; l <= d.endLine; l++) bump(path, l, CALLED_FUNCTION);
    }
  }
}

/** The smallest definition containing the line. */
function innermost(definitions: readonly Definition[], line: number): Definition | undefined {
  return definitions.filter((d) => d.startLine <= line && line <= d.endLine).sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine))[0];
}
