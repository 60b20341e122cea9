import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runProcess, type ProcessResult, type ProcessSpec } from '../process/runProcess';
import { shellLine } from '../process/shellQuote';
import type { TestSetup } from './detectFramework';
import { ReportError, type PlanContext, type PlannedRun } from './frameworks/adapter';
import type { TestCase, TestRun } from './model';

export interface RunTestsOptions {
  readonly setup: TestSetup;
  /** Absolute path of the workspace folder. */
  readonly cwd: string;
  /** Only these tests (a focused re-run); all tests when undefined. */
  readonly focus?: readonly TestCase[];
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** The environment of the run; defaults to this process's. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * A run that times out is first interrupted like Ctrl+C and given this long before it is killed:
 * runners then print where they were stuck (pytest: the file and line of the hanging loop), which
 * the output carries to the fixers.
 */
export const INTERRUPT_GRACE_MS = 3000;

/** Runs the tests once and turns whatever happened into a TestRun; never throws for a bad run. */
export async function runTests(options: RunTestsOptions): Promise<TestRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'loopgain-report-'));
  try {
    return await runInto(reportDir, options);
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

async function runInto(reportDir: string, given: RunTestsOptions): Promise<TestRun> {
  // Adapters pass the folder on to runners (pytest's --rootdir, frames resolved against it): always absolute.
  const options = { ...given, cwd: resolve(given.cwd) };
  const { setup } = options;
  const env = { ...(options.env ?? process.env) };
  const context: PlanContext = { cwd: options.cwd, reportDir };
  const planned: PlannedRun | undefined = setup.kind === 'framework' ? setup.adapter.plan(context, options.focus) : undefined;
  const userCommand = setup.kind === 'command-only' ? setup.command : setup.command;
  const base = { cwd: options.cwd, env: { ...env, ...planned?.env }, timeoutMs: options.timeoutMs, signal: options.signal, interruptGraceMs: INTERRUPT_GRACE_MS };
  const spec: ProcessSpec = userCommand
    ? { ...base, command: shellLine(userCommand, planned?.args ?? []), shell: true }
    : { ...base, command: planned?.invocation[0] as string, args: [...(planned?.invocation.slice(1) ?? []), ...(planned?.args ?? [])] };
  const commandText = spec.shell ? spec.command : [spec.command, ...(spec.args ?? [])].join(' ');

  const startedAt = Date.now();
  const result = await runProcess(spec);
  const common = {
    framework: setup.kind === 'framework' ? setup.adapter.framework : ('custom' as const),
    output: result.output,
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    command: commandText,
    focusedOn: options.focus?.map((t) => t.id),
  };
  const ended = endedEarly(result, options.timeoutMs);
  if (ended) return { ...common, ...ended, tests: [] };

  if (setup.kind === 'command-only') {
    // Without a framework there are no test identities: the command itself is the one test.
    const status = result.exitCode === 0 ? 'passed' : 'failed';
    const test: TestCase = { id: `command: ${setup.command}`, file: '', suitePath: [], name: setup.command, status, stack: [] };
    return { ...common, outcome: 'completed', tests: [test] };
  }

  const reports = readReports(planned, startedAt);
  try {
    const parsed = setup.adapter.parse({ reports, output: result.output.text, exitCode: result.exitCode }, context);
    if (parsed.collectionError) return { ...common, outcome: 'collection-error', problem: parsed.collectionError, tests: parsed.tests };
    return { ...common, outcome: 'completed', tests: parsed.tests };
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    return { ...common, outcome: 'runner-error', problem: `${setup.adapter.framework} report unusable: ${error.message}`, tests: [] };
  }
}

function endedEarly(result: ProcessResult, timeoutMs: number): Pick<TestRun, 'outcome' | 'problem'> | undefined {
  switch (result.termination) {
    case 'timed-out':
      return { outcome: 'timed-out', problem: `timed out after ${Math.round(timeoutMs / 1000)} s; the process tree was killed` };
    case 'cancelled':
      return { outcome: 'cancelled', problem: 'cancelled; the process tree was killed' };
    case 'failed-to-start':
      return { outcome: 'runner-error', problem: `could not start the test command (${result.startError ?? 'unknown error'})` };
    case 'exited':
      return undefined;
  }
}

/** The planned report files that exist, and the files in planned report directories written since `since`. */
function readReports(planned: PlannedRun | undefined, since: number): Map<string, string> {
  const reports = new Map<string, string>();
  for (const file of planned?.reportFiles ?? []) {
    if (existsSync(file)) reports.set(file, readFileSync(file, 'utf8'));
  }
  for (const dir of planned?.reportDirs ?? []) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      const stat = statSync(file);
      // mtime resolution can be coarse: allow a second of slack before the run started
      if (stat.isFile() && stat.mtimeMs >= since - 1000) reports.set(file, readFileSync(file, 'utf8'));
    }
  }
  return reports;
}
