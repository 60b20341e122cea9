import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFailing, type TestCase } from '../model';
import type { WorkspaceFolderFacts } from '../workspaceFacts';
import { readWorkspaceFacts } from '../workspaceFacts';
import { ReportError, type PlanContext } from './adapter';
import { nodeId, pytestAdapter } from './pytest';

// Real pytest runs recorded on the fixtures (see test/fixtures/reports/pytest/README.md); the
// fixtures lived here when they were recorded, which is the root their absolute paths resolve against.
const RECORDED_AT = '/work/main/test/fixtures';
const recorded = (name: string): string => readFileSync(`test/fixtures/reports/pytest/${name}`, 'utf8');
const contextFor = (fixture: string): PlanContext => ({ cwd: `${RECORDED_AT}/${fixture}`, reportDir: '/tmp/loopgain-report-x' });

/** Parses a recorded run: its report (if pytest wrote one), its output and its exit code. */
function parseRecorded(fixture: string, run: string, exitCode: number, withReport = true) {
  const context = contextFor(fixture);
  const reports = new Map<string, string>();
  if (withReport) reports.set('/tmp/loopgain-report-x/pytest.xml', recorded(`${run}.xml`));
  return pytestAdapter.parse({ reports, output: recorded(`${run}.out.txt`), exitCode }, context);
}

/** The node ids pytest itself printed as failing: `FAILED tests/x.py::test_y - message`. */
const printedFailures = (output: string, kind = 'FAILED'): string[] =>
  [...output.matchAll(new RegExp(`^${kind} (\\S+)(?: - .*)?$`, 'gm'))].map((m) => m[1] as string);

const summary = (tests: readonly TestCase[]): string[] => tests.map((t) => `${t.id} ${t.status}`);

describe('pytest report: a full run', () => {
  const { tests, collectionError } = parseRecorded('pytest-project', 'project-full', 1);

  it('gives every test its stable id, status and place', () => {
    expect(collectionError).toBeUndefined();
    expect(summary(tests)).toEqual([
      'tests/test_calc.py::test_add passed',
      'tests/test_calc.py::test_add_params[1-2-3] passed',
      'tests/test_calc.py::test_add_params[-1-1-0] passed',
      'tests/test_calc.py::test_subtract[5-5-0] failed',
      'tests/test_calc.py::test_subtract[3-1-2] failed',
      'tests/test_calc.py::test_multiply skipped',
      'tests/test_calc.py::TestMean › test_mean passed',
      'tests/test_calc.py::TestMean › test_mean_empty failed',
    ]);
    expect(tests[3]).toMatchObject({ file: 'tests/test_calc.py', suitePath: [], name: 'test_subtract', parameters: '5-5-0' });
    expect(tests[7]).toMatchObject({ suitePath: ['TestMean'], name: 'test_mean_empty' });
    expect(tests[7]?.parameters).toBeUndefined();
  });

  it('fails exactly the tests pytest printed as FAILED, and their node ids round-trip', () => {
    const failing = tests.filter(isFailing);
    expect(failing.map(nodeId)).toEqual(printedFailures(recorded('project-full.out.txt')));
  });

  it('resolves the traceback to workspace files, through the test into the module under test', () => {
    const empty = tests.find((t) => t.name === 'test_mean_empty');
    expect(empty?.message).toBe('ZeroDivisionError: division by zero');
    expect(empty?.stack).toEqual([
      { file: 'tests/test_calc.py', line: 30, inWorkspace: true },
      { file: 'calc.py', line: 14, inWorkspace: true },
    ]);
    expect(tests.find((t) => t.parameters === '3-1-2')?.message).toBe('assert 4 == 2\n +  where 4 = subtract(3, 1)');
  });

  it('keeps skip reasons and durations but gives passing and skipped tests no stack', () => {
    const skipped = tests.find((t) => t.status === 'skipped');
    expect(skipped).toMatchObject({ message: 'not written yet', stack: [] });
    expect(tests.filter((t) => !isFailing(t)).every((t) => t.stack.length === 0)).toBe(true);
    expect(tests.every((t) => typeof t.durationMs === 'number' && t.durationMs >= 0)).toBe(true);
  });

  it('gives the same ids and statuses from pytest 7 (Debian) as from pytest 9', () => {
    expect(summary(parseRecorded('pytest-project', 'project-full.pytest7', 1).tests)).toEqual(summary(tests));
  });

  it('gives a focused run the same ids as the full run', () => {
    const focused = parseRecorded('pytest-project', 'project-focused', 1).tests;
    expect(summary(focused)).toEqual(summary(tests.filter(isFailing)));
  });
});

