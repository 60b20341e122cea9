import { join } from 'node:path';
import type { TestCase } from '../model';
import { parseNodeTestEvents } from '../parsers/nodeTestEvents';
import { requireReport } from '../parsers/readReport';
import type { FrameworkAdapter, ParsedReport, PlanContext, PlannedRun, RunArtifacts } from './adapter';
import { escapeRegExp, focusFiles, MAX_FILTER_CHARS } from './focus';
import { detectJsFramework } from './jsDetection';
import { writeNodeTestReporter } from './nodeTestReporter';
import { optionWords, testScriptArguments, type ToolMatcher } from './testScript';

/** `node … --test …` in one command: the arguments after `node` are node's (the test files among them). */
const runsNodeTest: ToolMatcher = (tokens, index) => {
  const base = (tokens[index] ?? '').split(/[\\/]/).pop() ?? '';
  if (base !== 'node' && base !== 'node.exe') return undefined;
  for (let i = index + 1; i < tokens.length && !['&&', '||', ';', '|', '&'].includes(tokens[i] as string); i++) {
    if (tokens[i] === '--test') return index + 1;
  }
  return undefined;
};

/** node options whose value is the next word, so a script's `--import tsx` stays together. */
const TAKES_VALUE = new Set([
  '--import', '--require', '-r', '--loader', '--experimental-loader', '--test-name-pattern', '--test-skip-pattern', '--test-reporter',
  '--test-reporter-destination', '--test-concurrency', '--test-timeout', '--test-shard', '--conditions', '-C', '--input-type',
  '--watch-path', '--env-file', '--test-coverage-include', '--test-coverage-exclude', '--test-global-setup',
]);

/** What LoopGain sets itself, or what would stop a run from reporting every test (watch mode, a name filter). */
const DROPPED = new Set(['--test', '--test-reporter', '--test-reporter-destination', '--watch', '--watch-path', '--test-name-pattern']);

const reportFile = (context: PlanContext): string => join(context.reportDir, 'node-test-events.jsonl');

export const nodeTestAdapter: FrameworkAdapter = {
  framework: 'node-test',
  detect: (facts) => detectJsFramework(facts, { framework: 'node-test', runs: runsNodeTest, packages: [] }),
  plan: planNodeTest,
  parse: parseNodeTest,
};

/**
 * `node --test` with the project's own node options and test paths (from `"test": "node --test …"`,
 * otherwise node's default discovery). The name filter of Node 20 matches a test's own name only
 * (22 also tries "<suite> <test>"), and a matching describe runs all its tests, so a focused run
 * can run more than asked: broaderThanFocus.
 */
function planNodeTest(context: PlanContext, focus?: readonly TestCase[]): PlannedRun {
  const report = reportFile(context);
  const script = testScriptArguments(context.cwd, runsNodeTest, TAKES_VALUE);
  const args = ['--test', ...optionWords(script.options, DROPPED), `--test-reporter=${writeNodeTestReporter(context.reportDir)}`, `--test-reporter-destination=${report}`];
  const base = { invocation: ['node'], reportFiles: [report] };
  if (!focus || focus.length === 0) return { ...base, args: [...args, ...script.positionals] };
  const patterns = [...new Set(focus.map((t) => `--test-name-pattern=^${escapeRegExp(t.name)}$`))];
  if (patterns.join(' ').length > MAX_FILTER_CHARS) patterns.length = 0; // too long for a command line: whole files
  return { ...base, args: [...args, ...patterns, ...(focusFiles(focus) ?? script.positionals)], broaderThanFocus: true };
}

function parseNodeTest(artifacts: RunArtifacts, context: PlanContext): ParsedReport {
  const file = reportFile(context);
  return parseNodeTestEvents(requireReport(artifacts, file, 'node --test'), context.cwd, `node --test report ${file}`);
}
