import { FORBIDDEN_SEGMENTS } from '../edits/pathSafety';
import type { TestCase } from '../tests/model';
import type { Workspace } from '../workspace/workspace';
import type { SourceExcerpt } from './fixer';

export interface GatherOptions {
  /** Lines kept on each side of a stack frame's line. */
  readonly radius?: number;
  /** Files up to this many lines are shown whole. */
  readonly wholeFileMaxLines?: number;
  /** Files read at most, in order of relevance. */
  readonly maxFiles?: number;
}

export const DEFAULT_RADIUS = 20;
export const DEFAULT_WHOLE_FILE_MAX_LINES = 200;
export const DEFAULT_MAX_FILES = 20;

/**
 * The source a fixer sees for the failing tests: the files their in-workspace stack frames name and
 * the tests' own files, most relevant first (frames in the order the failures print them, then test
 * files). A small file comes whole; a large one as ±radius line windows around the frame lines,
 * merged where they overlap or touch (a large test file without frames: around the test's name, or
 * its head). Binary, unreadable, missing and out-of-bounds files are skipped.
 */
export async function gatherSources(failing: readonly TestCase[], workspace: Workspace, options: GatherOptions = {}): Promise<SourceExcerpt[]> {
  const radius = options.radius ?? DEFAULT_RADIUS;
  const wholeMax = options.wholeFileMaxLines ?? DEFAULT_WHOLE_FILE_MAX_LINES;
  const wanted = collectFiles(failing);
  const excerpts: SourceExcerpt[] = [];
  for (const [path, want] of [...wanted].slice(0, options.maxFiles ?? DEFAULT_MAX_FILES)) {
    let text: string | undefined;
    try {
      text = await workspace.readText(path);
    } catch {
      continue; // binary or unreadable: nothing a model can read
    }
    if (text === undefined) continue;
    const lines = splitLines(text);
    if (lines.length === 0) continue;
    if (lines.length <= wholeMax) {
      excerpts.push({ path, startLine: 1, text, wholeFile: true, totalLines: lines.length });
      continue;
    }
    const centres = want.lines.length > 0 ? want.lines : locateTests(lines, want.testNames);
    for (const [start, end] of mergeWindows(centres, radius, lines.length)) {
      excerpts.push({ path, startLine: start, text: `${lines.slice(start - 1, end).join('\n')}\n`, wholeFile: false, totalLines: lines.length });
    }
  }
  return excerpts;
}

interface Wanted {
  readonly lines: number[];
  readonly testNames: string[];
}

function collectFiles(failing: readonly TestCase[]): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  const entry = (path: string): Wanted | undefined => {
    if (!isSafeRelative(path)) return undefined;
    let w = wanted.get(path);
    if (!w) wanted.set(path, (w = { lines: [], testNames: [] }));
    return w;
  };
  for (const test of failing) {
    for (const frame of test.stack) if (frame.inWorkspace && Number.isInteger(frame.line) && frame.line > 0) entry(frame.file)?.lines.push(frame.line);
  }
  for (const test of failing) if (test.file) entry(test.file)?.testNames.push(test.name);
  return wanted;
}

/** Frames are already workspace-relative; this refuses anything that could read outside it or in dependencies. */
function isSafeRelative(path: string): boolean {
  if (path === '' || path.includes('\0') || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) return false;
  return !path.split('/').some((s) => s === '..' || FORBIDDEN_SEGMENTS.has(s));
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** Lines where a test is defined, found by its name; the head of the file (imports, fixtures) when none is. */
function locateTests(lines: readonly string[], names: readonly string[]): number[] {
  const found: number[] = [];
  for (const name of names) {
    const bare = name.replace(/\[.*\]$/, '');
    const at = lines.findIndex((l) => bare !== '' && l.includes(bare));
    if (at !== -1) found.push(at + 1);
  }
  return found.length > 0 ? found : [1];
}

/** 1-based inclusive windows of ±radius around each line, clamped to the file, merged when they overlap or touch. */
export function mergeWindows(centres: readonly number[], radius: number, totalLines: number): [number, number][] {
  const windows = [...new Set(centres)]
    .filter((c) => c >= 1)
    .sort((a, b) => a - b)
    .map((c): [number, number] => [Math.max(1, Math.min(c, totalLines) - radius), Math.min(totalLines, c + radius)]);
  const merged: [number, number][] = [];
  for (const w of windows) {
    const last = merged.at(-1);
    if (last && w[0] <= last[1] + 1) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}