describe('pytest report: ids that are easy to get wrong', () => {
  const { tests } = parseRecorded('pytest-edge-cases', 'edge-cases', 1);
  const byName = (name: string): TestCase | undefined => tests.find((t) => t.name === name);

  it('files an inherited test under the module that collected it, not the base class’s file', () => {
    expect(byName('test_inherited')).toMatchObject({ id: 'tests/test_edges.py::TestChild › test_inherited', file: 'tests/test_edges.py', suitePath: ['TestChild'] });
    expect(byName('test_inherited')?.stack).toEqual([{ file: 'tests/base.py', line: 4, inWorkspace: true }]);
  });

  it('keeps nested classes, brackets, escapes and "::" inside parameters', () => {
    expect(byName('test_nested')?.suitePath).toEqual(['TestOuter', 'TestInner']);
    expect(tests.filter((t) => t.name === 'test_odd_params').map((t) => [t.parameters, t.status])).toEqual([
      ['a b', 'passed'],
      ['x[1]', 'failed'],
      ['\\xe9', 'passed'],
      ['a::b', 'passed'],
    ]);
  });

  it('reports a test that fails and then errors in teardown once, failing, with both stacks', () => {
    const twice = tests.filter((t) => t.name === 'test_fails_then_teardown_error');
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatchObject({ status: 'failed', message: 'AssertionError: call failed\nassert False' });
    expect(twice[0]?.stack.map((f) => `${f.file}:${f.line}`)).toEqual(['tests/test_edges.py:32', 'tests/test_edges.py:24']);
  });

  it('maps setup errors to error and xfail to skipped', () => {
    expect(byName('test_setup_error')).toMatchObject({ status: 'error', message: 'failed on setup with "RuntimeError: setup boom"' });
    expect(byName('test_xfail')?.status).toBe('skipped');
  });

  it('fails what pytest printed, from pytest 7 and 9 alike', () => {
    const output = recorded('edge-cases.out.txt');
    const printed = new Set([...printedFailures(output), ...printedFailures(output, 'ERROR')]);
    expect(new Set(tests.filter(isFailing).map(nodeId))).toEqual(printed);
    expect(summary(parseRecorded('pytest-edge-cases', 'edge-cases.pytest7', 1).tests)).toEqual(summary(tests));
  });

  it('gives a focused run on node ids rebuilt from the TestCases the same ids', () => {
    const focused = parseRecorded('pytest-edge-cases', 'edge-cases-focused', 1).tests;
    const full = new Map(tests.map((t) => [t.id, t.status]));
    expect(focused).toHaveLength(7);
    for (const t of focused) expect(full.get(t.id)).toBe(t.status);
  });
});

