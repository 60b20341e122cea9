import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestCase } from '../model';
import type { WorkspaceFolderFacts } from '../workspaceFacts';
import type { Detection, FrameworkAdapter, PlanContext, PlannedRun } from './adapter';
import { COLLECTION_NAME, parsePytestRun, pytestReportPath } from './pytestReport';

/** Explicit pytest configuration beats a conftest.py, which beats a dependency, which beats mere test files. */
const CONFIDENCE = { config: 10, conftest: 7, dependency: 6, testFiles: 4 } as const;

/** Past this many characters of node ids the focus runs whole files instead (Windows caps a command line at 32 767). */
const MAX_FOCUS_CHARS = 8000;

export const pytestAdapter: FrameworkAdapter = {
  framework: 'pytest',
  detect: detectPytest,
  plan: planPytest,
  parse: parsePytestRun,
};

function detectPytest(facts: WorkspaceFolderFacts): Detection | undefined {
  const found: { evidence: string; confidence: number }[] = [];
  const add = (evidence: string, confidence: number): void => {
    found.push({ evidence, confidence });
  };
  for (const name of ['pytest.ini', '.pytest.ini', 'pytest.toml', '.pytest.toml']) {
    if (facts.rootEntries.has(name)) add(name, CONFIDENCE.config); // these configure pytest even when empty
  }
  const pyproject = facts.readText('pyproject.toml') ?? '';
  const table = /^\s*(\[tool\.pytest(?:\.ini_options)?\])/m.exec(pyproject)?.[1]; // [tool.pytest] is pytest 9's native TOML
  if (table) add(`pyproject.toml ${table}`, CONFIDENCE.config);
  else if (/(^|[\s"'[,])pytest(?=$|[\s<>=!~;[\]"',])/m.test(pyproject)) add('pyproject.toml pytest dependency', CONFIDENCE.dependency);
  if (/^\s*\[tool:pytest\]/m.test(facts.readText('setup.cfg') ?? '')) add('setup.cfg [tool:pytest]', CONFIDENCE.config);
  if (/^\s*\[pytest\]/m.test(facts.readText('tox.ini') ?? '')) add('tox.ini [pytest]', CONFIDENCE.config);
  if (facts.rootEntries.has('conftest.py')) add('conftest.py', CONFIDENCE.conftest);
  const testFiles = findTestFiles(facts);
  if (testFiles) add(testFiles, CONFIDENCE.testFiles);
  const best = found.sort((a, b) => b.confidence - a.confidence)[0];
  return best && { framework: 'pytest', ...best };
}

const isTestFile = (name: string): boolean => /^test_.*\.py$|_test\.py$/.test(name); // pytest's default python_files

/** Where pytest's default discovery would find test files: the root, tests/ or test/, one level of subfolders. */
function findTestFiles(facts: WorkspaceFolderFacts): string | undefined {
  if ([...facts.rootEntries].some(isTestFile)) return 'test_*.py files';
  for (const dir of ['tests', 'test']) {
    if (!facts.rootEntries.has(dir)) continue;
    // The facts only list the root, so the test folder is listed here.
    const entries = list(join(facts.root, dir));
    if (entries.some(isTestFile)) return `${dir}/ with test_*.py files`;
    for (const sub of entries.filter((e) => !e.includes('.'))) {
      if (list(join(facts.root, dir, sub)).some(isTestFile)) return `${dir}/ with test_*.py files`;
    }
  }
  return undefined;
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * `python3 -m pytest` (`python` on Windows), so the interpreter on PATH is the one that imports the
 * code. When that is not the project's interpreter (a virtualenv, poetry, tox), the user sets the
 * test command (e.g. ".venv/bin/python -m pytest"); these args are appended to it.
 */
function planPytest(context: PlanContext, focus?: readonly TestCase[]): PlannedRun {
  const report = pytestReportPath(context);
  const args = [
    '-q',
    // xunit1 is the family whose <testcase> carries file and line.
    '-o',
    'junit_family=xunit1',
    `--junitxml=${report}`,
    // Keep .pytest_cache out of the user's repo by moving it into the run's own report directory.
    // Not `-p no:cacheprovider`: that turns a user's `--lf`/`--ff`/`--sw` in addopts into a usage error.
    '-o',
    `cache_dir=${join(context.reportDir, 'pytest-cache')}`,
    // Node ids (and so test ids and focus targets) are relative to the workspace folder even when a
    // pytest.ini further up would otherwise make its folder the rootdir.
    `--rootdir=${context.cwd}`,
  ];
  const targets = focus ? focusTargets(focus) : { nodeIds: [], broader: false };
  return {
    invocation: process.platform === 'win32' ? ['python', '-m', 'pytest'] : ['python3', '-m', 'pytest'],
    args: [...args, ...targets.nodeIds],
    // No __pycache__ written into the workspace, and no bytecode from an earlier run read back when
    // an edit kept a file's size and mtime second (a fast loop can do both).
    env: { PYTHONDONTWRITEBYTECODE: '1' },
    reportFiles: [report],
    broaderThanFocus: targets.broader,
  };
}

/** pytest node ids (`file::Class::name[params]`) for the focus, or whole files when the ids cannot say it. */
function focusTargets(focus: readonly TestCase[]): { nodeIds: string[]; broader: boolean } {
  // Nothing to aim at: without a file there is no node id, so everything runs.
  if (focus.length === 0 || focus.some((t) => t.file === '')) return { nodeIds: [], broader: true };
  const nodeIds = unique(focus.map(nodeId));
  const broader = focus.some((t) => t.name === COLLECTION_NAME); // a module that did not collect reruns whole
  if (nodeIds.join(' ').length <= MAX_FOCUS_CHARS) return { nodeIds, broader };
  return { nodeIds: unique(focus.map((t) => t.file)), broader: true };
}

export function nodeId(test: TestCase): string {
  if (test.name === COLLECTION_NAME) return test.file;
  const name = test.parameters !== undefined ? `${test.name}[${test.parameters}]` : test.name;
  return [test.file, ...test.suitePath, name].join('::');
}

const unique = (items: readonly string[]): string[] => [...new Set(items)];
