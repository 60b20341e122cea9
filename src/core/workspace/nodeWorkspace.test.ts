import { mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeWorkspace } from './nodeWorkspace';
import { BinaryFileError } from './workspace';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'loopgain-ws-'));

describe('NodeWorkspace', () => {
  it('writes atomically: creates folders, keeps the file mode, leaves no temporary file', async () => {
    const root = fresh();
    writeFileSync(join(root, 'run.sh'), 'echo old\n');
    chmodSync(join(root, 'run.sh'), 0o755);
    const ws = new NodeWorkspace(root);
    await ws.writeText('run.sh', 'echo new\n');
    await ws.writeText('deep/er/file.txt', 'x');
    expect(readFileSync(join(root, 'run.sh'), 'utf8')).toBe('echo new\n');
    expect(statSync(join(root, 'run.sh')).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(root, 'deep/er/file.txt'), 'utf8')).toBe('x');
    expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('reads text, answers undefined for missing files, refuses binary ones', async () => {
    const root = fresh();
    writeFileSync(join(root, 'a.txt'), 'hello');
    writeFileSync(join(root, 'b.bin'), Buffer.from([1, 0, 2]));
    const ws = new NodeWorkspace(root);
    expect(await ws.readText('a.txt')).toBe('hello');
    expect(await ws.readText('missing.txt')).toBeUndefined();
    await expect(ws.readText('b.bin')).rejects.toThrow(BinaryFileError);
  });

  it('resolves real paths through links and through parts that do not exist yet', async () => {
    const root = fresh();
    const other = fresh();
    symlinkSync(other, join(root, 'link'));
    const ws = new NodeWorkspace(root);
    expect(await ws.realPath('link/new/file.txt')).toBe(join(realpathSync(other), 'new', 'file.txt'));
    expect(await ws.realPath('plain/file.txt')).toBe(join(realpathSync(root), 'plain', 'file.txt'));
  });
});
