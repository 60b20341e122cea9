import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoopEvent } from '../../src/core/engine/events';
import type { RunState } from '../../src/core/engine/runState';
import type { StopStatus } from '../../src/core/engine/statuses';
import { buildCli, disposeCli } from '../support/cliBuild';
import type { FakeLlmServer, FakeStep } from '../support/fakeLlmServer';

/**
 * The end-to-end harness: the real `loopgain` CLI (bundled from source) as a child process, on a
 * temporary copy of a fixture project, with real test runners. Model fixers talk to the fake LLM
 * server on 127.0.0.1 only.
 */

export const E2E_FIXTURES = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
export const BOOKSHOP = fileURLToPath(new URL('../../samples/bookshop/', import.meta.url));

/** A key no provider ever issued: it may reach the fake server's Authorization header and nowhere else. */
export const FAKE_KEY = 'sk-e2e-FAKEKEY-7c41d9a02be6f35';

/** What tools leave next to a project that is not part of it: never compared. */
const NOT_PROJECT = new Set(['.loopgain', 'node_modules', '__pycache__', '.pytest_cache', '.benchmarks']);

const temporaries: string[] = [];

/** A fresh temporary folder, removed by `cleanUp`. */
export function tempDir(prefix = 'loopgain-e2e-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaries.push(dir);
  return dir;
}

/** A fresh temporary copy of a project: tests run there, never on the fixture itself. */
export function copyProject(dir: string): string {
  const root = tempDir();
  cpSync(dir, root, { recursive: true, filter: (src) => !NOT_PROJECT.has(src.split(sep).pop() ?? '') });
  return root;
}

/** Removes this file's temporary copies and CLI bundle (an afterAll of every e2e file). */
export async function cleanUp(): Promise<void> {
  for (const dir of temporaries.splice(0)) rmSync(dir, { recursive: true, force: true });
  await disposeCli();
}

