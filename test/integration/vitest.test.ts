import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTestSetup } from '../../src/core/tests/detectFramework';
import { vitestAdapter } from '../../src/core/tests/frameworks/vitest';
import { isFailing } from '../../src/core/tests/model';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';
import { fixture, installedRunner, JS_ADAPTERS, ownReport, runFixture } from '../support/jsRunners';

const project = fixture('vitest-project');
const broken = fixture('vitest-broken-project');
const vitest = installedRunner(project, 'vitest');

const FAILING = [
  'test/cart.test.js::applies a discount',
  'test/cart.test.js::parsePrice › parses a single decimal',
  'test/cart.test.js::total › total of [] is 0',
];

describe('vitest detection on the fixtures', () => {
  it.each([project, broken])('%s', (cwd) => {
    const setup = detectTestSetup(readWorkspaceFacts(cwd), JS_ADAPTERS);
    expect(setup).toMatchObject({ kind: 'framework', detection: { framework: 'vitest', evidence: 'package.json scripts.test: "vitest run"', confidence: 10 } });
  });
});

describe.skipIf(!vitest)('vitest on real projects', () => {
  it('reports exactly the failing tests vitest itself reports, then re-runs only those', async () => {
    const full = await runFixture(vitestAdapter, project);
    expect(full).toMatchObject({ outcome: 'completed', framework: 'vitest', exitCode: 1 });
    const failing = full.tests.filter(isFailing).map((t) => t.id).sort();
    expect(failing).toEqual(FAILING);

    // vitest's own json reporter on stdout, read independently of the adapter
    const own = JSON.parse(ownReport(project, [vitest as string, 'run', '--reporter=json'])) as {
      numTotalTests: number;
      testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
    };
    const ownFailing = own.testResults.flatMap((f) =>
      f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${relative(project, f.name).split(sep).join('/')}::${[...a.ancestorTitles, a.title].join(' › ')}`),
    );
    expect(failing).toEqual(ownFailing.sort());
    expect(full.tests).toHaveLength(own.numTotalTests);
    expect(full.tests.find((t) => t.name === 'parses a single decimal')?.stack[0]).toMatchObject({ file: 'src/cart.js', line: 6, inWorkspace: true });

    const focused = await runFixture(vitestAdapter, project, full.tests.filter(isFailing));
    expect(focused.outcome).toBe('completed');
    expect(focused.focusedOn?.slice().sort()).toEqual(FAILING);
    expect(focused.tests.map((t) => t.id).sort()).toEqual(FAILING);
  }, 120_000);

  it('reports a test file that cannot load as a collection error', async () => {
    const run = await runFixture(vitestAdapter, broken);
    expect(run.outcome).toBe('collection-error');
    expect(run.problem).toMatch(/^test file failed to load: test\/farewell\.test\.js: .*invalid JS syntax/);
    expect(run.tests.map((t) => `${t.id} ${t.status}`)).toEqual(['test/greet.test.js::greet › greets by name passed']);
  }, 60_000);
});
