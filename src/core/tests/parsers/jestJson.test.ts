import { describe, expect, it } from 'vitest';
import { recordedReport, recordedRoot } from '../../../../test/support/recordedReports';
import { ReportError } from '../frameworks/adapter';
import { isFailing } from '../model';
import { parseJestJson } from './jestJson';

const CART = 'test/cart.test.js';

/** What the fixtures' tests are, in jest and vitest alike (same tests, same bugs). */
const EXPECTED_STATUSES = {
  [`${CART}::parsePrice › parses dollars and cents`]: 'passed',
  [`${CART}::parsePrice › parses a single decimal`]: 'failed',
  [`${CART}::parsePrice › whitespace › ignores surrounding spaces`]: 'passed',
  [`${CART}::total › total of [1,2] is 3`]: 'passed',
  [`${CART}::total › total of [5] is 5`]: 'passed',
  [`${CART}::total › total of [] is 0`]: 'failed',
  [`${CART}::applies a discount`]: 'failed',
  [`${CART}::rounds discounts to whole cents`]: 'skipped', // it.skip
  [`${CART}::supports coupons`]: 'skipped', // it.todo
  'test/format.test.js::format › round-trips a price': 'passed',
};

describe.each([
  { framework: 'jest', root: recordedRoot('jest-project'), brokenRoot: recordedRoot('jest-broken-project'), cartTestLine: 9 },
  { framework: 'vitest', root: recordedRoot('vitest-project'), brokenRoot: recordedRoot('vitest-broken-project'), cartTestLine: 10 },
])('parseJestJson on a recorded $framework report', ({ framework, root, brokenRoot, cartTestLine }) => {
  const parse = (name: string, cwd = root) => parseJestJson(recordedReport(framework, name), cwd, `${framework} ${name}`);

  it('reads every test with its status, suite path and expanded each-name', () => {
    const { tests, collectionError } = parse('full.json');
    expect(collectionError).toBeUndefined();
    expect(Object.fromEntries(tests.map((t) => [t.id, t.status]))).toEqual(EXPECTED_STATUSES);
    const nested = tests.find((t) => t.name === 'ignores surrounding spaces');
    expect(nested).toMatchObject({ file: CART, suitePath: ['parsePrice', 'whitespace'] });
    expect(tests.find((t) => t.name === 'total of [] is 0')?.parameters).toBeUndefined();
  });

  it('keeps the first lines of a failure and its frames, the source file first', () => {
    const { tests } = parse('full.json');
    const decimal = tests.find((t) => t.name === 'parses a single decimal');
    expect(decimal?.message).toBe("TypeError: Cannot read properties of null (reading '1')");
    expect(decimal?.stack.slice(0, 2)).toEqual([
      { file: 'src/cart.js', line: 6, column: 22, inWorkspace: true },
      { file: CART, line: cartTestLine, column: 12, inWorkspace: true },
    ]);
    // the runner's own frames are kept, but never as workspace frames
    const runnerFrames = decimal?.stack.filter((f) => f.file.includes('node_modules')) ?? [];
    expect(runnerFrames.length).toBeGreaterThan(0);
    expect(runnerFrames.every((f) => !f.inWorkspace)).toBe(true);
    expect(tests.find((t) => t.name === 'applies a discount')?.message).toMatch(/expected.*900|Expected: 900/is);
    expect(typeof decimal?.durationMs).toBe('number');
  });

  it('keeps ids identical between the full and the focused report', () => {
    const full = parse('full.json').tests.filter(isFailing);
    const focused = parse('focused.json').tests.filter(isFailing);
    expect(focused.map((t) => t.id).sort()).toEqual(full.map((t) => t.id).sort());
  });

  it('reports a file that failed to load as a collection error, keeping the tests that ran', () => {
    const { tests, collectionError } = parse('collection-error.json', brokenRoot);
    expect(collectionError).toMatch(/^test file failed to load: test\/farewell\.test\.js: /);
    expect(collectionError).toMatch(framework === 'jest' ? /Cannot find module '\.\.\/src\/farewell'/ : /invalid JS syntax/);
    expect(tests.map((t) => `${t.id} ${t.status}`)).toEqual(['test/greet.test.js::greet › greets by name passed']);
  });

  it('throws a ReportError for a truncated report', () => {
    expect(() => parse('full-truncated.json')).toThrow(ReportError);
    expect(() => parse('full-truncated.json')).toThrow(/not valid JSON, probably truncated/);
  });

  it('throws a ReportError for a report of the wrong shape', () => {
    expect(() => parse('full-malformed-testResults.json')).toThrow(/has no testResults array/);
    expect(() => parseJestJson('null', root, 'x')).toThrow(ReportError);
    expect(() => parseJestJson('{"testResults":[{"status":"passed"}]}', root, 'x')).toThrow(/without a name/);
  });
});
