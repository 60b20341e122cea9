import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../src/core/process/runProcess';
import { pytestAdapter } from '../../src/core/tests/frameworks/pytest';
import type { TestSetup } from '../../src/core/tests/detectFramework';
import { runTests } from '../../src/core/tests/runTests';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';

/** In the argv of the process the hang fixture's test spawns (see test/fixtures/pytest-hang). */
const MARKER = 'loopgain-hang-fixture-child';

const windows = process.platform === 'win32';
const version = spawnSync(windows ? 'python' : 'python3', ['-m', 'pytest', '--version'], { encoding: 'utf8' });
const skipReason = windows
  ? 'process-tree tests skipped: they find survivors with `ps`, which Windows does not have'
  : version.status !== 0
    ? `process-tree tests skipped: \`python3 -m pytest --version\` failed (${(version.stderr || version.error?.message || '').trim()}); on Debian: apt-get install python3-pytest`
    : undefined;
if (skipReason) console.warn(skipReason);

const scratch = mkdtempSync(join(tmpdir(), 'loopgain-hang-it-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A private copy of the hang fixture: its path, in pytest's --rootdir, also marks pytest's own process. */
function hangProject(name: string): { cwd: string; setup: TestSetup } {
  const cwd = join(scratch, name);
  cpSync(join(__dirname, '../fixtures/pytest-hang'), cwd, { recursive: true });
  const detection = pytestAdapter.detect(readWorkspaceFacts(cwd));
  if (!detection) throw new Error('pytest not detected in the hang fixture');
  return { cwd, setup: { kind: 'framework', adapter: pytestAdapter, detection } };
}

/** Pids of live processes whose command line contains `text`. */
function processesWith(text: string): number[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe.skipIf(skipReason !== undefined)('killing a hanging test run kills its whole process tree', () => {
  it('times out, keeps what was printed, and leaves no process behind', async () => {
    const before = new Set(processesWith(MARKER));
    const { cwd, setup } = hangProject('timeout');
    const running = runTests({ setup, cwd, timeoutMs: 3000 });
    // The grandchild must have existed, or "none left" would prove nothing.
    const spawned = await waitFor(() => processesWith(MARKER).some((pid) => !before.has(pid)), 3000);
    const result = await running;

    expect(spawned).toBe(true);
    expect(result.outcome).toBe('timed-out');
    expect(result.problem).toBe('timed out after 3 s; the process tree was killed');
    expect(result.output.text).toContain('hang fixture: child started');
    // Interrupted like Ctrl+C before the kill: pytest said where the test was stuck.
    expect(result.output.text).toMatch(/test_hang\.py:11: KeyboardInterrupt/);
    const survivors = (): number[] => [...processesWith(MARKER).filter((pid) => !before.has(pid)), ...processesWith(cwd)];
    await waitFor(() => survivors().length === 0, 2500);
    expect(survivors()).toEqual([]);
  }, 30_000);

  it('is cancelled by an abort signal, and leaves no process behind either', async () => {
    const before = new Set(processesWith(MARKER));
    const { cwd, setup } = hangProject('cancel');
    const controller = new AbortController();
    const started = Date.now();
    const running = runTests({ setup, cwd, timeoutMs: 60_000, signal: controller.signal });
    const spawned = await waitFor(() => processesWith(MARKER).some((pid) => !before.has(pid)), 10_000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - started)))); // about 1 s in
    controller.abort();
    const result = await running;

    expect(spawned).toBe(true);
    expect(result.outcome).toBe('cancelled');
    expect(result.durationMs).toBeLessThan(15_000);
    const survivors = (): number[] => [...processesWith(MARKER).filter((pid) => !before.has(pid)), ...processesWith(cwd)];
    await waitFor(() => survivors().length === 0, 2500);
    expect(survivors()).toEqual([]);
  }, 30_000);
});

describe('runProcess at its timeout', () => {
  const script = "process.on('SIGINT', () => console.log('interrupted')); setInterval(() => undefined, 1000); console.log('started');";
  const spec = { command: process.execPath, args: ['-e', script], cwd: scratch, env: process.env, timeoutMs: 1500 };

  it('interrupts first when asked, then terminates a process that ignores the interrupt', async () => {
    const result = await runProcess({ ...spec, interruptGraceMs: 500 });
    expect(result.termination).toBe('timed-out');
    expect(result.output.text).toBe('started\ninterrupted\n');
    expect(result.durationMs).toBeLessThan(10_000);
  }, 30_000);

  it('terminates at once without an interrupt grace', async () => {
    const result = await runProcess(spec);
    expect(result.termination).toBe('timed-out');
    expect(result.output.text).toBe('started\n');
  }, 30_000);
});

describe('runProcess with a flood of output', () => {
  it('keeps only the capped head and tail of 20 MB and counts exactly what it dropped', async () => {
    const line = `${'y'.repeat(1023)}\n`;
    const body = 20 * 1024; // lines of 1 KiB: 20 MiB
    const script = `process.stdout.write('FIRST LINE\\n' + ${JSON.stringify(line)}.repeat(${body}) + 'LAST LINE\\n')`;
    const result = await runProcess({
      command: process.execPath,
      args: ['-e', script],
      cwd: scratch,
      env: process.env,
      timeoutMs: 30_000,
      keepHeadBytes: 4096,
      keepTailBytes: 4096,
    });
    const total = 'FIRST LINE\n'.length + body * line.length + 'LAST LINE\n'.length;

    expect(result).toMatchObject({ termination: 'exited', exitCode: 0 });
    expect(result.output.droppedBytes).toBe(total - 8192);
    expect(result.output.text.startsWith('FIRST LINE\n')).toBe(true);
    expect(result.output.text.endsWith(`${line}LAST LINE\n`)).toBe(true);
    expect(Buffer.byteLength(result.output.text)).toBeLessThan(8192 + 100);
  }, 30_000);
});