describe('pytest report: runs that give no verdict', () => {
  it('turns an import error during collection into a collection error, never "0 failures"', () => {
    for (const run of ['collection-error', 'collection-error.pytest7']) {
      const parsed = parseRecorded('pytest-collection-error', run, 2);
      expect(parsed.collectionError).toBe("pytest could not collect tests/test_broken.py: ModuleNotFoundError: No module named 'loopgain_missing_module'");
      expect(parsed.tests).toHaveLength(1);
      expect(parsed.tests[0]).toMatchObject({ id: 'tests/test_broken.py::<collection>', status: 'error' });
      expect(parsed.tests[0]?.stack.filter((f) => f.inWorkspace)).toEqual([{ file: 'tests/test_broken.py', line: 1, inWorkspace: true }]);
    }
  });

  it('turns a broken conftest.py (no report, exit 4) into a collection error', () => {
    const parsed = parseRecorded('pytest-conftest-error', 'conftest-error', 4, false);
    expect(parsed).toEqual({ tests: [], collectionError: "pytest could not load conftest.py: ModuleNotFoundError: No module named 'loopgain_missing_plugin'" });
  });

  it('says which focused test no longer exists', () => {
    const parsed = parseRecorded('pytest-project', 'project-not-found', 4);
    expect(parsed.collectionError).toBe('pytest found no test at tests/test_calc.py::test_gone (renamed or removed?)');
  });

  it('reads exit 5 (nothing collected) as a completed run of no tests', () => {
    expect(parseRecorded('pytest-project', 'project-none-selected', 5)).toEqual({ tests: [] });
  });

  it('throws a ReportError that says why when there is no usable report', () => {
    const noPytest = (): unknown => parseRecorded('pytest-project', 'no-pytest', 1, false);
    expect(noPytest).toThrow(ReportError);
    expect(noPytest).toThrow('pytest wrote no report (exit 1): /usr/bin/python3: No module named pytest');
    expect(() => parseRecorded('pytest-project', 'usage-error', 4, false)).toThrow('pytest usage error: __main__.py: error: unrecognized arguments: --no-such-flag');
  });

  it('rejects truncated, malformed and empty reports with the reason', () => {
    const withReport = (xml: string) => () =>
      pytestAdapter.parse({ reports: new Map([['/tmp/loopgain-report-x/pytest.xml', xml]]), output: '', exitCode: 1 }, contextFor('pytest-project'));
    expect(withReport(recorded('project-full.truncated.xml'))).toThrow(/pytest report is not well-formed XML \(line \d+/);
    expect(withReport(recorded('project-full.malformed.xml'))).toThrow(ReportError);
    expect(withReport(recorded('project-full.malformed.xml'))).toThrow(/not well-formed XML/);
    expect(withReport('')).toThrow('pytest report is empty');
  });
});

describe('pytest plan', () => {
  const context: PlanContext = { cwd: '/ws', reportDir: '/tmp/r' };
  const full = parseRecorded('pytest-project', 'project-full', 1).tests;

  it('runs python -m pytest with a JUnit report, the cache kept in the report dir, and no bytecode written', () => {
    const plan = pytestAdapter.plan(context);
    expect(plan.invocation).toEqual(process.platform === 'win32' ? ['python', '-m', 'pytest'] : ['python3', '-m', 'pytest']);
    expect(plan.args).toEqual(['-q', '-o', 'junit_family=xunit1', '--junitxml=/tmp/r/pytest.xml', '-o', 'cache_dir=/tmp/r/pytest-cache', '--rootdir=/ws']);
    expect(plan.reportFiles).toEqual(['/tmp/r/pytest.xml']);
    expect(plan.env).toEqual({ PYTHONDONTWRITEBYTECODE: '1' });
    expect(plan.broaderThanFocus).toBe(false);
  });

  it('focuses on node ids rebuilt from the TestCases', () => {
    const plan = pytestAdapter.plan(context, full.filter(isFailing));
    expect(plan.args.slice(7)).toEqual(['tests/test_calc.py::test_subtract[5-5-0]', 'tests/test_calc.py::test_subtract[3-1-2]', 'tests/test_calc.py::TestMean::test_mean_empty']);
    expect(plan.broaderThanFocus).toBe(false);
  });

  it('reruns a module that did not collect as a whole file, and says the run is broader', () => {
    const uncollected = parseRecorded('pytest-collection-error', 'collection-error', 2).tests;
    const plan = pytestAdapter.plan(context, uncollected);
    expect(plan.args.slice(7)).toEqual(['tests/test_broken.py']);
    expect(plan.broaderThanFocus).toBe(true);
  });

  it('falls back to files past a long command line, and to a full run for tests without a file', () => {
    const many: TestCase[] = Array.from({ length: 400 }, (_, i) => ({ ...(full[0] as TestCase), name: `test_${'n'.repeat(20)}_${i}` }));
    expect(pytestAdapter.plan(context, many)).toMatchObject({ broaderThanFocus: true });
    expect(pytestAdapter.plan(context, many).args.slice(7)).toEqual(['tests/test_calc.py']);
    const noFile = pytestAdapter.plan(context, [{ ...(full[0] as TestCase), file: '' }]);
    expect(noFile.args).toHaveLength(7);
    expect(noFile.broaderThanFocus).toBe(true);
  });
});

describe('pytest detection', () => {
  const facts = (entries: string[], files: Record<string, string> = {}): WorkspaceFolderFacts => ({
    root: '/nonexistent-loopgain-ws',
    rootEntries: new Set([...entries, ...Object.keys(files)]),
    readText: (name) => files[name],
  });
  const detect = (f: WorkspaceFolderFacts) => pytestAdapter.detect(f);

  it('recognises each kind of explicit configuration with full confidence', () => {
    expect(detect(facts(['pytest.ini']))).toEqual({ framework: 'pytest', evidence: 'pytest.ini', confidence: 10 });
    expect(detect(facts([], { 'pyproject.toml': '[project]\nname = "x"\n\n[tool.pytest.ini_options]\naddopts = "-q"\n' }))?.evidence).toBe('pyproject.toml [tool.pytest.ini_options]');
    expect(detect(facts([], { 'pyproject.toml': '[tool.pytest]\nminversion = "9.0"\n' }))?.evidence).toBe('pyproject.toml [tool.pytest]');
    expect(detect(facts(['pytest.toml']))?.confidence).toBe(10);
    expect(detect(facts([], { 'setup.cfg': '[metadata]\nname = x\n[tool:pytest]\n' }))?.evidence).toBe('setup.cfg [tool:pytest]');
    expect(detect(facts([], { 'tox.ini': '[tox]\nenvlist = py311\n\n[pytest]\ntestpaths = tests\n' }))).toMatchObject({ evidence: 'tox.ini [pytest]', confidence: 10 });
  });

  it('ranks explicit config over conftest.py over a dependency over mere test files', () => {
    const conftest = detect(facts(['conftest.py']));
    const dependency = detect(facts([], { 'pyproject.toml': '[project.optional-dependencies]\ndev = ["pytest>=7", "ruff"]\n' }));
    const testFile = detect(facts(['test_app.py']));
    expect(conftest?.evidence).toBe('conftest.py');
    expect(dependency?.evidence).toBe('pyproject.toml pytest dependency');
    expect(testFile?.evidence).toBe('test_*.py files');
    const ranks = [10, conftest?.confidence, dependency?.confidence, testFile?.confidence] as number[];
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(4);
    expect(detect(facts(['conftest.py', 'pytest.ini']))?.evidence).toBe('pytest.ini');
  });

  it('ignores look-alikes: a tox.ini without [pytest], pytest-cov alone, no Python tests', () => {
    expect(detect(facts([], { 'tox.ini': '[tox]\nenvlist = py311\n' }))).toBeUndefined();
    expect(detect(facts([], { 'pyproject.toml': 'dev = ["pytest-cov"]\n' }))).toBeUndefined();
    expect(detect(facts(['package.json', 'tests', 'src']))).toBeUndefined();
  });

  it('finds test_*.py files inside a tests/ folder on disk', () => {
    const hang = readWorkspaceFacts('test/fixtures/pytest-hang');
    const withoutConfig: WorkspaceFolderFacts = { ...hang, readText: () => undefined };
    expect(detect(withoutConfig)).toMatchObject({ evidence: 'tests/ with test_*.py files', confidence: 4 });
  });
});
