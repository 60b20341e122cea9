import { describe, expect, it } from 'vitest';
import { recordedReport, recordedRoot } from '../../../../test/support/recordedReports';
import { ReportError } from '../frameworks/adapter';
import { isFailing } from '../model';
import { mochaLoadError, parseMochaReport } from './mochaReport';

const ROOT = recordedRoot('mocha-project');
const CART = 'test/cart.test.js';
const parse = (name: string) => parseMochaReport(recordedReport('mocha', name), ROOT, `mocha ${name}`);

describe('parseMochaReport on recorded reports', () => {
  it('reads every test with its status and suite path, loop-generated cases by their own names', () => {
    const { tests, collectionError } = parse('full.json');
    expect(collectionError).toBeUndefined();
    expect(Object.fromEntries(tests.map((t) => [t.id, t.status]))).toEqual({
      [`${CART}::parsePrice › parses dollars and cents`]: 'passed',
      [`${CART}::parsePrice › parses a single decimal`]: 'failed',
      [`${CART}::parsePrice › whitespace › ignores surrounding spaces`]: 'passed',
      [`${CART}::total › total of [1,2] is 3`]: 'passed',
      [`${CART}::total › total of [5] is 5`]: 'passed',
      [`${CART}::total › total of [] is 0`]: 'failed',
      [`${CART}::applies a discount`]: 'failed',
      [`${CART}::rounds discounts to whole cents`]: 'skipped', // it.skip
      [`${CART}::supports coupons`]: 'skipped', // pending: no body
      'test/format.test.js::format › round-trips a price': 'passed',
    });
    expect(tests.find((t) => t.name === 'ignores surrounding spaces')?.suitePath).toEqual(['parsePrice', 'whitespace']);
  });

  it('names the error, keeps its first lines and reads frames relative to the workspace', () => {
    const { tests } = parse('full.json');
    const discount = tests.find((t) => t.name === 'applies a discount');
    expect(discount?.message).toBe('AssertionError: Expected values to be strictly equal:\n\n100 !== 900');
    expect(discount?.stack[0]).toEqual({ file: CART, line: 34, column: 10, inWorkspace: true });
    const empty = tests.find((t) => t.name === 'total of [] is 0');
    expect(empty?.message).toBe('TypeError: Reduce of empty array with no initial value');
    expect(empty?.stack[0]).toEqual({ file: 'src/cart.js', line: 11, column: 17, inWorkspace: true });
    expect(typeof empty?.durationMs).toBe('number');
  });

  it('gives the focused run the same ids, and only the focused tests', () => {
    const full = parse('full.json').tests.filter(isFailing).map((t) => t.id);
    const focused = parse('focused.json').tests;
    expect(focused.map((t) => t.id).sort()).toEqual([...full].sort());
    expect(focused.every(isFailing)).toBe(true);
  });

  it('throws a ReportError for a truncated or incomplete report', () => {
    expect(() => parse('full-truncated.json')).toThrow(ReportError);
    expect(() => parse('full-truncated.json')).toThrow(/probably truncated/);
    expect(() => parse('full-malformed-no-complete.json')).toThrow(/not a complete LoopGain mocha report/);
    expect(() => parseMochaReport('{"complete":true,"results":[{"state":"passed"}]}', ROOT, 'x')).toThrow(/without a title path/);
  });
});

describe('mochaLoadError', () => {
  it('finds the spec file that failed to load in what mocha printed', () => {
    const output = recordedReport('mocha', 'collection-error.out.txt');
    expect(mochaLoadError(output, recordedRoot('mocha-broken-project'))).toBe(
      "test file failed to load: test/farewell.test.js: Error: Cannot find module '../src/farewell'",
    );
  });

  it('says nothing about output that shows no load error', () => {
    expect(mochaLoadError('Killed\n', ROOT)).toBeUndefined();
  });
});
