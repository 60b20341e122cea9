import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTestSetup } from '../../src/core/tests/detectFramework';
import { mochaAdapter } from '../../src/core/tests/frameworks/mocha';
import { isFailing } from '../../src/core/tests/model';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';
import { fixture, installedRunner, JS_ADAPTERS, ownReport, runFixture } from '../support/jsRunners';

const project = fixture('mocha-project');
const broken = fixture('mocha-broken-project');
const mocha = installedRunner(project, 'mocha');

const FAILING = [
  'test/cart.test.js::applies a discount',
  'test/cart.test.js::parsePrice › parses a single decimal',
  'test/cart.test.js::total › total of [] is 0',
];

describe('mocha detection on the fixtures', () => {
  it.each([project, broken])('%s', (cwd) => {
    const setup = detectTestSetup(readWorkspaceFacts(cwd), JS_ADAPTERS);
    expect(setup).toMatchObject({ kind: 'framework', detection: { framework: 'mocha', evidence: 'package.json scripts.test: "mocha"', confidence: 10 } });
  });
});

describe.skipIf(!mocha)('mocha on real projects', () => {
  it('reports exactly the failing tests mocha itself reports, then re-runs only those', async () => {
    const full = await runFixture(mochaAdapter, project);
    expect(full).toMatchObject({ outcome: 'completed', framework: 'mocha', exitCode: 3 });
    const failing = full.tests.filter(isFailing);
    expect(failing.map((t) => t.id).sort()).toEqual(FAILING);

    // mocha's built-in json reporter on stdout names tests by file and full title (suites and title joined by spaces)
    const own = JSON.parse(ownReport(project, [mocha as string, '--reporter', 'json'])) as {
      stats: { tests: number };
      failures: { fullTitle: string; file: string }[];
    };
    const ownFailing = own.failures.map((f) => `${relative(project, f.file).split(sep).join('/')}::${f.fullTitle}`).sort();
    expect(failing.map((t) => `${t.file}::${[...t.suitePath, t.name].join(' ')}`).sort()).toEqual(ownFailing);
    expect(full.tests).toHaveLength(own.stats.tests);
    expect(full.tests.find((t) => t.name === 'parses a single decimal')?.stack[0]).toMatchObject({ file: 'src/cart.js', line: 6, inWorkspace: true });

    const focused = await runFixture(mochaAdapter, project, failing);
    expect(focused.outcome).toBe('completed');
    expect(focused.focusedOn?.slice().sort()).toEqual(FAILING);
    expect(focused.tests.map((t) => t.id).sort()).toEqual(FAILING);
  }, 120_000);

  it('reports a spec file that cannot load as a collection error', async () => {
    const run = await runFixture(mochaAdapter, broken);
    expect(run.outcome).toBe('collection-error');
    expect(run.problem).toBe("test file failed to load: test/farewell.test.js: Error: Cannot find module '../src/farewell'");
  }, 60_000);
});
