import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goTestAdapter } from '../../src/core/tests/frameworks/goTest';
import { isFailing, type TestRun } from '../../src/core/tests/model';
import { runTests } from '../../src/core/tests/runTests';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';

const fixtures = join(__dirname, '../fixtures');
const goVersion = spawnSync('go', ['version'], { encoding: 'utf8' });
const goMissing = goVersion.status !== 0;
if (goMissing) console.warn('go integration tests skipped: the go tool is not installed (apt-get install golang-go)');

async function run(project: string, focus?: TestRun['tests']): Promise<TestRun> {
  const cwd = join(fixtures, project);
  const detection = goTestAdapter.detect(readWorkspaceFacts(cwd));
  if (!detection) throw new Error(`go not detected in ${project}`);
  return runTests({ setup: { kind: 'framework', adapter: goTestAdapter, detection }, cwd, focus, timeoutMs: 120_000 });
}

const FAILING = ['calc::TestMultiply', 'calc::TestMultiplyTable', 'calc::TestMultiplyTable › negative_left'];

describe('go detection', () => {
  it('detects go.mod in both fixtures', () => {
    for (const project of ['go-project', 'go-build-error']) {
      expect(goTestAdapter.detect(readWorkspaceFacts(join(fixtures, project)))).toMatchObject({ framework: 'go', evidence: 'go.mod' });
    }
  });
});

describe.skipIf(goMissing)(`go test on real projects (${goVersion.stdout?.trim() ?? 'go'})`, () => {
  it('reports exactly the failing tests of a full run, subtests included', async () => {
    const result = await run('go-project');
    expect(result.outcome).toBe('completed');
    expect(result.command).toBe('go test -json ./...');
    expect(result.tests.filter(isFailing).map((t) => t.id).sort()).toEqual(FAILING);
    expect(result.tests.find((t) => t.id === 'calc::TestMultiply')?.stack[0]).toMatchObject({ file: 'calc/calc_test.go', inWorkspace: true });
    expect(result.tests.some((t) => t.id === 'strutil::TestAdd' && t.status === 'passed')).toBe(true);
  }, 150_000);

  it('runs only the failing tests when focused on them', async () => {
    const full = await run('go-project');
    const failing = full.tests.filter(isFailing);
    expect(full.outcome).toBe('completed');
    expect(failing.map((t) => t.id).sort()).toEqual(FAILING);
    const focused = await run('go-project', failing);
    expect(focused.outcome).toBe('completed');
    expect(focused.focusedOn).toEqual(failing.map((t) => t.id));
    expect(focused.tests.map((t) => t.id).sort()).toEqual(FAILING);
    expect(focused.command).toContain('./calc');
    expect(focused.command).not.toContain('./...');
  }, 150_000);

  it('turns a package that does not build into a collection error that names the compiler error', async () => {
    const result = await run('go-build-error');
    expect(result.outcome).toBe('collection-error');
    expect(result.problem).toMatch(/^go build failed for calc: calc\/calc\.go:6:13: undefined: c/);
    expect(result.tests.map((t) => `${t.id} ${t.status}`)).toEqual(['strutil::TestShout passed']);
  }, 150_000);
});
