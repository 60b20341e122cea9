import { describe, expect, it } from 'vitest';
import { recordedReport, recordedRoot } from '../../../../test/support/recordedReports';
import { ReportError } from '../frameworks/adapter';
import { isFailing } from '../model';
import { parseNodeTestEvents } from './nodeTestEvents';

const ROOT = recordedRoot('node-test-project');
const CART = 'test/cart.test.js';
const FORMAT = 'test/format.test.js';
const parse = (name: string, cwd = ROOT) => parseNodeTestEvents(recordedReport('node-test', name), cwd, `node-test ${name}`);

describe('parseNodeTestEvents on recorded reports', () => {
  it('rebuilds suite paths from the start events and leaves describe blocks and subtest holders out', () => {
    const { tests, collectionError } = parse('full.jsonl');
    expect(collectionError).toBeUndefined();
    expect(Object.fromEntries(tests.map((t) => [t.id, t.status]))).toEqual({
      [`${CART}::parsePrice › parses dollars and cents`]: 'passed',
      [`${CART}::parsePrice › parses a single decimal`]: 'failed',
      [`${CART}::parsePrice › whitespace › ignores surrounding spaces`]: 'passed',
      [`${CART}::total › total of [1,2] is 3`]: 'passed',
      [`${CART}::total › total of [5] is 5`]: 'passed',
      [`${CART}::total › total of [] is 0`]: 'failed',
      [`${CART}::applies a discount`]: 'failed',
      [`${CART}::rounds discounts to whole cents`]: 'skipped', // { skip }
      [`${CART}::supports coupons`]: 'skipped', // { todo }
      [`${FORMAT}::format › round-trips a price`]: 'passed',
      [`${FORMAT}::prices › parses zero`]: 'passed', // t.test subtests of test('prices')
      [`${FORMAT}::prices › parses large amounts`]: 'passed',
    });
  });

  it('takes message and frames from the error the test threw (the cause), not the runner wrapper', () => {
    const { tests } = parse('full.jsonl');
    const decimal = tests.find((t) => t.name === 'parses a single decimal');
    expect(decimal?.message).toBe("TypeError: Cannot read properties of null (reading '1')");
    expect(decimal?.stack.slice(0, 2)).toEqual([
      { file: 'src/cart.js', line: 6, column: 22, inWorkspace: true },
      { file: CART, line: 11, column: 18, inWorkspace: true },
    ]);
    // node's internal frames (node:internal/…) are not file frames at all
    expect(decimal?.stack.every((f) => !f.file.startsWith('node:'))).toBe(true);
    expect(tests.find((t) => t.name === 'applies a discount')?.message).toBe('AssertionError: Expected values to be strictly equal:\n\n100 !== 900');
    expect(typeof decimal?.durationMs).toBe('number');
  });

  it('drops the tests Node 20 skipped for not matching the name pattern, and keeps the ids of the full run', () => {
    const full = parse('full.jsonl').tests.filter(isFailing).map((t) => t.id);
    const focused = parse('focused.jsonl').tests;
    expect(focused.map((t) => `${t.id} ${t.status}`).sort()).toEqual(full.map((id) => `${id} failed`).sort());
  });

  it('reports a file that failed outside its tests as a collection error, with the error from its stderr', () => {
    const { tests, collectionError } = parse('collection-error.jsonl', recordedRoot('node-test-broken-project'));
    expect(collectionError).toBe('test file failed to load: test/farewell.test.js: SyntaxError: missing ) after argument list');
    expect(tests.map((t) => `${t.id} ${t.status}`)).toEqual(['test/greet.test.js::greet › greets by name passed']);
  });

  it('throws a ReportError for a report cut short, mid-line or at a line end', () => {
    expect(() => parse('full-truncated-mid-line.jsonl')).toThrow(ReportError);
    expect(() => parse('full-truncated-mid-line.jsonl')).toThrow(/is not a JSON event/);
    expect(() => parse('full-truncated-at-line.jsonl')).toThrow(/truncated: no end event/);
  });

  it('throws a ReportError for events of the wrong shape', () => {
    expect(() => parse('full-malformed-nesting.jsonl')).toThrow(/without a name or nesting/);
    expect(() => parseNodeTestEvents('[1]\n{"event":"end"}\n', ROOT, 'x')).toThrow(ReportError);
  });
});
