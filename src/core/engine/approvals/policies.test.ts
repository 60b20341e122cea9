import { describe, expect, it } from 'vitest';
import { countChangedLines, DEFAULT_APPROVAL_POLICY, gateReasons, isConfigFile, projectRootOf, type ApprovalPolicy, type GateInput } from './policies';

type Change = { before: string | undefined; after: string | undefined };
const edit: Change = { before: 'export const x = 1;\n', after: 'export const x = 2;\n' };

const gate = (files: Record<string, Change>, failingProjects: string[] = [], policy: ApprovalPolicy = DEFAULT_APPROVAL_POLICY): ReturnType<typeof gateReasons> => {
  const input: GateInput = { files: new Map(Object.entries(files)), failingProjects: new Set(failingProjects), policy };
  return gateReasons(input);
};
const rules = (reasons: ReturnType<typeof gateReasons>): string[] => reasons.map((r) => r.rule);

describe('gateReasons', () => {
  it('passes a plain source edit in the failing project with no reasons', () => {
    expect(gate({ 'src/calc.ts': edit }, [''])).toEqual([]);
    expect(gate({ 'packages/a/src/calc.ts': edit }, ['packages/a'])).toEqual([]);
    expect(gate({ 'src/calc.ts': edit })).toEqual([]);
  });

  it('gates a test file on its own', () => {
    for (const path of ['src/calc.test.ts', 'tests/test_calc.py', 'pkg/calc_test.go', 'src/__tests__/calc.js']) {
      expect(gate({ [path]: edit })).toEqual([{ rule: 'test-file', path, reason: `${path} is a test file: the loop should fix the code, not the tests` }]);
    }
  });

  it('gates a deletion on its own, not a creation', () => {
    expect(gate({ 'src/old.ts': { before: 'x', after: undefined } })).toEqual([{ rule: 'deletion', path: 'src/old.ts', reason: 'deletes src/old.ts' }]);
    expect(gate({ 'src/new.ts': { before: undefined, after: 'x' } })).toEqual([]);
  });

  it('gates lockfiles, manifests, CI definitions and tool configuration', () => {
    const paths = [
      'package-lock.json',
      'yarn.lock',
      'pnpm-lock.yaml',
      'package.json',
      'packages/a/package.json',
      '.github/workflows/ci.yml',
      'jest.config.js',
      'vitest.config.mts',
      'tsconfig.json',
      'tsconfig.build.json',
      'pyproject.toml',
    ];
    for (const path of paths) {
      expect(isConfigFile(path), path).toBe(true);
      expect(gate({ [path]: edit }), path).toEqual([{ rule: 'config-file', path, reason: `${path} is a lockfile, CI or build/tool configuration` }]);
    }
  });

  it('conftest.py is config and test support at once', () => {
    expect(rules(gate({ 'tests/conftest.py': edit }))).toEqual(['test-file', 'config-file']);
  });

  it('does not take ordinary files with config-like names for config', () => {
    for (const path of ['src/package.ts', 'src/jest.config.helper/x.ts', 'docs/tsconfig.md', 'src/github/workflow.ts']) expect(isConfigFile(path), path).toBe(false);
  });

  it('gates edits outside the failing projects of a monorepo', () => {
    const reasons = gate({ 'packages/b/src/x.ts': edit, 'packages/ab/x.ts': edit, 'packages/a/src/x.ts': edit, 'packages/a': edit }, ['packages/a']);
    expect(reasons).toEqual([
      { rule: 'outside-failing-projects', path: 'packages/b/src/x.ts', reason: 'packages/b/src/x.ts is outside the project(s) of the failing tests (packages/a)' },
      { rule: 'outside-failing-projects', path: 'packages/ab/x.ts', reason: 'packages/ab/x.ts is outside the project(s) of the failing tests (packages/a)' },
    ]);
    expect(gate({ 'packages/c/x.ts': edit }, ['packages/a', 'packages/b'])[0]?.reason).toBe('packages/c/x.ts is outside the project(s) of the failing tests (packages/a, packages/b)');
    // The workspace root as a failing project contains everything.
    expect(gate({ 'packages/c/x.ts': edit }, ['packages/a', ''])).toEqual([]);
  });

  it('gates a large change, summed over files, strictly above the limit', () => {
    const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag}${i}`).join('\n');
    // Creating a file of 80 lines changes 80 lines (an empty file has no lines); 81 is over the limit.
    expect(gate({ 'src/a.ts': { before: undefined, after: lines(80, 'a') } })).toEqual([]);
    expect(gate({ 'src/a.ts': { before: undefined, after: lines(81, 'a') } })).toEqual([{ rule: 'large-change', reason: 'changes 81 lines (more than 80)' }]);
    // 20 lines replaced by 21 others: 41 per file, 82 in all.
    const twoFiles = gate({ 'src/a.ts': { before: lines(20, 'x'), after: lines(21, 'y') }, 'src/b.ts': { before: lines(20, 'x'), after: lines(21, 'y') } });
    expect(twoFiles).toEqual([{ rule: 'large-change', reason: 'changes 82 lines (more than 80)' }]);
  });

  it('switches every rule off with its policy flag', () => {
    const off: ApprovalPolicy = { ...DEFAULT_APPROVAL_POLICY, testFiles: false, deletions: false, configFiles: false, outsideFailingProjects: false, maxChangedLines: 1000 };
    const files = { 'other/calc.test.ts': { before: 'x', after: undefined }, 'other/package.json': edit };
    expect(rules(gate(files, ['packages/a']))).toEqual(['test-file', 'deletion', 'outside-failing-projects', 'config-file', 'outside-failing-projects']);
    expect(gate(files, ['packages/a'], off)).toEqual([]);
  });
});

describe('countChangedLines', () => {
  it('counts removed plus added lines as a multiset difference', () => {
    expect(countChangedLines('a\nb\nc', 'a\nb\nc')).toBe(0);
    expect(countChangedLines('a\nb\nc', 'a\nB\nc')).toBe(2);
    expect(countChangedLines('x\n', 'x\ny\n')).toBe(1);
    expect(countChangedLines('a\na\nb', 'a\nb')).toBe(1);
    expect(countChangedLines('a\nb', '')).toBe(2);
    expect(countChangedLines('', 'x')).toBe(1);
    // Reordering is invisible to a multiset: the cheap approximation.
    expect(countChangedLines('a\nb', 'b\na')).toBe(0);
  });
});

describe('projectRootOf', () => {
  const fake = (files: string[]): { hasFile: (p: string) => Promise<boolean>; asked: string[] } => {
    const asked: string[] = [];
    const set = new Set(files);
    return { asked, hasFile: async (p) => (asked.push(p), set.has(p)) };
  };

  it('finds the nearest folder above the file holding a project marker', async () => {
    const fs = fake(['packages/a/package.json', 'packages/a/sub/pyproject.toml', 'package.json']);
    expect(await projectRootOf('packages/a/src/deep/x.ts', fs.hasFile)).toBe('packages/a');
    expect(await projectRootOf('packages/a/sub/m.py', fs.hasFile)).toBe('packages/a/sub');
    expect(await projectRootOf('services/go/cmd/main.go', fake(['services/go/go.mod']).hasFile)).toBe('services/go');
  });

  it('answers the workspace root when no folder qualifies, never asking about the root itself', async () => {
    const fs = fake(['package.json']);
    expect(await projectRootOf('packages/b/src/x.ts', fs.hasFile)).toBe('');
    expect(fs.asked).toContain('packages/b/src/package.json');
    expect(fs.asked).toContain('packages/package.json');
    expect(fs.asked.filter((p) => !p.includes('/'))).toEqual([]);
    const atRoot = fake(['package.json']);
    expect(await projectRootOf('x.ts', atRoot.hasFile)).toBe('');
    expect(atRoot.asked).toEqual([]);
  });
});
