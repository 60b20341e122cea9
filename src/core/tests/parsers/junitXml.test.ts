import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../frameworks/adapter';
import { parseJUnitXml } from './junitXml';

// Real reports, captured from pytest 9 (xunit1) and node 20's junit reporter.
const recorded = (name: string): string => readFileSync(`test/fixtures/reports/junit-xml/${name}`, 'utf8');

describe('parseJUnitXml', () => {
  it('reads a pytest report: statuses, files, lines, messages and tracebacks', () => {
    const cases = parseJUnitXml(recorded('pytest-xunit1.xml'));
    expect(cases.map((c) => [c.classname, c.name, c.status])).toEqual([
      ['tests.test_m.TestAdd', 'test_add[1-2]', 'passed'],
      ['tests.test_m.TestAdd', 'test_add[2-2]', 'failed'],
      ['tests.test_m', 'test_ok', 'passed'],
      ['tests.test_m', 'test_skip', 'skipped'],
    ]);
    const failed = cases[1];
    expect(failed).toMatchObject({ file: 'tests/test_m.py', line: 2, suites: ['pytest'], message: 'assert (2 + 1) == 2' });
    expect(failed?.details).toContain('tests/test_m.py:5: AssertionError');
    expect(cases[3]?.message).toBe('later');
  });

  it('reads nested suites and failure attributes from node --test', () => {
    const cases = parseJUnitXml(recorded('node-test-junit.xml'));
    expect(cases.map((c) => [c.suites.join('/'), c.name, c.status])).toEqual([
      ['', 'adds', 'passed'],
      ['suite', 'fails', 'failed'],
    ]);
    expect(cases[1]?.message).toContain('Expected values to be strictly equal');
  });

  it('rejects truncated, empty and foreign documents with a reason', () => {
    expect(() => parseJUnitXml(recorded('pytest-xunit1.truncated.xml'))).toThrow(ReportError);
    expect(() => parseJUnitXml(recorded('pytest-xunit1.truncated.xml'))).toThrow(/not well-formed XML \(line \d+/);
    expect(() => parseJUnitXml('  ')).toThrow(/empty/);
    expect(() => parseJUnitXml('<html><body/></html>')).toThrow(/no <testsuite> or <testcase>/);
  });
});
