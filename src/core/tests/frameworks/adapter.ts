import type { Framework, TestCase } from '../model';
import type { WorkspaceFolderFacts } from '../workspaceFacts';

/**
 * One test framework: how to recognise it in a folder, how to run it (all tests, or only some),
 * and how to read what it reports. Adapters are plain data + small functions; running the process
 * and timing it is `runTests`' job, not theirs.
 */
export interface FrameworkAdapter {
  readonly framework: Framework;
  /** Evidence that `folder` uses this framework (e.g. "pytest.ini", "package.json devDependencies.jest"), or undefined. */
  detect(folder: WorkspaceFolderFacts): Detection | undefined;
  /** The command line for a full run, or for only the given tests (a focused re-run). */
  plan(context: PlanContext, focus?: readonly TestCase[]): PlannedRun;
  /** Reads the run's report (and output) into tests; throws ReportError when the report is unusable. */
  parse(artifacts: RunArtifacts, context: PlanContext): ParsedReport;
}

export interface Detection {
  readonly framework: Framework;
  /** What was found, for the "how it was detected" line of the trace. */
  readonly evidence: string;
  /** Higher wins when several frameworks match one folder (e.g. vitest over a leftover jest config). */
  readonly confidence: number;
}

export interface PlanContext {
  /** Absolute path of the workspace folder; the run's cwd. */
  readonly cwd: string;
  /** A fresh directory for this run's report files; deleted by the caller afterwards. */
  readonly reportDir: string;
}

export interface PlannedRun {
  /** How the framework is invoked (e.g. ["python3", "-m", "pytest"]); a configured test command replaces it. */
  readonly invocation: readonly string[];
  /** What the adapter adds: reporter options and the focus (kept when the invocation is replaced). */
  readonly args: readonly string[];
  /** Extra environment for the run (merged over the caller's). */
  readonly env?: Readonly<Record<string, string>>;
  /** Files the adapter expects the run to write its report to (absolute). */
  readonly reportFiles?: readonly string[];
  /**
   * Directories whose files the run writes its reports into, when the names are not known in
   * advance (Surefire, Gradle). Only files written during this run are read, so a stale report
   * from an earlier build is never mistaken for this run's.
   */
  readonly reportDirs?: readonly string[];
  /** The adapter could not express the focus exactly and runs more than asked (e.g. a whole file). */
  readonly broaderThanFocus?: boolean;
}

export interface RunArtifacts {
  /** Contents of each report file that exists (absolute path → text): planned files, and fresh files in planned directories. */
  readonly reports: ReadonlyMap<string, string>;
  /** Whatever the process printed (stdout + stderr, capped). */
  readonly output: string;
  readonly exitCode: number | null;
}

export interface ParsedReport {
  readonly tests: readonly TestCase[];
  /** Set when the framework could not collect or compile: the run is a collection error, not "0 failures". */
  readonly collectionError?: string;
}

/** A report that exists but cannot be read: malformed, truncated, or of the wrong shape. */
export class ReportError extends Error {
  override readonly name = 'ReportError';
}