/** Every file of a project (tool folders left out): relative path → exact bytes as text. */
export function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (NOT_PROJECT.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

export const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');
export const write = (root: string, path: string, text: string): void => writeFileSync(join(root, path), text);

/** The result object `--json` prints (non-finite numbers become null). */
export interface RunJson {
  readonly runId: string;
  readonly status: StopStatus;
  readonly outcome: string;
  readonly reason: string;
  readonly resumable: boolean;
  readonly iterations: number;
  readonly bestIteration: number;
  readonly bestError: number | null;
  readonly finalError: number | null;
  readonly errorHistory: readonly (number | null)[];
  readonly testsCollected: { readonly first?: number; readonly last?: number };
  readonly tokens: { readonly input: number; readonly output: number; readonly total: number };
  readonly wallMs: number;
  readonly approval?: { readonly token: string; readonly requestId: string; readonly expiresAt: string };
  readonly changedFiles: readonly string[];
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Extra environment for the CLI (and the test runs it starts). */
  readonly env?: Readonly<Record<string, string>>;
  /** Safety net: the child is killed (by its own pid) after this long and the promise rejects. */
  readonly timeoutMs?: number;
  /** Called once the child is spawned (to signal it mid-run). */
  readonly onSpawn?: (child: ChildProcess) => void;
}

/**
 * The environment of every CLI run: no real provider key can leak in from the developer's shell;
 * the fake key is offered to both providers, so a leak of either would be caught.
 */
function cliEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(OPENAI|ANTHROPIC)_/.test(k) && k !== 'NODE_OPTIONS') env[k] = v;
  return { ...env, OPENAI_API_KEY: FAKE_KEY, ANTHROPIC_API_KEY: FAKE_KEY, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** Runs `loopgain …` as a separate process (asynchronously: the fake server lives in this one). */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const cli = await buildCli();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      reject(new Error(`loopgain ${args.join(' ')} did not finish within ${options.timeoutMs} ms\nstderr:\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    options.onSpawn?.(child);
  });
}

/** The final JSON object of a `--json` run (the last line of stdout). */
export function resultOf(run: CliRun): RunJson {
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as RunJson;
  } catch {
    throw new Error(`no JSON result on stdout (exit ${run.code}).\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

/** `loopgain fix --cwd ROOT --json …`, returning the process and its parsed result. */
export async function fix(root: string, args: readonly string[], options?: CliOptions): Promise<{ run: CliRun; result: RunJson }> {
  const run = await runCli(['fix', '--cwd', root, '--json', ...args], options);
  return { run, result: resultOf(run) };
}

/** `loopgain resume ID --cwd ROOT --json …`. */
export async function resume(root: string, id: string, args: readonly string[] = [], options?: CliOptions): Promise<{ run: CliRun; result: RunJson }> {
  const run = await runCli(['resume', id, '--cwd', root, '--json', ...args], options);
  return { run, result: resultOf(run) };
}

export const runDir = (root: string, id: string): string => join(root, '.loopgain', 'runs', id);
export const statePath = (root: string, id: string): string => join(runDir(root, id), 'state.json');
export const readState = (root: string, id: string): RunState => JSON.parse(readFileSync(statePath(root, id), 'utf8')) as RunState;
export const writeState = (root: string, id: string, state: RunState): void => writeFileSync(statePath(root, id), `${JSON.stringify(state, null, 1)}\n`);

export function readTrace(root: string, id: string): LoopEvent[] {
  const path = join(runDir(root, id), 'trace.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LoopEvent);
}

/** The fake key appears in none of the outputs, and in no file of the run's history (state, trace, blobs). */
export function expectNoKeyLeak(root: string, runs: readonly CliRun[]): void {
  const leaks: string[] = [];
  runs.forEach((r, i) => {
    if (r.stdout.includes(FAKE_KEY)) leaks.push(`stdout of run ${i}`);
    if (r.stderr.includes(FAKE_KEY)) leaks.push(`stderr of run ${i}`);
  });
  const history = join(root, '.loopgain');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (readFileSync(path, 'utf8').includes(FAKE_KEY)) leaks.push(relative(root, path));
    }
  };
  if (existsSync(history)) walk(history);
  if (leaks.length > 0) throw new Error(`the fake API key leaked into: ${leaks.join(', ')}`);
}

/** Polls until `check` holds (the run reached a point worth interrupting). */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** `--fixer openai` against the fake server. */
export const openaiArgs = (server: FakeLlmServer): string[] => ['--fixer', 'openai', '--model', 'e2e-model', '--base-url', server.openaiBaseURL];

/** A scripted answer: one search-replace edit. */
export const replaceStep = (path: string, search: string, replace: string, rationale?: string): FakeStep => ({
  type: 'edits',
  edits: [{ kind: 'search-replace', path, search, replace }],
  ...(rationale ? { rationale } : {}),
});

/** The calc fixture: three seeded bugs, three working functions, six tests. */
export const CALC = join(E2E_FIXTURES, 'calc-node');
export const CALC_SRC = 'src/calc.js';
export const CALC_TEST = 'test/calc.test.js';

/** A search/replace pair on the calc source, applied by the fake model and, for the expected bytes, by the test. */
export interface Patch {
  readonly search: string;
  readonly replace: string;
}

export const CALC_PATCHES = {
  fixAdd: { search: 'function add(a, b) {\n  return a - b;', replace: 'function add(a, b) {\n  return a + b;' },
  fixMultiply: { search: 'function multiply(a, b) {\n  return a + b;', replace: 'function multiply(a, b) {\n  return a * b;' },
  fixNegate: { search: 'function negate(a) {\n  return a;', replace: 'function negate(a) {\n  return -a;' },
  breakSquare: { search: 'return a * a;', replace: 'return a * a + 1;' },
  breakDouble: { search: 'return a * 2;', replace: 'return a * 2 + 1;' },
  breakHalf: { search: 'return a / 2;', replace: 'return a / 2 + 1;' },
} satisfies Record<string, Patch>;

export const step = (patch: Patch, path = CALC_SRC): FakeStep => replaceStep(path, patch.search, patch.replace);

/** Applies patches to text the way the engine would (each snippet must occur exactly once). */
export function patched(text: string, ...patches: readonly Patch[]): string {
  let out = text;
  for (const p of patches) {
    const at = out.indexOf(p.search);
    if (at < 0 || out.indexOf(p.search, at + 1) >= 0) throw new Error(`patch snippet not unique: ${p.search}`);
    out = out.slice(0, at) + p.replace + out.slice(at + p.search.length);
  }
  return out;
}
