import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestSetup } from '../../src/core/tests/detectFramework';
import { nodeId, pytestAdapter } from '../../src/core/tests/frameworks/pytest';
import { isFailing, type TestCase, type TestRun } from '../../src/core/tests/model';
import { runTests } from '../../src/core/tests/runTests';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';

const fixtures = join(__dirname, '../fixtures');
const python = process.platform === 'win32' ? 'python' : 'python3';
const version = spawnSync(python, ['-m', 'pytest', '--version'], { encoding: 'utf8' });
const pytestMissing = version.status !== 0;
if (pytestMissing) {
  const why = (version.stderr || version.stdout || version.error?.message || '').trim();
  console.warn(`pytest integration tests skipped: \`${python} -m pytest --version\` failed (${why}); on Debian: apt-get install python3-pytest`);
}

// Each run works on a copy, so no plugin (pytest-benchmark's .benchmarks, say) writes into the repo's fixtures.
const scratch = mkdtempSync(join(tmpdir(), 'loopgain-pytest-it-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let copies = 0;
function copyOf(fixture: string): string {
  const dir = join(scratch, `${copies++}-${fixture}`);
  cpSync(join(fixtures, fixture), dir, { recursive: true });
  return dir;
}

function setupFor(cwd: string, command?: string): TestSetup {
  const detection = pytestAdapter.detect(readWorkspaceFacts(cwd));
  if (!detection) throw new Error(`pytest not detected in ${cwd}`);
  return { kind: 'framework', adapter: pytestAdapter, detection, ...(command ? { command } : {}) };
}

const run = (cwd: string, focus?: readonly TestCase[]): Promise<TestRun> => runTests({ setup: setupFor(cwd), cwd, focus, timeoutMs: 60_000 });

/** The node ids pytest printed in its short summary (`FAILED tests/x.py::test_y - …`, `ERROR …`). */
const printedFailing = (output: string): string[] => [...output.matchAll(/^(?:FAILED|ERROR) (\S+)/gm)].map((m) => m[1] as string);

const FAILING = ['tests/test_calc.py::test_subtract[5-5-0]', 'tests/test_calc.py::test_subtract[3-1-2]', 'tests/test_calc.py::TestMean › test_mean_empty'];

describe('pytest detection on the fixtures', () => {
  it.each([
    ['pytest-project', 'pytest.ini'],
    ['pytest-collection-error', 'pyproject.toml [tool.pytest.ini_options]'],
    ['pytest-hang', 'setup.cfg [tool:pytest]'],
    ['pytest-conftest-error', 'pytest.ini'],
    ['pytest-edge-cases', 'pytest.ini'],
  ])('%s: %s', (fixture, evidence) => {
    expect(pytestAdapter.detect(readWorkspaceFacts(join(fixtures, fixture)))).toEqual({ framework: 'pytest', evidence, confidence: 10 });
  });
});

describe.skipIf(pytestMissing)(`pytest on real projects (${version.stdout?.trim() || 'pytest'})`, () => {
  it('reports exactly the failing tests pytest prints, and writes no cache or bytecode into the workspace', async () => {
    const cwd = copyOf('pytest-project');
    const result = await run(cwd);
    expect(result).toMatchObject({ outcome: 'completed', exitCode: 1, framework: 'pytest' });
    expect(result.command).toMatch(/^python3? -m pytest -q -o junit_family=xunit1 --junitxml=.*pytest\.xml -o cache_dir=.* --rootdir=/);
    expect(result.tests).toHaveLength(8);
    expect(result.tests.filter(isFailing).map((t) => t.id)).toEqual(FAILING);
    expect(result.tests.filter(isFailing).map(nodeId).sort()).toEqual(printedFailing(result.output.text).sort());
    expect(result.tests.find((t) => t.name === 'test_mean_empty')?.stack.map((f) => f.file)).toEqual(['tests/test_calc.py', 'calc.py']);
    expect(existsSync(join(cwd, '.pytest_cache'))).toBe(false);
    expect(readdirSync(cwd, { recursive: true }).filter((p) => String(p).includes('__pycache__'))).toEqual([]);
  }, 90_000);

  it('runs only the failing tests when focused on them, under the same ids', async () => {
    const cwd = copyOf('pytest-project');
    const failing = (await run(cwd)).tests.filter(isFailing);
    const focused = await run(cwd, failing);
    expect(focused.outcome).toBe('completed');
    expect(focused.focusedOn).toEqual(FAILING);
    expect(focused.tests.map((t) => `${t.id} ${t.status}`)).toEqual(FAILING.map((id) => `${id} failed`));
    expect(focused.command).toContain('tests/test_calc.py::TestMean::test_mean_empty');
  }, 90_000);

  it('gives every test the same id in a full run and in a focused run on all of them', async () => {
    const cwd = copyOf('pytest-edge-cases');
    const full = await run(cwd);
    const focused = await run(cwd, full.tests);
    expect(full.tests.length).toBe(9);
    expect(focused.tests.map((t) => `${t.id} ${t.status}`)).toEqual(full.tests.map((t) => `${t.id} ${t.status}`));
    expect(full.tests.filter(isFailing).map(nodeId).sort()).toEqual([...new Set(printedFailing(full.output.text))].sort());
  }, 90_000);

  it('turns an import error during collection into a collection error that names it', async () => {
    const result = await run(copyOf('pytest-collection-error'));
    expect(result).toMatchObject({ outcome: 'collection-error', exitCode: 2 });
    expect(result.problem).toContain("tests/test_broken.py: ModuleNotFoundError: No module named 'loopgain_missing_module'");
  }, 90_000);

  it('turns a conftest.py that does not import into a collection error', async () => {
    const result = await run(copyOf('pytest-conftest-error'));
    expect(result.outcome).toBe('collection-error');
    expect(result.problem).toBe("pytest could not load conftest.py: ModuleNotFoundError: No module named 'loopgain_missing_plugin'");
  }, 90_000);

  it('reports an interpreter without pytest as a runner error that says so', async () => {
    const cwd = copyOf('pytest-project');
    // -S: no site-packages, so this interpreter cannot import pytest.
    const result = await runTests({ setup: setupFor(cwd, `${python} -S -m pytest`), cwd, timeoutMs: 60_000 });
    expect(result.outcome).toBe('runner-error');
    expect(result.problem).toMatch(/^pytest report unusable: pytest wrote no report \(exit 1\): .*No module named pytest/);
  }, 90_000);
});
