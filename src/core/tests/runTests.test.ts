import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FrameworkAdapter } from './frameworks/adapter';
import { ReportError } from './frameworks/adapter';
import { runTests } from './runTests';

const cwd = mkdtempSync(join(tmpdir(), 'loopgain-runtests-'));
const node = JSON.stringify(process.execPath);

/** A tiny framework whose "runner" is node itself writing a one-line report of `name status` pairs. */
const lineAdapter: FrameworkAdapter = {
  framework: 'node-test',
  detect: () => undefined,
  plan: (ctx) => ({
    invocation: [process.execPath, join(cwd, 'runner.js')],
    args: [join(ctx.reportDir, 'report.txt')],
    reportFiles: [join(ctx.reportDir, 'report.txt')],
  }),
  parse: ({ reports }) => {
    const text = [...reports.values()][0];
    if (text === undefined) throw new ReportError('no report written');
    if (text.startsWith('COLLECT')) return { tests: [], collectionError: text.trim() };
    return {
      tests: text
        .trim()
        .split('\n')
        .map((l) => {
          const [name, status] = l.split(' ') as [string, 'passed' | 'failed'];
          return { id: name, file: '', suitePath: [], name, status, stack: [] };
        }),
    };
  },
};
const setup = { kind: 'framework' as const, adapter: lineAdapter, detection: { framework: 'node-test' as const, evidence: 'test', confidence: 1 } };
const writeRunner = (body: string): void => writeFileSync(join(cwd, 'runner.js'), `const out = process.argv[2]; ${body}`);

describe('runTests', () => {
  it('runs the planned command and parses the report it wrote', async () => {
    writeRunner(`require('fs').writeFileSync(out, 'a passed\\nb failed\\n'); process.exit(1);`);
    const run = await runTests({ setup, cwd, timeoutMs: 20_000 });
    expect(run.outcome).toBe('completed');
    expect(run.tests.map((t) => `${t.id}:${t.status}`)).toEqual(['a:passed', 'b:failed']);
    expect(run.exitCode).toBe(1);
  });

  it('maps a collection error and an unusable report to their own outcomes', async () => {
    writeRunner(`require('fs').writeFileSync(out, 'COLLECT ImportError in test_a');`);
    expect(await runTests({ setup, cwd, timeoutMs: 20_000 })).toMatchObject({ outcome: 'collection-error', problem: 'COLLECT ImportError in test_a' });
    writeRunner(`console.log('crashed before writing a report'); process.exit(3);`);
    const run = await runTests({ setup, cwd, timeoutMs: 20_000 });
    expect(run).toMatchObject({ outcome: 'runner-error', problem: 'node-test report unusable: no report written' });
    expect(run.output.text).toContain('crashed before writing a report');
  });

  it('keeps the adapter’s reporter arguments after a configured command', async () => {
    writeRunner(`require('fs').writeFileSync(out, 'via passed\\n');`);
    const run = await runTests({ setup: { ...setup, command: `${node} ${JSON.stringify(join(cwd, 'runner.js'))}` }, cwd, timeoutMs: 20_000 });
    expect(run.tests.map((t) => t.id)).toEqual(['via']);
    expect(run.command).toContain('report.txt');
  });

  it('judges a bare command by its exit code, as one test named after it', async () => {
    const pass = await runTests({ setup: { kind: 'command-only', command: `${node} -e "process.exit(0)"` }, cwd, timeoutMs: 20_000 });
    const fail = await runTests({ setup: { kind: 'command-only', command: `${node} -e "process.exit(2)"` }, cwd, timeoutMs: 20_000 });
    expect(pass.tests.map((t) => t.status)).toEqual(['passed']);
    expect(fail.tests.map((t) => t.status)).toEqual(['failed']);
    expect(fail.framework).toBe('custom');
  });

  it('reports a runner that cannot start as a runner error, not as passing', async () => {
    const missing = { ...lineAdapter, plan: () => ({ invocation: ['/nonexistent/loopgain-runner'], args: [] }) };
    const run = await runTests({ setup: { ...setup, adapter: missing }, cwd, timeoutMs: 20_000 });
    expect(run.outcome).toBe('runner-error');
    expect(run.problem).toMatch(/could not start the test command .*ENOENT/);
  });
});

describe('runTests with a relative folder', () => {
  it('hands adapters an absolute cwd (pytest’s --rootdir, frame resolution), whatever it was given', async () => {
    let seen = '';
    const spy: FrameworkAdapter = { ...lineAdapter, plan: (ctx) => ((seen = ctx.cwd), lineAdapter.plan(ctx)) };
    writeRunner(`require('fs').writeFileSync(out, 'a passed\\n');`);
    const relativeCwd = relative(process.cwd(), cwd);
    expect(relativeCwd.startsWith('/')).toBe(false);
    await runTests({ setup: { ...setup, adapter: spy }, cwd: relativeCwd, timeoutMs: 20_000 });
    expect(seen).toBe(cwd);
  });
});
