import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A mocha reporter that writes one JSON document to the file given as `--reporter-option
 * output=<file>`. Mocha's own `json` reporter can write to a file too (11.x does), but it names a
 * test only by `fullTitle`, its suites and title joined with spaces, so the suite path cannot be
 * recovered; this one records each test's `titlePath()`, which also survives `--parallel` (mocha
 * serializes it for its workers). It is CommonJS because mocha loads reporters with require().
 */
export const MOCHA_REPORTER_SOURCE = String.raw`'use strict';
// Written by LoopGain for one test run; deleted with the run's report directory.
const fs = require('fs');
const path = require('path');

function errorJson(err) {
  if (err === null || typeof err !== 'object') return { message: String(err) };
  return {
    name: typeof err.name === 'string' ? err.name : undefined,
    message: typeof err.message === 'string' ? err.message : String(err.message),
    stack: typeof err.stack === 'string' ? err.stack : undefined,
    code: typeof err.code === 'string' ? err.code : undefined,
  };
}

function LoopGainMochaReporter(runner, options) {
  const reporterOption = (options && (options.reporterOption || options.reporterOptions)) || {};
  const output = reporterOption.output;
  const results = [];
  const record = (runnable, state, err) => {
    results.push({
      kind: runnable.type === 'hook' ? 'hook' : 'test',
      titlePath: typeof runnable.titlePath === 'function' ? runnable.titlePath() : [String(runnable.title)],
      file: runnable.file || (runnable.parent && runnable.parent.file) || null,
      state: state,
      duration: typeof runnable.duration === 'number' ? runnable.duration : null,
      error: err === undefined ? null : errorJson(err),
    });
  };
  runner.on('pass', (test) => record(test, 'passed'));
  runner.on('fail', (runnable, err) => record(runnable, 'failed', err));
  runner.on('pending', (test) => record(test, 'skipped'));
  runner.once('end', () => {
    const json = JSON.stringify({ reporter: 'loopgain-mocha', version: 1, complete: true, results: results });
    if (!output) return process.stdout.write(json + '\n');
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, json);
  });
}

module.exports = LoopGainMochaReporter;
`;

/** Writes the reporter into the run's report directory and returns its path. */
export function writeMochaReporter(reportDir: string): string {
  const file = join(reportDir, 'loopgain-mocha-reporter.cjs');
  writeFileSync(file, MOCHA_REPORTER_SOURCE);
  return file;
}
