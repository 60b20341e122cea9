import { parseArgs } from 'node:util';
import type { ResumeOptions } from '../../core/engine/loopEngine';
import { resumeRun } from '../../core/engine/loopEngine';
import { composeDeps } from '../compose';
import { oneOf } from '../options';
import { humanTrace } from '../../core/engine/humanTrace';
import { UsageError } from '../usage';
import { exitCode, report } from './fix';
import { storeAt } from './history';

/** `--extend key=value` keys, and how each maps to a ceiling. */
const EXTEND_KEYS: Record<string, (v: number) => NonNullable<ResumeOptions['extend']>> = {
  iterations: (v) => ({ maxIterations: v }),
  tokens: (v) => ({ tokenLimit: v }),
  'wall-clock': (v) => ({ wallClockMs: v * 1000 }),
  cost: (v) => ({ costLimitUsd: v }),
};

export async function runResume(args: readonly string[], signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      cwd: { type: 'string' },
      extend: { type: 'string', multiple: true },
      'approve-token': { type: 'string' },
      'deny-token': { type: 'string' },
      approve: { type: 'string' },
      fixer: { type: 'string' },
      model: { type: 'string' },
      'base-url': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const id = positionals[0];
  if (!id) throw new UsageError('resume which run? give its id (see `loopgain runs`)');
  if (values['approve-token'] && values['deny-token']) throw new UsageError('give --approve-token or --deny-token, not both');
  const store = storeAt(values.cwd);
  const state = await store.load(id).catch((e: Error) => {
    throw new UsageError(e.message);
  });
  const [storedKind, storedModel] = state.config.fixer.split(':', 2);
  const deps = composeDeps({
    cwd: state.workspaceRoot,
    testCommand: state.config.tests.command,
    framework: state.config.tests.framework,
    fixer: values.fixer ?? storedKind ?? 'offline',
    model: values.model ?? state.config.model ?? storedModel,
    baseUrl: values['base-url'] ?? state.config.baseUrl,
    approve: oneOf('--approve', values.approve, ['ask', 'deny', 'headless'], process.stdin.isTTY ? 'ask' : 'headless'),
    testTimeoutMs: state.config.testTimeoutMs,
    onEvent: humanTrace((line) => process.stderr.write(`${line}\n`)),
  });
  const extend = Object.assign({}, ...(values.extend ?? []).map(parseExtend)) as ResumeOptions['extend'];
  const token = values['approve-token'] ?? values['deny-token'];
  const result = await resumeRun(deps, id, { extend, signal, decision: token ? { token, approve: values['approve-token'] !== undefined } : undefined });
  report(result, values.json === true);
  return exitCode(result);
}

function parseExtend(pair: string): NonNullable<ResumeOptions['extend']> {
  const [key, raw] = pair.split('=', 2);
  const map = key ? EXTEND_KEYS[key] : undefined;
  const value = Number(raw);
  if (!map || !(value > 0)) throw new UsageError(`--extend expects key=value with key one of ${Object.keys(EXTEND_KEYS).join(', ')} and a positive value, got "${pair}"`);
  return map(value);
}
