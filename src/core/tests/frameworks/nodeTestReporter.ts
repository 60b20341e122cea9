import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A `node --test` reporter that writes one JSON line per test event. The built-in junit reporter
 * has no file paths; these events do (Node 20: data.file/line/column/nesting, details.type 'suite'
 * for describe blocks, details.error with the real error in `cause`). The stderr of a test file is
 * kept too, capped: when a file fails to load it is the only place that says why. The last line,
 * `{"event":"end"}`, tells a complete report from one cut short.
 */
export const NODE_TEST_REPORTER_SOURCE = String.raw`// Written by LoopGain for one test run; deleted with the run's report directory.
const MAX_STDERR_PER_FILE = 8192;

function errorJson(error, depth) {
  if (error === null || error === undefined) return undefined;
  if (typeof error !== 'object') return { message: String(error) };
  return {
    name: typeof error.name === 'string' ? error.name : undefined,
    message: typeof error.message === 'string' ? error.message : String(error.message),
    stack: typeof error.stack === 'string' ? error.stack : undefined,
    code: typeof error.code === 'string' ? error.code : undefined,
    failureType: typeof error.failureType === 'string' ? error.failureType : undefined,
    cause: depth < 3 ? errorJson(error.cause, depth + 1) : undefined,
  };
}

export default async function* loopgainReporter(source) {
  const stderrBytes = new Map();
  for await (const event of source) {
    const data = event.data || {};
    if (event.type === 'test:start' || event.type === 'test:pass' || event.type === 'test:fail') {
      const details = data.details || {};
      yield JSON.stringify({
        event: event.type,
        name: data.name,
        nesting: data.nesting,
        file: data.file,
        line: data.line,
        column: data.column,
        skip: data.skip,
        todo: data.todo,
        type: details.type,
        durationMs: details.duration_ms,
        error: errorJson(details.error, 0),
      }) + '\n';
    } else if (event.type === 'test:stderr' && typeof data.message === 'string') {
      const used = stderrBytes.get(data.file) || 0;
      if (used >= MAX_STDERR_PER_FILE) continue;
      const message = data.message.slice(0, MAX_STDERR_PER_FILE - used);
      stderrBytes.set(data.file, used + message.length);
      yield JSON.stringify({ event: 'test:stderr', file: data.file, message }) + '\n';
    }
  }
  yield JSON.stringify({ event: 'end' }) + '\n';
}
`;

/**
 * Writes the reporter into the run's report directory and returns the value for --test-reporter:
 * a file: URL, because node imports the reporter as an ES module specifier and a Windows path
 * ("C:\…") is not one.
 */
export function writeNodeTestReporter(reportDir: string): string {
  const file = join(reportDir, 'loopgain-node-test-reporter.mjs');
  writeFileSync(file, NODE_TEST_REPORTER_SOURCE);
  return pathToFileURL(file).href;
}
