import { join } from 'node:path';
import type { TestCase } from '../model';
import { mochaLoadError, parseMochaReport } from '../parsers/mochaReport';
import { requireReport } from '../parsers/readReport';
import type { FrameworkAdapter, ParsedReport, PlanContext, PlannedRun, RunArtifacts } from './adapter';
import { focusFiles, fullNameFilter } from './focus';
import { detectJsFramework } from './jsDetection';
import { writeMochaReporter } from './mochaReporter';
import { nodeToolInvocation } from './nodeBin';
import { optionWords, testScriptArguments, wordMatcher } from './testScript';

const runsMocha = wordMatcher('mocha', '_mocha');

/** mocha options whose value is the next word, so a script's `--require ts-node/register` stays together. */
const TAKES_VALUE = new Set([
  '--config', '--package', '--reporter', '-R', '--reporter-option', '--reporter-options', '-O', '--require', '-r', '--ui', '-u',
  '--timeout', '-t', '--slow', '-s', '--grep', '-g', '--fgrep', '-f', '--file', '--ignore', '--exclude', '--extension', '--spec',
  '--retries', '--jobs', '-j', '--node-option', '-n', '--watch-files', '--watch-ignore', '--global', '--globals',
]);

/** What LoopGain sets itself, or what would stop a run from reporting every test (watch mode, a grep). */
const DROPPED = new Set([
  '--reporter', '-R', '--reporter-option', '--reporter-options', '-O', '--watch', '-w', '--watch-files', '--watch-ignore', '--grep',
  '-g', '--fgrep', '-f', '--invert', '-i', '--dry-run', '--list-reporters', '--list-interfaces',
]);

const reportFile = (context: PlanContext): string => join(context.reportDir, 'mocha-report.json');

export const mochaAdapter: FrameworkAdapter = {
  framework: 'mocha',
  detect: (facts) =>
    detectJsFramework(facts, {
      framework: 'mocha',
      runs: runsMocha,
      packages: ['mocha'],
      configFile: /^\.mocharc(\.(js|cjs|mjs|json|jsonc|yaml|yml))?$/,
      packageJsonKey: 'mocha',
    }),
  plan: planMocha,
  parse: parseMocha,
};

function planMocha(context: PlanContext, focus?: readonly TestCase[]): PlannedRun {
  const report = reportFile(context);
  const script = testScriptArguments(context.cwd, runsMocha, TAKES_VALUE);
  const options = optionWords(script.options, DROPPED);
  const reporting = ['--reporter', writeMochaReporter(context.reportDir), '--reporter-option', `output=${report}`];
  const base = { invocation: nodeToolInvocation(context.cwd, 'mocha'), reportFiles: [report] };
  if (!focus || focus.length === 0) return { ...base, args: [...options, ...script.positionals, ...reporting] };
  // --grep matches "<describe> … <test>" joined with spaces. Mocha adds a .mocharc `spec` to the
  // files given here; the grep still keeps the run to the focused tests.
  const files = focusFiles(focus) ?? script.positionals;
  const names = fullNameFilter(focus);
  return { ...base, args: [...options, ...reporting, ...(names ? ['--grep', names] : []), ...files], broaderThanFocus: names === undefined };
}

function parseMocha(artifacts: RunArtifacts, context: PlanContext): ParsedReport {
  const file = reportFile(context);
  if (!artifacts.reports.has(file)) {
    const loadError = mochaLoadError(artifacts.output, context.cwd);
    if (loadError !== undefined) return { tests: [], collectionError: loadError };
  }
  return parseMochaReport(requireReport(artifacts, file, 'mocha'), context.cwd, `mocha report ${file}`);
}
