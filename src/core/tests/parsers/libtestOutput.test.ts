import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFailing } from '../model';
import { parseLibtestOutput } from './libtestOutput';

// Recorded with cargo 1.95 on test/fixtures/cargo-project, cargo-build-error and cargo-crash (see the README beside them).
const reports = join(__dirname, '../../../../test/fixtures/reports/cargo');
const read = (name: string): string => readFileSync(join(reports, name), 'utf8');
const cwd = '/work/cargo-project';
const options = { cwd, resolveTarget: (printedPath: string) => printedPath };
const parse = (name: string, exitCode = 101) => parseLibtestOutput(read(name), exitCode, options);

describe('parseLibtestOutput on a full run', () => {
  const parsed = parse('full.txt');
  const byId = new Map(parsed.tests.map((t) => [t.id, t]));

  it('reads unit, integration and doc tests, keyed by target file and module path', () => {
    expect([...byId.keys()].sort()).toEqual(
      [
        'src/lib.rs::geometry › tests › negative_width',
        'src/lib.rs::geometry › tests › square',
        'src/lib.rs::tests › adds',
        'src/lib.rs::tests › divides_by_zero',
        'src/lib.rs::tests › multiplies_negative',
        'src/lib.rs::tests › overflow_panics',
        'src/lib.rs::tests › slow_sum',
        'tests/api.rs::add_is_commutative',
        'tests/api.rs::multiply_by_minus_one',
        'src/lib.rs::(doc) › add',
        'src/lib.rs::(doc) › multiply',
      ].sort(),
    );
    expect(parsed.collectionError).toBeUndefined();
  });

  it('gives the failing set and the ignored test with its reason', () => {
    expect(parsed.tests.filter(isFailing).map((t) => t.id).sort()).toEqual([
      'src/lib.rs::(doc) › multiply',
      'src/lib.rs::geometry › tests › negative_width',
      'src/lib.rs::tests › multiplies_negative',
      'tests/api.rs::multiply_by_minus_one',
    ]);
    expect(byId.get('src/lib.rs::tests › slow_sum')).toMatchObject({ status: 'skipped', message: 'slow' });
    expect(byId.get('src/lib.rs::tests › overflow_panics')?.status).toBe('passed');
  });

  it('takes the panic message and the panic location, then workspace frames of the backtrace', () => {
    const t = byId.get('src/lib.rs::tests › multiplies_negative');
    expect(t?.message).toBe('assertion `left == right` failed\n  left: 6\n right: -6');
    expect(t?.stack[0]).toEqual({ file: 'src/lib.rs', line: 47, column: 9, inWorkspace: true });
    expect(t?.stack.every((f) => f.inWorkspace)).toBe(true);
    expect(byId.get('src/lib.rs::geometry › tests › negative_width')?.message).toBe('area of a flipped rectangle should be negative, got 8');
    expect(byId.get('tests/api.rs::multiply_by_minus_one')?.stack[0]).toMatchObject({ file: 'tests/api.rs', line: 10 });
  });

  it('reads a failing doc test, whose id leaves the line number out', () => {
    const doc = byId.get('src/lib.rs::(doc) › multiply');
    expect(doc).toMatchObject({ file: 'src/lib.rs', suitePath: ['(doc)'], name: 'multiply', status: 'failed' });
    expect(doc?.message).toContain('left: 6');
  });
});

describe('parseLibtestOutput on other outputs', () => {
  it('pairs results with their test binary when stderr headers arrive out of step with stdout', () => {
    const reordered = parse('full-reordered-headers.txt').tests.map((t) => `${t.id} ${t.status}`);
    expect(reordered.sort()).toEqual(parse('full.txt').tests.map((t) => `${t.id} ${t.status}`).sort());
  });

  it('reads a focused run', () => {
    expect(parse('focused.txt').tests.map((t) => t.id).sort()).toEqual([
      'src/lib.rs::(doc) › multiply',
      'src/lib.rs::geometry › tests › negative_width',
      'src/lib.rs::tests › multiplies_negative',
      'tests/api.rs::multiply_by_minus_one',
    ]);
    expect(parse('focused-lib-exact.txt').tests.map((t) => t.id).sort()).toEqual(['src/lib.rs::geometry › tests › negative_width', 'src/lib.rs::tests › multiplies_negative']);
  });

  it('turns a compile error into a collection error that names it and where it is', () => {
    const parsed = parse('build-error.txt');
    expect(parsed.collectionError).toBe(
      'could not compile `loopgain-broken` (lib), `loopgain-broken` (lib test): error[E0425]: cannot find value `c` in this scope at src/lib.rs:4:9',
    );
    expect(parsed.tests).toEqual([]);
  });

  it('reports a crashed test binary as a collection error, keeping the results it printed', () => {
    const parsed = parse('crash.txt');
    expect(parsed.collectionError).toBe('the test binary of src/lib.rs crashed before reporting every test (signal: 6, SIGABRT: process abort signal)');
    expect(parsed.tests.map((t) => `${t.id} ${t.status}`)).toEqual(['src/lib.rs::tests › doubles passed']);
  });

  it('blames the test that was running when a single-threaded binary crashed', () => {
    const parsed = parse('crash-single-thread.txt');
    expect(parsed.collectionError).toBeUndefined();
    expect(parsed.tests).toHaveLength(1);
    expect(parsed.tests[0]).toMatchObject({ id: 'src/lib.rs::tests › aborts', status: 'error' });
    expect(parsed.tests[0]?.message).toContain('SIGABRT');
  });

  it('reads the older output of Rust 1.63 (Debian 12), whose panic message sits in quotes on the panic line', () => {
    const parsed = parse('full-rust-1.63.txt');
    expect(parsed.tests.filter(isFailing).map((t) => t.id).sort()).toEqual([
      'src/lib.rs::(doc) › multiply',
      'src/lib.rs::geometry › tests › negative_width',
      'src/lib.rs::tests › multiplies_negative',
      'tests/api.rs::multiply_by_minus_one',
    ]);
    const t = parsed.tests.find((c) => c.id === 'src/lib.rs::tests › multiplies_negative');
    expect(t?.message).toBe('assertion failed: `(left == right)`\n  left: `6`,\n right: `-6`');
    expect(t?.stack[0]).toEqual({ file: 'src/lib.rs', line: 47, column: 9, inWorkspace: true });
    expect(parse('build-error-rust-1.63.txt').collectionError).toBe(
      'could not compile `loopgain-broken`: error[E0425]: cannot find value `c` in this scope at src/lib.rs:4:9',
    );
  });

  it('reports a cargo that fails before building anything as a collection error', () => {
    expect(parse('lockfile-too-new-cargo-1.65.txt').collectionError).toMatch(/^cargo test failed before running any test: error: failed to parse lock file at: /);
  });

  it('rejects output cut off inside a test binary', () => {
    expect(() => parse('full-truncated.txt')).toThrow(/ends inside the tests of src\/lib\.rs/);
  });

  it('rejects a section whose result lines do not add up', () => {
    expect(() => parse('full-malformed-result-line.txt')).toThrow(/announced 7 tests in src\/lib\.rs but 6/);
  });

  it('says why test binaries did not run when libtest refused its arguments', () => {
    expect(() => parse('bad-filter-option.txt')).toThrow("the tests of src/lib.rs did not run: error: Unrecognized option: ' '");
  });

  it('rejects output with no test binary and no error', () => {
    expect(() => parseLibtestOutput('something else entirely\n', 101, options)).toThrow(/no test results/);
  });
});
