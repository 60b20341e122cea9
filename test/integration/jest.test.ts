import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTestSetup } from '../../src/core/tests/detectFramework';
import { jestAdapter } from '../../src/core/tests/frameworks/jest';
import { isFailing } from '../../src/core/tests/model';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';
import { fixture, installedRunner, JS_ADAPTERS, ownReport, runFixture } from '../support/jsRunners';

const project = fixture('jest-project');
const broken = fixture('jest-broken-project');
const jest = installedRunner(project, 'jest');

const FAILING = [
  'test/cart.test.js::applies a discount',
  'test/cart.test.js::parsePrice › parses a single decimal',
  'test/cart.test.js::total › total of [] is 0',
];

describe('jest detection on the fixtures', () => {
  it.each([project, broken])('%s', (cwd) => {
    const setup = detectTestSetup(readWorkspaceFacts(cwd), JS_ADAPTERS);
    expect(setup).toMatchObject({ kind: 'framework', detection: { framework: 'jest', evidence: 'package.json scripts.test: "jest"', confidence: 10 } });
  });
});

describe.skipIf(!jest)('jest on real projects', () => {
  it('reports exactly the failing tests jest itself reports, then re-runs only those', async () => {
    const full = await runFixture(jestAdapter, project);
    expect(full).toMatchObject({ outcome: 'completed', framework: 'jest', exitCode: 1 });
    const failing = full.tests.filter(isFailing).map((t) => t.id).sort();
    expect(failing).toEqual(FAILING);

    // jest's own --json on stdout, read independently of the adapter
    const own = JSON.parse(ownReport(project, [jest as string, '--json'])) as {
      numTotalTests: number;
      testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
    };
    const ownFailing = own.testResults.flatMap((f) =>
      f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${relative(project, f.name).split(sep).join('/')}::${[...a.ancestorTitles, a.title].join(' › ')}`),
    );
    expect(failing).toEqual(ownFailing.sort());
    expect(full.tests).toHaveLength(own.numTotalTests);
    // the failure reaches the source file
    expect(full.tests.find((t) => t.name === 'total of [] is 0')?.stack[0]).toMatchObject({ file: 'src/cart.js', line: 11, inWorkspace: true });

    const focused = await runFixture(jestAdapter, project, full.tests.filter(isFailing));
    expect(focused.outcome).toBe('completed');
    expect(focused.focusedOn?.slice().sort()).toEqual(FAILING);
    expect(focused.tests.map((t) => t.id).sort()).toEqual(FAILING);
    expect(focused.command).toContain('--runTestsByPath test/cart.test.js -t');
  }, 120_000);

  it('reports a test file that cannot load as a collection error', async () => {
    const run = await runFixture(jestAdapter, broken);
    expect(run.outcome).toBe('collection-error');
    expect(run.problem).toBe("test file failed to load: test/farewell.test.js: Cannot find module '../src/farewell' from 'test/farewell.test.js'");
    expect(run.tests.map((t) => `${t.id} ${t.status}`)).toEqual(['test/greet.test.js::greet › greets by name passed']);
  }, 60_000);
});
