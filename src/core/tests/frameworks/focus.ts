import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestCase } from '../model';

/** Escapes every character a JavaScript RegExp treats specially. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One anchored pattern matching exactly these names (and, for a runner that joins names with spaces, nothing shorter or longer). */
export function exactNamesPattern(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return `^(?:${unique.map(escapeRegExp).join('|')})$`;
}

/** Past this many characters the name filter is left out and the focused files run whole (Windows caps a command line at 32 767). */
export const MAX_FILTER_CHARS = 8000;

/** How jest, vitest and mocha name a test for their filters: its suites and its name joined with spaces. */
export const spacedFullName = (t: TestCase): string => [...t.suitePath, t.name].join(' ');

/**
 * The name filter for the focus, or undefined when it would not fit on a command line. Exact but
 * for names that only differ in where the spaces between suites fall (and, for jest, in case).
 */
export function fullNameFilter(focus: readonly TestCase[]): string | undefined {
  const pattern = exactNamesPattern(focus.map(spacedFullName));
  return pattern.length <= MAX_FILTER_CHARS ? pattern : undefined;
}

/** The distinct files of the focused tests, or undefined when one of them has no file (then every file must run). */
export function focusFiles(focus: readonly TestCase[]): string[] | undefined {
  if (focus.some((t) => t.file === '')) return undefined;
  return [...new Set(focus.map((t) => t.file))];
}

/**
 * jest and vitest report the tests their name filter left out as skipped, exactly like an `it.skip`.
 * Taken at face value a focused run would then "skip" every other test of the file. plan() leaves
 * the focus in the run's report directory so that parse() can drop those.
 */
const FOCUS_FILE = 'loopgain-focus.json';

export function writeFocus(reportDir: string, focus: readonly TestCase[]): void {
  writeFileSync(join(reportDir, FOCUS_FILE), JSON.stringify(focus.map((t) => t.id)));
}

export function readFocus(reportDir: string): ReadonlySet<string> | undefined {
  const file = join(reportDir, FOCUS_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const ids: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(ids) ? new Set(ids.map(String)) : undefined;
  } catch {
    return undefined; // only plan() writes it; an unreadable one means no focus
  }
}

/** Drops the skipped tests that were not asked for: the name filter skipped them, not the code. */
export function withoutFilteredOut(tests: readonly TestCase[], focus: ReadonlySet<string> | undefined): readonly TestCase[] {
  if (!focus) return tests;
  return tests.filter((t) => t.status !== 'skipped' || focus.has(t.id));
}
