import { spawn } from 'node:child_process';
import treeKill from 'tree-kill';
import type { CapturedOutput } from '../tests/model';
import { CappedOutput } from './cappedOutput';

export interface ProcessSpec {
  /** argv[0], or a whole shell command line when `shell` is true (a user's own test command). */
  readonly command: string;
  readonly args?: readonly string[];
  readonly shell?: boolean;
  /** Always explicit: tests run where the workspace says, never where the extension happens to be. */
  readonly cwd: string;
  /** Always explicit: the complete environment of the child. */
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Text written to the child's stdin (which is closed afterwards); stdin is empty otherwise. */
  readonly input?: string;
  /** Output cap: bytes kept from the start and from the end of stdout+stderr together. */
  readonly keepHeadBytes?: number;
  readonly keepTailBytes?: number;
  /** On timeout (POSIX), send SIGINT and wait this long before terminating; by default terminate at once. */
  readonly interruptGraceMs?: number;
}

export interface ProcessResult {
  readonly exitCode: number | null;
  readonly termination: 'exited' | 'timed-out' | 'cancelled' | 'failed-to-start';
  readonly output: CapturedOutput;
  readonly durationMs: number;
  /** Set when the process could not start (e.g. ENOENT: the runner is not installed). */
  readonly startError?: string;
}

/** How long a process tree gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 2000;

/**
 * Runs a process and always ends it: on timeout or abort the whole tree is killed (its process
 * group on POSIX, then every descendant found by tree-kill, SIGTERM then SIGKILL; `taskkill /T` on
 * Windows), and the result says so with whatever was printed.
 */
export function runProcess(spec: ProcessSpec): Promise<ProcessResult> {
  const started = Date.now();
  const output = new CappedOutput(spec.keepHeadBytes, spec.keepTailBytes);
  return new Promise((resolve) => {
    if (spec.signal?.aborted) {
      resolve({ exitCode: null, termination: 'cancelled', output: output.result(), durationMs: 0 });
      return;
    }
    const posix = process.platform !== 'win32';
    const child = spawn(spec.command, [...(spec.args ?? [])], {
      cwd: spec.cwd,
      env: spec.env,
      shell: spec.shell ?? false,
      detached: posix, // its own process group, so the whole group can be signalled
      stdio: [spec.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let termination: ProcessResult['termination'] = 'exited';
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;

    const killTree = (signal: NodeJS.Signals): void => {
      const pid = child.pid;
      if (pid === undefined) return;
      if (posix) {
        try {
          process.kill(-pid, signal);
        } catch {
          // the group is already gone
        }
      }
      treeKill(pid, signal, () => undefined);
    };
    const terminate = (): void => {
      killTree('SIGTERM');
      killTimer = setTimeout(() => killTree('SIGKILL'), KILL_GRACE_MS);
    };
    const stop = (why: 'timed-out' | 'cancelled'): void => {
      if (termination !== 'exited') return;
      termination = why;
      if (why === 'timed-out' && posix && spec.interruptGraceMs !== undefined && child.pid !== undefined) {
        // Interrupted like Ctrl+C first: runners then say where they were (pytest prints the line
        // it was stuck on and still writes its report) before the tree is terminated for good.
        try {
          process.kill(-child.pid, 'SIGINT');
        } catch {
          // the group is already gone
        }
        killTimer = setTimeout(terminate, spec.interruptGraceMs);
      } else terminate();
    };

    const timer = setTimeout(() => stop('timed-out'), spec.timeoutMs);
    const onAbort = (): void => stop('cancelled');
    spec.signal?.addEventListener('abort', onAbort, { once: true });

    if (spec.input !== undefined) {
      child.stdin?.on('error', () => undefined); // a child that exits without reading its input is not our error
      child.stdin?.end(spec.input);
    }
    child.stdout?.on('data', (b: Buffer) => output.push(b));
    child.stderr?.on('data', (b: Buffer) => output.push(b));

    const finish = (result: Omit<ProcessResult, 'output' | 'durationMs'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onAbort);
      // A killed leader can leave children behind in its group: make sure they go too.
      if (termination !== 'exited' && posix && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      if (killTimer) clearTimeout(killTimer);
      resolve({ ...result, output: output.result(), durationMs: Date.now() - started });
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({ exitCode: null, termination: 'failed-to-start', startError: `${spec.command}: ${error.code ?? error.message}` });
    });
    child.on('close', (code) => finish({ exitCode: code, termination }));
    // A descendant that escaped the group can hold the pipes open after the process itself has
    // exited: give the output a moment to drain, then finish anyway instead of hanging.
    child.on('exit', (code) => {
      setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish({ exitCode: code, termination });
      }, 1000).unref();
    });
  });
}
