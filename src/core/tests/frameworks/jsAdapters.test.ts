import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordedReport, recordedRoot } from '../../../../test/support/recordedReports';
import { detectTestSetup } from '../detectFramework';
import type { TestCase } from '../model';
import type { PackageJsonFacts, WorkspaceFolderFacts } from '../workspaceFacts';
import { ReportError, type FrameworkAdapter, type PlanContext } from './adapter';
import { jestAdapter } from './jest';
import { mochaAdapter } from './mocha';
import { nodeTestAdapter } from './nodeTest';
import { vitestAdapter } from './vitest';

const JS_ADAPTERS = [jestAdapter, vitestAdapter, mochaAdapter, nodeTestAdapter];

function facts(entries: string[], pkg: { scripts?: Record<string, string>; devDependencies?: string[]; extra?: Record<string, unknown> } = {}): WorkspaceFolderFacts {
  const packageJson: PackageJsonFacts = {
    scripts: pkg.scripts ?? {},
    dependencies: new Set(),
    devDependencies: new Set(pkg.devDependencies ?? []),
  };
  const text = JSON.stringify({ scripts: pkg.scripts, ...pkg.extra });
  return { root: '/ws', rootEntries: new Set(['package.json', ...entries]), packageJson, readText: (n) => (n === 'package.json' ? text : undefined) };
}

const detected = (f: WorkspaceFolderFacts) => detectTestSetup(f, JS_ADAPTERS);

describe('detection', () => {
  it('lets the test script win: vitest over a leftover jest config and dependency', () => {
    const setup = detected(facts(['jest.config.js'], { scripts: { test: 'vitest run' }, devDependencies: ['jest', 'vitest'] }));
    expect(setup.kind === 'framework' && setup.adapter.framework).toBe('vitest');
    expect(setup.kind === 'framework' && setup.detection.evidence).toBe('package.json scripts.test: "vitest run"');
  });

  it('ranks an explicit test script above a stray devDependency', () => {
    const f = facts([], { scripts: { test: 'mocha' }, devDependencies: ['jest', 'mocha'] });
    expect(mochaAdapter.detect(f)?.confidence).toBeGreaterThan(jestAdapter.detect(f)?.confidence ?? Infinity);
    const setup = detected(f);
    expect(setup.kind === 'framework' && setup.adapter.framework).toBe('mocha');
  });

  it('recognises config files and package.json config keys', () => {
    expect(jestAdapter.detect(facts(['jest.config.ts']))?.evidence).toBe('jest.config.ts');
    expect(jestAdapter.detect(facts([], { extra: { jest: { testEnvironment: 'node' } } }))?.evidence).toBe('package.json "jest" config');
    expect(vitestAdapter.detect(facts(['vitest.config.mts']))?.evidence).toBe('vitest.config.mts');
    expect(mochaAdapter.detect(facts(['.mocharc.yml']))?.evidence).toBe('.mocharc.yml');
  });

  it('finds node --test only in a script, and not in other node commands', () => {
    expect(nodeTestAdapter.detect(facts([], { scripts: { test: 'node --test test/' } }))?.confidence).toBe(10);
    expect(nodeTestAdapter.detect(facts([], { scripts: { 'test:unit': 'node --import tsx --test' } }))?.confidence).toBe(8);
    expect(nodeTestAdapter.detect(facts([], { scripts: { start: 'node --test-reporter=spec server.js' } }))).toBeUndefined();
    expect(nodeTestAdapter.detect(facts([], { devDependencies: ['jest'] }))).toBeUndefined();
  });
});

