import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../support/cliBuild';
import { CALC, cleanUp, copyProject, expectNoKeyLeak, runCli, snapshot, tempDir } from './harness';

// Mistakes in how the CLI is called: exit 2, a message that says what is wrong, the usage, and no
// run started (no .loopgain folder, no file touched).

beforeAll(() => buildCli());
afterAll(cleanUp);

const ORIGINAL = snapshot(CALC);

describe.concurrent('usage errors', () => {
  it('an unknown --fixer', { timeout: 15_000 }, async () => {
    const root = copyProject(CALC);
    const run = await runCli(['fix', '--cwd', root, '--fixer', 'gpt-7', '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fixer must be one of offline, openai, anthropic');
    expect(run.stderr).toContain('Usage:');
    expect(run.stdout).toBe('');
    expect(existsSync(join(root, '.loopgain'))).toBe(false);
    expect(snapshot(root)).toEqual(ORIGINAL);
  });

  it('a folder with no tests: the detection error names what was looked for', { timeout: 15_000 }, async () => {
    const root = tempDir('loopgain-e2e-empty-');
    writeFileSync(join(root, 'README.md'), '# no tests here\n');
    const run = await runCli(['fix', '--cwd', root, '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`No test framework found in ${root}`);
    for (const lookedFor of ['pytest.ini', 'pyproject.toml', 'package.json', 'node --test', 'go.mod', 'Cargo.toml', 'pom.xml']) expect(run.stderr).toContain(lookedFor);
    expect(run.stderr).toContain('--test-cmd');
    expect(existsSync(join(root, '.loopgain'))).toBe(false);
  });

  it('--max-iterations 0', { timeout: 15_000 }, async () => {
    const root = copyProject(CALC);
    const run = await runCli(['fix', '--cwd', root, '--max-iterations', '0', '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-iterations expects a whole number ≥ 1, got "0"');
    expect(run.stderr).toContain('Usage:');
    expect(existsSync(join(root, '.loopgain'))).toBe(false);
    expect(snapshot(root)).toEqual(ORIGINAL);
  });

  it.each([
    [['fix', '--fixer', 'openai'], 'the openai fixer needs a model (--model)'],
    [['fix', '--approve', 'maybe'], '--approve must be one of ask, deny, headless'],
    [['fix', '--token-limit', '-5'], '--token-limit'],
    [['fix', '--frobnicate'], "Unknown option '--frobnicate'"],
    [['resume'], 'resume which run?'],
    [['resume', 'no-such-run'], 'no run "no-such-run"'],
    [['restore', 'no-such-run', '--iteration', 'last'], '--iteration expects a number ≥ 0 or "best"'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('%j', { timeout: 15_000 }, async (args, message) => {
    const root = copyProject(CALC);
    const run = await runCli([...args, '--cwd', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(root, '.loopgain'))).toBe(false);
    expectNoKeyLeak(root, [run]);
  });
});
