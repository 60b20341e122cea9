import { join } from 'node:path';
import type { TestCase } from '../model';
import { parseJestJson } from '../parsers/jestJson';
import { requireReport } from '../parsers/readReport';
import type { FrameworkAdapter, ParsedReport, PlanContext, PlannedRun, RunArtifacts } from './adapter';
import { focusFiles, fullNameFilter, readFocus, withoutFilteredOut, writeFocus } from './focus';
import { detectJsFramework } from './jsDetection';
import { nodeToolInvocation } from './nodeBin';
import { optionWords, testScriptArguments, wordMatcher } from './testScript';

const runsVitest = wordMatcher('vitest');

/** vitest options whose value is the next word (most scripts use `--flag=value`, which needs no list). */
const TAKES_VALUE = new Set([
  '--config', '-c', '--root', '-r', '--dir', '--project', '--reporter', '--outputFile', '--testNamePattern', '-t', '--environment',
  '--pool', '--shard', '--maxWorkers', '--minWorkers', '--testTimeout', '--hookTimeout', '--mode', '--exclude', '--retry', '--bail',
]);

/** What LoopGain sets itself, or what would stop a run from reporting every test (watch mode, only changed files). */
const DROPPED = new Set(['--reporter', '--outputFile', '--watch', '-w', '--ui', '--testNamePattern', '-t', '--changed', '--run', '--open']);

/** `vitest`, `vitest run`, `vitest watch` all become `vitest run`. */
const SUBCOMMANDS = new Set(['run', 'watch', 'dev']);
const OTHER_COMMANDS = new Set(['bench', 'related', 'list', 'init', 'typecheck']);

const reportFile = (context: PlanContext): string => join(context.reportDir, 'vitest-report.json');

export const vitestAdapter: FrameworkAdapter = {
  framework: 'vitest',
  detect: (facts) =>
    detectJsFramework(facts, {
      framework: 'vitest',
      runs: runsVitest,
      packages: ['vitest'],
      configFile: /^vitest\.(config|workspace)\.(js|cjs|mjs|ts|cts|mts|json)$/,
    }),
  plan: planVitest,
  parse: parseVitest,
};

function planVitest(context: PlanContext, focus?: readonly TestCase[]): PlannedRun {
  const report = reportFile(context);
  const script = testScriptArguments(context.cwd, runsVitest, TAKES_VALUE);
  const [first, ...rest] = script.positionals;
  // `vitest`, `vitest run`, `vitest watch` run tests (with file filters after them); a script running
  // another command (bench, related, list) says nothing about how to run the tests.
  const otherCommand = first !== undefined && OTHER_COMMANDS.has(first);
  const filters = otherCommand ? [] : first !== undefined && SUBCOMMANDS.has(first) ? rest : script.positionals;
  const options = otherCommand ? [] : optionWords(script.options, DROPPED);
  const reporting = ['--reporter=json', '--reporter=default', `--outputFile=${report}`];
  const base = { invocation: nodeToolInvocation(context.cwd, 'vitest'), reportFiles: [report] };
  if (!focus || focus.length === 0) return { ...base, args: ['run', ...options, ...filters, ...reporting] };
  writeFocus(context.reportDir, focus);
  const files = focusFiles(focus);
  const names = fullNameFilter(focus);
  // File filters are substrings of the path, so absolute paths select exactly these files; -t
  // matches "<describe> … <test>" joined with spaces.
  return {
    ...base,
    args: ['run', ...options, ...reporting, ...(names ? ['-t', names] : []), ...(files ? files.map((f) => join(context.cwd, f)) : filters)],
    broaderThanFocus: names === undefined,
  };
}

function parseVitest(artifacts: RunArtifacts, context: PlanContext): ParsedReport {
  const file = reportFile(context);
  const parsed = parseJestJson(requireReport(artifacts, file, 'vitest'), context.cwd, `vitest report ${file}`);
  return { ...parsed, tests: withoutFilteredOut(parsed.tests, readFocus(context.reportDir)) };
}