const dirs: string[] = [];
function context(cwd = mkdtempSync(join(tmpdir(), 'loopgain-ws-'))): PlanContext {
  const reportDir = mkdtempSync(join(tmpdir(), 'loopgain-report-test-'));
  dirs.push(reportDir, cwd);
  return { cwd, reportDir };
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const failing = (file: string, suitePath: string[], name: string): TestCase => ({
  id: `${file}::${[...suitePath, name].join(' › ')}`,
  file,
  suitePath,
  name,
  status: 'failed',
  stack: [],
});

describe('plan', () => {
  it('keeps the options and paths of the project test script, without its reporter or watch mode', () => {
    const ctx = context();
    writeFileSync(join(ctx.cwd, 'package.json'), JSON.stringify({ scripts: { test: "mocha --require ts-node/register -R dot --watch 'test/**/*.spec.ts'" } }));
    const plan = mochaAdapter.plan(ctx);
    expect(plan.args.slice(0, 3)).toEqual(['--require', 'ts-node/register', 'test/**/*.spec.ts']);
    expect(plan.args).not.toContain('--watch');
    expect(plan.args).not.toContain('dot');
    expect(plan.reportFiles).toEqual([join(ctx.reportDir, 'mocha-report.json')]);
    expect(existsSync(plan.args[plan.args.indexOf('--reporter') + 1] as string)).toBe(true);
  });

  it('focuses jest and vitest on exact, escaped full names in the focused files', () => {
    const focus = [failing('test/a.test.js', ['math (x)'], 'adds [1+1]'), failing('test/b.test.js', [], 'b.c')];
    const jest = jestAdapter.plan(context(), focus);
    expect(jest.args).toEqual(expect.arrayContaining(['--runTestsByPath', 'test/a.test.js', 'test/b.test.js', '-t', '^(?:math \\(x\\) adds \\[1\\+1\\]|b\\.c)$']));
    expect(jest.broaderThanFocus).toBeFalsy();
    const ctx = context();
    const vitest = vitestAdapter.plan(ctx, focus);
    expect(vitest.args[0]).toBe('run');
    expect(vitest.args).toEqual(expect.arrayContaining(['-t', '^(?:math \\(x\\) adds \\[1\\+1\\]|b\\.c)$', join(ctx.cwd, 'test/a.test.js')]));
    expect(new RegExp(vitest.args[vitest.args.indexOf('-t') + 1] as string).test('math (x) adds [1+1]')).toBe(true);
  });

  it('runs whole focused files when the name filter would not fit on a command line', () => {
    const many = Array.from({ length: 400 }, (_, i) => failing('test/a.test.js', ['a rather long describe block name'], `test number ${i}`));
    for (const adapter of JS_ADAPTERS) {
      const plan = adapter.plan(context(), many);
      expect(plan.broaderThanFocus).toBe(true);
      expect(plan.args.join(' ').length).toBeLessThan(2000);
      expect(plan.args.some((a) => a.endsWith('test/a.test.js'))).toBe(true);
    }
  });

  it('keeps the file filters of a vitest script, whichever command it uses', () => {
    const ctx = context();
    writeFileSync(join(ctx.cwd, 'package.json'), JSON.stringify({ scripts: { test: 'vitest --config vitest.unit.ts src/' } }));
    expect(vitestAdapter.plan(ctx).args.slice(0, 4)).toEqual(['run', '--config', 'vitest.unit.ts', 'src/']);
    writeFileSync(join(ctx.cwd, 'package.json'), JSON.stringify({ scripts: { test: 'vitest run --watch src/' } }));
    expect(vitestAdapter.plan(ctx).args.slice(0, 2)).toEqual(['run', 'src/']);
  });

  it('focuses mocha with --grep on the full title', () => {
    const plan = mochaAdapter.plan(context(), [failing('test/a.test.js', ['outer', 'inner'], 'works')]);
    expect(plan.args.slice(-3)).toEqual(['--grep', '^(?:outer inner works)$', 'test/a.test.js']);
  });

  it('focuses node --test on each test name, and says the run may be broader', () => {
    const ctx = context();
    writeFileSync(join(ctx.cwd, 'package.json'), JSON.stringify({ scripts: { test: 'node --import tsx --test test/' } }));
    const full = nodeTestAdapter.plan(ctx);
    expect(full.invocation).toEqual(['node']);
    expect(full.args).toEqual(['--test', '--import', 'tsx', expect.stringMatching(/^--test-reporter=file:\/\//), `--test-reporter-destination=${join(ctx.reportDir, 'node-test-events.jsonl')}`, 'test/']);
    const focused = nodeTestAdapter.plan(ctx, [failing('test/a.test.js', ['s'], 'x.y')]);
    expect(focused.args.slice(-2)).toEqual(['--test-name-pattern=^x\\.y$', 'test/a.test.js']);
    expect(focused.broaderThanFocus).toBe(true);
  });
});

describe('parse', () => {
  const artifacts = (file: string, text: string | undefined, output = '') => ({
    reports: new Map(text === undefined ? [] : [[file, text]]),
    output,
    exitCode: 1,
  });

  it('drops the tests that only the name filter skipped from a focused jest or vitest run', () => {
    for (const [adapter, framework, report] of [
      [jestAdapter, 'jest', 'jest-report.json'],
      [vitestAdapter, 'vitest', 'vitest-report.json'],
    ] as const) {
      const ctx = { ...context(), cwd: recordedRoot(`${framework}-project`) };
      const focus = adapter.parse(artifacts(join(ctx.reportDir, report), recordedReport(framework, 'full.json')), ctx).tests.filter((t) => t.status === 'failed');
      adapter.plan(ctx, focus);
      expect(JSON.parse(readFileSync(join(ctx.reportDir, 'loopgain-focus.json'), 'utf8'))).toEqual(focus.map((t) => t.id));
      const parsed = adapter.parse(artifacts(join(ctx.reportDir, report), recordedReport(framework, 'focused.json')), ctx);
      expect(parsed.tests.map((t) => t.id)).toEqual(focus.map((t) => t.id));
    }
  });

  it.each(JS_ADAPTERS.map((a) => [a.framework, a] as const))('%s: a missing or empty report is a ReportError that says what happened', (_name, adapter: FrameworkAdapter) => {
    const ctx = context();
    const file = adapter.plan(ctx).reportFiles?.[0] as string;
    expect(() => adapter.parse(artifacts(file, undefined, 'Segmentation fault\n'), ctx)).toThrow(ReportError);
    expect(() => adapter.parse(artifacts(file, undefined, 'Segmentation fault\n'), ctx)).toThrow(/wrote no report .*exit code 1.*Segmentation fault/);
    expect(() => adapter.parse(artifacts(file, ' \n'), ctx)).toThrow(/is empty/);
  });

  it('turns a mocha run that died loading a spec file into a collection error', () => {
    const ctx = { ...context(), cwd: recordedRoot('mocha-broken-project') };
    const file = join(ctx.reportDir, 'mocha-report.json');
    const parsed = mochaAdapter.parse(artifacts(file, undefined, recordedReport('mocha', 'collection-error.out.txt')), ctx);
    expect(parsed).toEqual({ tests: [], collectionError: "test file failed to load: test/farewell.test.js: Error: Cannot find module '../src/farewell'" });
  });
});
