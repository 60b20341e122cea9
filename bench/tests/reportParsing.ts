import { readFileSync } from 'node:fs';
import { parseJestJson } from '../../src/core/tests/parsers/jestJson';
import { parseJUnitXml } from '../../src/core/tests/parsers/junitXml';
import { parsePytestRun } from '../../src/core/tests/frameworks/pytestReport';
import { fixed, printTable } from '../table';
import { median, ms, percentile, timeRuns } from '../timing';

const TESTS = 5000;

/**
 * A real recorded report scaled up to 5,000 tests by repeating its own entries with renamed files:
 * the format and the content are the runner's, only the count is ours.
 */
function scaledPytestReport(): string {
  const xml = readFileSync('test/fixtures/reports/pytest/project-full.xml', 'utf8');
  // The suite's body is a run of <testcase> elements: cut it at their starts.
  const start = xml.indexOf('<testcase ');
  const end = xml.lastIndexOf('</testsuite>');
  const cases = xml.slice(start, end).split(/(?=<testcase )/);
  const body: string[] = [];
  for (let i = 0; body.length < TESTS; i++) for (const c of cases) if (body.length < TESTS) body.push(c.replaceAll('test_calc', `test_calc_${i}`));
  return xml.slice(0, start) + body.join('') + xml.slice(end);
}

function scaledJestReport(): string {
  const report = JSON.parse(readFileSync('test/fixtures/reports/jest/full.json', 'utf8')) as { testResults: { name: string; assertionResults: unknown[] }[]; [k: string]: unknown };
  const files = report.testResults;
  const perRound = files.reduce((n, f) => n + f.assertionResults.length, 0);
  const testResults = [];
  for (let i = 0; testResults.reduce((n, f) => n + f.assertionResults.length, 0) + perRound <= TESTS; i++) {
    for (const f of files) testResults.push({ ...f, name: f.name.replace(/\.test\.js$/, `_${i}.test.js`) });
  }
  return JSON.stringify({ ...report, testResults });
}

export async function printReportParsing(): Promise<void> {
  const pytestXml = scaledPytestReport();
  const jestJson = scaledJestReport();
  const cwd = '/work/main/test/fixtures/pytest-project';
  const rows: (string | number)[][] = [];
  const measure = async (name: string, bytes: number, parse: () => number): Promise<void> => {
    let count = 0;
    const times = await timeRuns(9, () => {
      count = parse();
    });
    rows.push([name, count, `${(bytes / 1024).toFixed(0)} KiB`, ms(median(times)), ms(percentile(times, 0.9)), fixed(count / (median(times) / 1000), 0)]);
  };
  await measure('JUnit XML (pytest), XML → cases', pytestXml.length, () => parseJUnitXml(pytestXml).length);
  await measure('JUnit XML (pytest), report → tests', pytestXml.length, () => parsePytestRun({ reports: new Map([['/r/pytest.xml', pytestXml]]), output: '', exitCode: 1 }, { cwd, reportDir: '/r' }).tests.length);
  await measure('jest --json, report → tests', jestJson.length, () => parseJestJson(jestJson, '/work/main/test/fixtures/jest-project', 'jest report').tests.length);
  printTable('Report parsing (real reports scaled to ~5,000 tests)', ['report', 'tests', 'size', 'median ms', 'p90 ms', 'tests/s'], rows);
}
