import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { detectTestSetup } from '../../src/core/tests/detectFramework';
import { nodeTestAdapter } from '../../src/core/tests/frameworks/nodeTest';
import { isFailing } from '../../src/core/tests/model';
import { parseJUnitXml } from '../../src/core/tests/parsers/junitXml';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';
import { fixture, JS_ADAPTERS, ownReport, runFixture } from '../support/jsRunners';

const project = fixture('node-test-project');
const broken = fixture('node-test-broken-project');

// The node on PATH runs the tests (as with `npm test`); its reporter API needs Node 20.
const version = spawnSync('node', ['--version'], { encoding: 'utf8' });
const major = Number(/^v(\d+)/.exec(version.stdout ?? '')?.[1] ?? 0);
const unsupported = major < 20;
if (unsupported) console.warn(`node --test integration tests skipped: \`node --version\` gave "${(version.stdout || version.error?.message || '').trim()}", Node 20 or later is needed`);

const FAILING = [
  'test/cart.test.js::applies a discount',
  'test/cart.test.js::parsePrice › parses a single decimal',
  'test/cart.test.js::total › total of [] is 0',
];

describe('node --test detection on the fixtures', () => {
  it.each([project, broken])('%s', (cwd) => {
    const setup = detectTestSetup(readWorkspaceFacts(cwd), JS_ADAPTERS);
    expect(setup).toMatchObject({ kind: 'framework', detection: { framework: 'node-test', evidence: 'package.json scripts.test: "node --test test/"', confidence: 10 } });
  });
});

describe.skipIf(unsupported)(`node --test on real projects (${version.stdout?.trim()})`, () => {
  it('reports exactly the failing tests node itself reports, then re-runs at least those', async () => {
    const full = await runFixture(nodeTestAdapter, project);
    expect(full).toMatchObject({ outcome: 'completed', framework: 'node-test', exitCode: 1 });
    const failing = full.tests.filter(isFailing);
    expect(failing.map((t) => t.id).sort()).toEqual(FAILING);

    // node's built-in junit reporter has no files, so compare suites and names
    const own = parseJUnitXml(ownReport(project, ['--test', '--test-reporter=junit', 'test/']), 'node junit');
    const ownFailing = own.filter((c) => c.status === 'failed').map((c) => [...c.suites, c.name].join(' › '));
    expect(failing.map((t) => [...t.suitePath, t.name].join(' › ')).sort()).toEqual(ownFailing.sort());
    expect(full.tests.find((t) => t.name === 'parses a single decimal')?.stack[0]).toMatchObject({ file: 'src/cart.js', line: 6, inWorkspace: true });

    const focused = await runFixture(nodeTestAdapter, project, failing);
    expect(focused.outcome).toBe('completed');
    expect(focused.focusedOn?.slice().sort()).toEqual(FAILING);
    // the name filter may run more (the plan says broaderThanFocus), but every focused test must be there, still failing
    const byId = new Map(focused.tests.map((t) => [t.id, t.status]));
    for (const id of FAILING) expect(byId.get(id)).toBe('failed');
    expect(focused.tests.every((t) => t.file === 'test/cart.test.js')).toBe(true);
  }, 120_000);

  it('reports a test file with a syntax error as a collection error', async () => {
    const run = await runFixture(nodeTestAdapter, broken);
    expect(run.outcome).toBe('collection-error');
    expect(run.problem).toBe('test file failed to load: test/farewell.test.js: SyntaxError: missing ) after argument list');
    expect(run.tests.map((t) => `${t.id} ${t.status}`)).toEqual(['test/greet.test.js::greet › greets by name passed']);
  }, 60_000);
});
