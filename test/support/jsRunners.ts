import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { FrameworkAdapter } from '../../src/core/tests/frameworks/adapter';
import { jestAdapter } from '../../src/core/tests/frameworks/jest';
import { mochaAdapter } from '../../src/core/tests/frameworks/mocha';
import { findBinScript } from '../../src/core/tests/frameworks/nodeBin';
import { nodeTestAdapter } from '../../src/core/tests/frameworks/nodeTest';
import { vitestAdapter } from '../../src/core/tests/frameworks/vitest';
import type { TestCase, TestRun } from '../../src/core/tests/model';
import { runTests } from '../../src/core/tests/runTests';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';
import { FIXTURES } from './recordedReports';

export const JS_ADAPTERS: readonly FrameworkAdapter[] = [jestAdapter, vitestAdapter, mochaAdapter, nodeTestAdapter];

export const fixture = (name: string): string => join(FIXTURES, name);

/** Runs the fixture through runTests as LoopGain would, with the adapter's own detection. */
export function runFixture(adapter: FrameworkAdapter, cwd: string, focus?: readonly TestCase[]): Promise<TestRun> {
  const detection = adapter.detect(readWorkspaceFacts(cwd));
  if (!detection) throw new Error(`${adapter.framework} not detected in ${cwd}`);
  return runTests({ setup: { kind: 'framework', adapter, detection }, cwd, focus, timeoutMs: 60_000 });
}

/**
 * The bin script of a runner installed for the fixtures (jest, mocha and vitest are devDependencies
 * of the repository root), or undefined after warning why the integration tests skip.
 */
export function installedRunner(cwd: string, packageName: string, binName = packageName): string | undefined {
  const script = findBinScript(cwd, packageName, binName);
  if (!script) console.warn(`${packageName} integration tests skipped: ${packageName} is not installed in a node_modules above ${cwd} (run npm install at the repository root)`);
  return script;
}

/** Runs the framework with its own built-in reporter, for comparison; returns what it printed on stdout. */
export function ownReport(cwd: string, args: readonly string[]): string {
  const result = spawnSync('node', [...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  if (result.error) throw result.error;
  return result.stdout;
}
