import { describe, expect, it } from 'vitest';
import type { RunDiff } from '../tests/runDiff';
import { suspectReason, type GuardInput } from './verifierGuard';

type Change = { before: string | undefined; after: string | undefined };
const NO_DIFF: RunDiff = { fixed: [], newlyBroken: [], stillFailing: [], disappeared: [], newlySkipped: [], appeared: [] };
const SOURCE_EDIT: Record<string, Change> = { 'src/calc.ts': { before: 'return a - b;\n', after: 'return a + b;\n' } };

const guard = (over: Partial<Omit<GuardInput, 'changedFiles'>> & { files?: Record<string, Change> } = {}): string | undefined =>
  suspectReason({ diff: over.diff ?? NO_DIFF, collectedBefore: over.collectedBefore, collectedNow: over.collectedNow, changedFiles: new Map(Object.entries(over.files ?? SOURCE_EDIT)) });

describe('suspectReason', () => {
  it('passes a clean iteration', () => {
    expect(guard({ collectedBefore: 10, collectedNow: 10, diff: { ...NO_DIFF, fixed: ['a'], newlyBroken: ['b'], appeared: ['c'] } })).toBeUndefined();
    expect(guard({ collectedBefore: 10, collectedNow: 12 })).toBeUndefined();
    expect(guard({ files: {} })).toBeUndefined();
  });

  it('flags a drop in collected tests, only when both counts are known', () => {
    expect(guard({ collectedBefore: 10, collectedNow: 9 })).toBe('tests collected dropped from 10 to 9');
    expect(guard({ collectedBefore: 10 })).toBeUndefined();
    expect(guard({ collectedNow: 0 })).toBeUndefined();
  });

  it('flags disappeared tests, naming the first three', () => {
    expect(guard({ diff: { ...NO_DIFF, disappeared: ['a', 'b', 'c', 'd'] } })).toBe('4 test(s) disappeared (a, b, c)');
  });

  it('flags newly skipped tests', () => {
    expect(guard({ diff: { ...NO_DIFF, newlySkipped: ['t::x'] } })).toBe('1 test(s) newly skipped (t::x)');
  });

  it('flags an edited test file', () => {
    expect(guard({ files: { 'tests/test_calc.py': { before: 'assert f() == 1\n', after: 'assert f() == 2\n' } } })).toBe('test file(s) edited: tests/test_calc.py');
    expect(guard({ files: { ...SOURCE_EDIT, 'src/a.test.ts': { before: 'x', after: 'y' }, 'b_test.go': { before: 'x', after: undefined } } })).toBe('test file(s) edited: src/a.test.ts, b_test.go');
  });

  it('flags an added skip marker on its own (Rust tests live in source files)', () => {
    expect(guard({ files: { 'src/lib.rs': { before: '#[test]\nfn adds() {}\n', after: '#[test]\n#[ignore]\nfn adds() {}\n' } } })).toBe('a skip marker was added to src/lib.rs');
  });

  const markers: [string, string, string][] = [
    ['tests/test_calc.py', 'def test_a():\n    pass\n', '@pytest.mark.skip(reason="later")\ndef test_a():\n    pass\n'],
    ['tests/test_calc.py', 'def test_a():\n    pass\n', '@pytest.mark.xfail\ndef test_a():\n    pass\n'],
    ['tests/test_calc.py', 'def test_a():\n    pass\n', 'def test_a():\n    pytest.skip("no")\n'],
    ['src/calc.test.ts', "it('adds', () => {});\n", "it.skip('adds', () => {});\n"],
    ['src/calc.test.ts', "test('adds', () => {});\n", "test.todo('adds');\n"],
    ['src/calc.test.ts', "describe('calc', () => {});\n", "describe.skip('calc', () => {});\n"],
    ['src/calc.test.ts', "it('adds', () => {});\n", "xit('adds', () => {});\n"],
    ['src/calc.test.ts', "describe('calc', () => {});\n", "xdescribe('calc', () => {});\n"],
    ['calc_test.go', 'func TestAdd(t *testing.T) {\n}\n', 'func TestAdd(t *testing.T) {\n\tt.Skip("flaky")\n}\n'],
    ['src/test/java/CalcTest.java', '@Test\nvoid adds() {}\n', '@Disabled\n@Test\nvoid adds() {}\n'],
    ['src/test/java/CalcTest.java', '@Test\nvoid adds() {}\n', '@Ignore\n@Test\nvoid adds() {}\n'],
  ];
  it.each(markers)('flags a skip marker added to %s: %j → %j', (path, before, after) => {
    expect(guard({ files: { [path]: { before, after } } })).toBe(`test file(s) edited: ${path}; a skip marker was added to ${path}`);
  });

  it('flags a skip marker in a newly created file', () => {
    expect(guard({ files: { 'src/lib.rs': { before: undefined, after: '#[ignore]\nfn a() {}\n' } } })).toBe('a skip marker was added to src/lib.rs');
  });

  it('does not take a marker that was already there for an added one', () => {
    expect(guard({ files: { 'src/lib.rs': { before: '#[ignore]\nfn a() {}\n', after: '#[ignore]\nfn a() { 1 }\n' } } })).toBeUndefined();
    expect(guard({ files: { 'src/lib.rs': { before: '#[ignore]\nfn a() {}\n', after: 'fn a() {}\n' } } })).toBeUndefined();
  });

  it('does not mistake ordinary code for a skip marker', () => {
    expect(guard({ files: { 'src/calc.ts': { before: 'a\n', after: 'const y = fix(1);\nprocess.exit(1);\nconst item = list.skip(2);\n' } } })).toBeUndefined();
  });

  it('joins every reason that applies, in order', () => {
    const reason = guard({
      collectedBefore: 10,
      collectedNow: 8,
      diff: { ...NO_DIFF, disappeared: ['a'], newlySkipped: ['b'] },
      files: { 'tests/test_x.py': { before: '', after: '@pytest.mark.skip\n' } },
    });
    expect(reason).toBe('tests collected dropped from 10 to 8; 1 test(s) disappeared (a); 1 test(s) newly skipped (b); test file(s) edited: tests/test_x.py; a skip marker was added to tests/test_x.py');
  });
});
