import { join } from 'node:path';
import type { TestCase } from '../model';
import { parseJestJson } from '../parsers/jestJson';
import { requireReport } from '../parsers/readReport';
import type { FrameworkAdapter, ParsedReport, PlanContext, PlannedRun, RunArtifacts } from './adapter';
import { focusFiles, fullNameFilter, readFocus, withoutFilteredOut, writeFocus } from './focus';
import { detectJsFramework } from './jsDetection';
import { nodeToolInvocation } from './nodeBin';
import { optionWords, testScriptArguments, wordMatcher } from './testScript';

const runsJest = wordMatcher('jest');

/** jest options whose value is the next word, so a script's `--config jest.unit.js` stays together. */
const TAKES_VALUE = new Set([
  '--config', '-c', '--testNamePattern', '-t', '--testPathPattern', '--testPathPatterns', '--testPathIgnorePatterns', '--outputFile',
  '--reporters', '--maxWorkers', '-w', '--selectProjects', '--ignoreProjects', '--shard', '--testTimeout', '--rootDir', '--roots',
  '--coverageDirectory', '--coverageProvider', '--coverageReporters', '--collectCoverageFrom', '--testEnvironment', '--testRunner',
  '--testMatch', '--testRegex', '--setupFiles', '--setupFilesAfterEnv', '--globalSetup', '--globalTeardown', '--seed',
  '--maxConcurrency', '--changedSince', '--preset', '--projects', '--resolver', '--cacheDirectory', '--workerIdleMemoryLimit',
]);

/** What LoopGain sets itself, or what would stop a run from reporting every test (watch mode, only changed files). */
const DROPPED = new Set([
  '--json', '--outputFile', '--watch', '--watchAll', '--testNamePattern', '-t', '--runTestsByPath', '--listTests', '--showConfig',
  '--onlyChanged', '-o', '--changedSince', '--findRelatedTests', '--lastCommit',
]);

const reportFile = (context: PlanContext): string => join(context.reportDir, 'jest-report.json');

export const jestAdapter: FrameworkAdapter = {
  framework: 'jest',
  detect: (facts) =>
    detectJsFramework(facts, {
      framework: 'jest',
      runs: runsJest,
      packages: ['jest', 'ts-jest'],
      configFile: /^jest\.config\.(js|cjs|mjs|ts|cts|mts|json)$/,
      packageJsonKey: 'jest',
    }),
  plan: planJest,
  parse: parseJest,
};

function planJest(context: PlanContext, focus?: readonly TestCase[]): PlannedRun {
  const report = reportFile(context);
  const script = testScriptArguments(context.cwd, runsJest, TAKES_VALUE);
  const reporting = ['--json', `--outputFile=${report}`];
  const base = { invocation: nodeToolInvocation(context.cwd, 'jest'), reportFiles: [report] };
  if (!focus || focus.length === 0) return { ...base, args: [...optionWords(script.options, DROPPED), ...script.positionals, ...reporting] };
  writeFocus(context.reportDir, focus);
  const files = focusFiles(focus);
  const names = fullNameFilter(focus);
  // -t matches "<describe> … <test>" joined with spaces (case-insensitively); --runTestsByPath
  // takes the files as paths, not as the regexes jest's positional arguments otherwise are.
  return {
    ...base,
    args: [...optionWords(script.options, DROPPED), ...reporting, ...(files ? ['--runTestsByPath', ...files] : []), ...(names ? ['-t', names] : [])],
    broaderThanFocus: names === undefined,
  };
}

function parseJest(artifacts: RunArtifacts, context: PlanContext): ParsedReport {
  const file = reportFile(context);
  const parsed = parseJestJson(requireReport(artifacts, file, 'jest'), context.cwd, `jest report ${file}`);
  return { ...parsed, tests: withoutFilteredOut(parsed.tests, readFocus(context.reportDir)) };
}
