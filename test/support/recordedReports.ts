import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fixture projects, on this machine. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A report recorded from a real run, from test/fixtures/reports/<framework>/<name>. */
export function recordedReport(framework: string, name: string): string {
  return readFileSync(new URL(`../fixtures/reports/${framework}/${name}`, import.meta.url), 'utf8');
}

/**
 * Where the JS reports were recorded: their absolute paths start here, whatever machine the unit
 * tests run on (parsing never touches the disk, so the recorded root serves as the workspace).
 */
export const recordedRoot = (fixture: string): string => `/work/main/test/fixtures/${fixture}`;
