import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../frameworks/adapter';
import { isFailing } from '../model';
import { packageDir, parseGoTestJson } from './goTestJson';

// Recorded with go 1.19 on test/fixtures/go-project and go-build-error (see the README beside them).
const reports = join(__dirname, '../../../../test/fixtures/reports/go');
const read = (name: string): string => readFileSync(join(reports, name), 'utf8');
const cwd = '/work/go-project';
const options = { cwd, modulePath: 'example.com/goproject' };

describe('parseGoTestJson on a full run', () => {
  const parsed = parseGoTestJson(read('full.jsonl'), 1, options);
  const byId = new Map(parsed.tests.map((t) => [t.id, t]));

  it('reads every test, subtests included, keyed by package directory', () => {
    expect([...byId.keys()].sort()).toEqual(
      [
        '.::TestVersion',
        'calc::TestAdd',
        'calc::TestDivide',
        'calc::TestDivide › by_zero',
        'calc::TestDivide › exact',
        'calc::TestDivide › rounds_down',
        'calc::TestMultiply',
        'calc::TestMultiplyTable',
        'calc::TestMultiplyTable › negative_left',
        'calc::TestMultiplyTable › positive',
        'calc::TestMultiplyTable › zero',
        'calc::TestSkipped',
        'strutil::TestAdd',
        'strutil::TestShout',
      ].sort(),
    );
    expect(parsed.collectionError).toBeUndefined();
  });

  it('gives the failing set, with parents of failing subtests failing too', () => {
    expect(parsed.tests.filter(isFailing).map((t) => t.id).sort()).toEqual(['calc::TestMultiply', 'calc::TestMultiplyTable', 'calc::TestMultiplyTable › negative_left']);
    expect(byId.get('calc::TestSkipped')?.status).toBe('skipped');
    expect(byId.get('strutil::TestAdd')?.status).toBe('passed');
  });

  it('splits subtests into suitePath and name', () => {
    const sub = byId.get('calc::TestMultiplyTable › negative_left');
    expect(sub).toMatchObject({ file: 'calc', suitePath: ['TestMultiplyTable'], name: 'negative_left' });
  });

  it('starts the message at the failure and resolves frames against the package directory', () => {
    const t = byId.get('calc::TestMultiply');
    expect(t?.message).toBe('calc_test.go:17: Multiply(-2, 3) = 6, want -6');
    expect(t?.stack).toEqual([{ file: 'calc/calc_test.go', line: 17, inWorkspace: true }]);
    expect(byId.get('calc::TestMultiplyTable › negative_left')?.stack[0]).toMatchObject({ file: 'calc/calc_test.go', line: 62 });
  });

  it('says which subtests failed a parent that printed nothing itself', () => {
    expect(byId.get('calc::TestMultiplyTable')?.message).toBe('subtests failed: TestMultiplyTable/negative_left');
  });
});

describe('parseGoTestJson on other outputs', () => {
  it('reads a focused run: the focused tests and the parent go runs with them', () => {
    const parsed = parseGoTestJson(read('focused.jsonl'), 1, options);
    expect(parsed.tests.map((t) => t.id).sort()).toEqual(['calc::TestMultiply', 'calc::TestMultiplyTable', 'calc::TestMultiplyTable › negative_left']);
  });

  it('turns a build failure in the plain lines between the events into a collection error', () => {
    const parsed = parseGoTestJson(read('build-error.txt'), 2, { cwd, modulePath: 'example.com/gobuilderror' });
    expect(parsed.collectionError).toBe('go build failed for calc: calc/calc.go:6:13: undefined: c');
    expect(parsed.tests.map((t) => `${t.id} ${t.status}`)).toEqual(['strutil::TestShout passed']);
  });

  it('rejects a stream cut off inside a package', () => {
    expect(() => parseGoTestJson(read('full-truncated.jsonl'), 1, options)).toThrow(/ended before package example.com\/goproject\/calc finished/);
  });

  it('rejects output with no readable event', () => {
    expect(() => parseGoTestJson(read('full-malformed.jsonl'), 1, options)).toThrow(ReportError);
  });

  it('rejects output whose middle was dropped by the capture', () => {
    const full = read('full.jsonl');
    const capped = `${full.slice(0, 2000)}\n… [12345 bytes of output dropped] …\n${full.slice(-2000)}`;
    expect(() => parseGoTestJson(capped, 1, options)).toThrow(/12345 bytes/);
  });
});

describe('packageDir', () => {
  it('maps import paths to module-relative directories', () => {
    expect(packageDir('example.com/m', 'example.com/m')).toBe('.');
    expect(packageDir('example.com/m/a/b', 'example.com/m')).toBe('a/b');
    expect(packageDir('example.com/mx/a', 'example.com/m')).toBe('example.com/mx/a');
    expect(packageDir('example.com/m/a', undefined)).toBe('example.com/m/a');
  });
});
