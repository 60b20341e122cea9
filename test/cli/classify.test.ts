import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReference, referenceAvailable } from '../support/loopgainReference';

// The real command line, built from source and run as a separate process.
const cliPath = join(mkdtempSync(join(tmpdir(), 'loopgain-cli-')), 'loopgain.js');
beforeAll(async () => {
  await build({ entryPoints: ['src/cli/loopgain.ts'], outfile: cliPath, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error', loader: { '.md': 'text', '.py': 'text' } });
});

function classify(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cliPath, 'classify', ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('loopgain classify', () => {
  // A typical failing-test trajectory: LoopGain gives up on the flat step at 9, ours reaches zero.
  const jumpy = '{"id":"t1","errors":[12,9,9,7,3,3,0]}\n';

  it('writes one JSON line per input, with the documented fields (default classifier: adaptive)', () => {
    const r = classify([], jumpy);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ id: 't1', state: 'TARGET_MET', outcome: 'converged', iterationsUsed: 7, bestIndex: 6, bestError: 0 });
  });

  it('replays the same trajectory through the LoopGain-compatible classifier by name', () => {
    const r = classify(['--classifier', 'loopgain'], jumpy);
    expect(JSON.parse(r.stdout)).toEqual({ id: 't1', state: 'STALLING', outcome: 'stalled', iterationsUsed: 4, bestIndex: 3, bestError: 7 });
  });

  it('keeps going past bad lines, reports each with its line number, and exits 1', () => {
    const r = classify([], '{"id":"ok","errors":[3,2,1,0]}\n{oops\n{"id":"x","errors":[]}\n{"id":"n","errors":[1,-2]}\n');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(r.status).toBe(1);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'ok', outcome: 'converged' });
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringContaining('not JSON') });
    expect(lines[2]).toMatchObject({ id: 'x', error: expect.stringContaining('non-empty array') });
    expect(lines[3]).toMatchObject({ id: 'n', error: expect.stringContaining('negative') });
  });

  it('rejects a bad option with exit code 2 and the usage', () => {
    const r = classify(['--max-iterations', 'ten'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--max-iterations expects a whole number');
    expect(r.stderr).toContain('Usage:');
  });

  describe.runIf(referenceAvailable())('replays the reference through the LoopGain-compatible classifier', () => {
    const reference = referenceAvailable() ? loadReference() : [];
    it.each([
      ['integer', ['--target-error', '0', '--max-iterations', '20']],
      ['mock', ['--target-error', 'none', '--max-iterations', 'none']],
    ] as const)('reproduces loopgain.live on the %s set', (set, args) => {
      const trajectories = reference.filter((t) => t.set === set);
      const input = trajectories.map((t) => JSON.stringify({ id: t.id, errors: t.errors })).join('\n');
      const r = classify(['--classifier', 'loopgain', ...args], input);
      expect(r.status).toBe(0);
      const outputs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(outputs).toHaveLength(trajectories.length);
      const differing = trajectories.filter((t, i) => {
        const { id, ...rest } = outputs[i] as Record<string, unknown>;
        return id !== t.id || JSON.stringify(rest) !== JSON.stringify(t.loopgain.live);
      });
      expect(differing.map((t) => t.id)).toEqual([]);
    });
  });
});
