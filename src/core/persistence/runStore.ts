import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { RUN_STATE_VERSION, type RunState } from '../engine/runState';
import { writeFileAtomic } from './atomicFile';
import { BlobStore } from './blobStore';

/**
 * Run history on disk: one folder per run with its state (saved atomically after every
 * iteration), its live JSONL trace and its file snapshots. The CLI keeps it in the workspace's
 * `.loopgain/runs/` (git-ignored by a generated .gitignore); the extension in its own storage.
 */
export class RunStore {
  constructor(readonly dir: string) {}

  /** The CLI's location for a workspace. */
  static forWorkspace(root: string): RunStore {
    return new RunStore(join(root, '.loopgain', 'runs'));
  }

  static newRunId(now: Date): string {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return `${stamp}-${randomBytes(2).toString('hex')}`;
  }

  runDir(id: string): string {
    if (!/^\w[\w.-]*$/.test(id)) throw new Error(`"${id}" is not a run id`);
    return join(this.dir, id);
  }

  tracePath(id: string): string {
    return join(this.runDir(id), 'trace.jsonl');
  }

  blobs(id: string): BlobStore {
    return new BlobStore(join(this.runDir(id), 'blobs'));
  }

  async create(id: string): Promise<void> {
    await fs.mkdir(this.runDir(id), { recursive: true });
    // Keep run data out of the user's commits: ignore everything under .loopgain/.
    const ignore = join(this.dir, '..', '.gitignore');
    if (this.dir.endsWith(join('.loopgain', 'runs'))) {
      await fs.writeFile(ignore, '# Created by LoopGain: run history, not source.\n*\n', { flag: 'wx' }).catch(() => undefined);
    }
  }

  async save(state: RunState): Promise<void> {
    state.updatedAt = new Date().toISOString();
    await writeFileAtomic(join(this.runDir(state.id), 'state.json'), `${JSON.stringify(state, encodeNonFinite, 1)}\n`);
  }

  async load(id: string): Promise<RunState> {
    let text: string;
    try {
      text = await fs.readFile(join(this.runDir(id), 'state.json'), 'utf8');
    } catch {
      throw new Error(`no run "${id}" in ${this.dir}`);
    }
    let state: RunState;
    try {
      state = JSON.parse(text, decodeNonFinite) as RunState;
    } catch (error) {
      throw new Error(`run "${id}" has a damaged state file (${(error as Error).message})`);
    }
    if (state.version !== RUN_STATE_VERSION) throw new Error(`run "${id}" was saved by an incompatible version (state v${state.version}, this is v${RUN_STATE_VERSION})`);
    if (!Array.isArray(state.iterations) || !state.config) throw new Error(`run "${id}" has a damaged state file`);
    return state;
  }

  /** All runs, newest first. Unreadable run folders are listed with their error rather than hidden. */
  async list(): Promise<({ id: string; state: RunState } | { id: string; error: string })[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const runs = await Promise.all(
      names.map(async (id) => {
        try {
          return { id, state: await this.load(id) };
        } catch (error) {
          return { id, error: (error as Error).message };
        }
      }),
    );
    return runs.sort((a, b) => b.id.localeCompare(a.id));
  }
}

/** JSON has no Infinity (a no-verdict error): it is written as {"$nonFinite": "Infinity"} and read back. */
function encodeNonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? { $nonFinite: String(value) } : value;
}

function decodeNonFinite(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 1 && '$nonFinite' in value) return Number((value as { $nonFinite: string }).$nonFinite);
  return value;
}
