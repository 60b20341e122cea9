import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { BinaryFileError, type Workspace } from './workspace';

/** Files larger than this are not read as text for edits (they are not source a fixer should rewrite). */
export const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The Workspace on the plain file system (CLI, tests). Writes go to a temporary file beside the
 * target and are renamed over it, so a crash or a kill never leaves a file half-written.
 */
export class NodeWorkspace implements Workspace {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private absolute(path: string): string {
    return join(this.root, ...path.split('/'));
  }

  async readText(path: string): Promise<string | undefined> {
    let data: Buffer;
    try {
      const stat = await fs.stat(this.absolute(path));
      if (!stat.isFile()) return undefined;
      if (stat.size > MAX_TEXT_FILE_BYTES) throw new BinaryFileError(`${path} is ${stat.size} bytes: too large to edit as text`);
      data = await fs.readFile(this.absolute(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (data.includes(0)) throw new BinaryFileError(`${path} is a binary file`);
    return data.toString('utf8');
  }

  async writeText(path: string, text: string): Promise<void> {
    const target = this.absolute(path);
    await fs.mkdir(dirname(target), { recursive: true });
    const temp = `${target}.loopgain-${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temp, text, 'utf8');
      const mode = await fs.stat(target).then((s) => s.mode, () => undefined);
      if (mode !== undefined) await fs.chmod(temp, mode);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async deleteFile(path: string): Promise<void> {
    await fs.rm(this.absolute(path), { force: true });
  }

  async realRoot(): Promise<string> {
    return fs.realpath(this.root);
  }

  async realPath(path: string): Promise<string> {
    // Resolve the nearest existing ancestor, then append the parts that do not exist yet.
    let existing = this.absolute(path);
    const missing: string[] = [];
    for (;;) {
      try {
        const real = await fs.realpath(existing);
        return missing.length === 0 ? real : [real, ...missing.reverse()].join(sep);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        const parent = dirname(existing);
        if (parent === existing) throw error;
        missing.push(basename(existing));
        existing = parent;
      }
    }
  }
}
