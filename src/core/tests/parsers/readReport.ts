import { ReportError, type RunArtifacts } from '../frameworks/adapter';
import { firstLines } from './failureText';

/**
 * The one report file a run was planned to write. Missing or empty is a ReportError that says what
 * the process did instead, so "the runner crashed" reads differently from "the report is bad".
 */
export function requireReport(artifacts: RunArtifacts, file: string, what: string): string {
  const text = artifacts.reports.get(file);
  if (text === undefined) {
    throw new ReportError(`${what} wrote no report to ${file} (exit code ${artifacts.exitCode ?? 'none'})${outputHint(artifacts.output)}`);
  }
  if (text.trim() === '') throw new ReportError(`${what} report ${file} is empty`);
  return text;
}

/** The last lines the process printed, as a hint for a report that is missing. */
export function outputHint(output: string): string {
  const tail = output.trimEnd().split(/\r?\n/).slice(-3).join('\n');
  const hint = firstLines(tail, 3);
  return hint ? `; it printed: ${hint}` : '';
}
