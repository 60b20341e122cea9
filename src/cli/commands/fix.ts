import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS, defaultRunConfig } from '../../core/engine/config';
import type { RunResult } from '../../core/engine/engineDeps';
import { startRun } from '../../core/engine/loopEngine';
import { CLASSIFIER_NAMES } from '../../core/controller/types';
import { composeDeps, type ApproveMode } from '../compose';
import { oneOf, positiveInt, positiveNumber } from '../options';
import { humanTrace } from '../../core/engine/humanTrace';

export const FIX_OPTIONS = {
  cwd: { type: 'string' },
  'test-cmd': { type: 'string' },
  framework: { type: 'string' },
  fixer: { type: 'string' },
  model: { type: 'string' },
  'base-url': { type: 'string' },
  goal: { type: 'string' },
  'max-iterations': { type: 'string' },
  'token-limit': { type: 'string' },
  'wall-clock': { type: 'string' },
  'cost-limit': { type: 'string' },
  'test-timeout': { type: 'string' },
  'offline-budget': { type: 'string' },
  classifier: { type: 'string' },
  'no-focus': { type: 'boolean' },
  approve: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** `loopgain fix`: runs a loop on a workspace. Exit 0 only when every test passes at the end. */
export async function runFix(args: readonly string[], signal: AbortSignal): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: FIX_OPTIONS, strict: true });
  const json = values.json === true;
  const approve = oneOf<ApproveMode>('--approve', values.approve, ['ask', 'deny', 'headless'], process.stdin.isTTY ? 'ask' : 'headless');
  const testTimeoutMs = secondsToMs(positiveNumber('--test-timeout', values['test-timeout']));
  const fixerKind = values.fixer ?? 'offline';
  const deps = composeDeps({
    cwd: values.cwd ?? process.cwd(),
    testCommand: values['test-cmd'],
    framework: values.framework,
    fixer: fixerKind,
    model: values.model,
    baseUrl: values['base-url'],
    approve,
    testTimeoutMs,
    offlineBudgetMs: secondsToMs(positiveNumber('--offline-budget', values['offline-budget'])),
    onEvent: humanTrace((line) => process.stderr.write(`${line}\n`)),
  });
  const config = defaultRunConfig({
    fixer: deps.fixer.id,
    model: values.model,
    baseUrl: values['base-url'],
    ...(values.goal ? { goal: values.goal } : {}),
    tests: { command: values['test-cmd'], framework: values.framework as never },
    testTimeoutMs,
    focusedReruns: values['no-focus'] !== true,
    limits: {
      ...DEFAULT_LIMITS,
      maxIterations: positiveInt('--max-iterations', values['max-iterations']) ?? DEFAULT_LIMITS.maxIterations,
      tokenLimit: positiveInt('--token-limit', values['token-limit']) ?? DEFAULT_LIMITS.tokenLimit,
      wallClockMs: secondsToMs(positiveNumber('--wall-clock', values['wall-clock'])) ?? DEFAULT_LIMITS.wallClockMs,
      costLimitUsd: positiveNumber('--cost-limit', values['cost-limit']),
    },
    controller: { classifier: oneOf('--classifier', values.classifier, CLASSIFIER_NAMES, 'adaptive'), targetError: 0 },
  });
  const result = await startRun(deps, { config, signal });
  report(result, json);
  return exitCode(result);
}

export const secondsToMs = (s: number | undefined): number | undefined => (s === undefined ? undefined : Math.round(s * 1000));

/** 0 only when every test passes after the final full-suite check. */
export function exitCode(result: RunResult): number {
  return result.status === 'SUCCESS' && result.finalError === 0 ? 0 : 1;
}

/** The final JSON object (--json) on stdout, or a short human summary. */
export function report(result: RunResult, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))}\n`);
    return;
  }
  const lines = [
    `status: ${result.status} (run ${result.runId})`,
    `errors: ${result.errorHistory.map((e) => (Number.isFinite(e) ? e : '∞')).join(' → ')}; best iteration ${result.bestIteration}; final ${result.finalError} failing`,
    `changed: ${result.changedFiles.length > 0 ? result.changedFiles.join(', ') : 'nothing'}`,
  ];
  if (result.approval) lines.push(`approve: loopgain resume ${result.runId} --approve-token=${result.approval.token}   (or --deny-token=…; expires ${result.approval.expiresAt})`);
  else if (result.resumable) lines.push(`resume: loopgain resume ${result.runId}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
