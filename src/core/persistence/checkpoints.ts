import { createTwoFilesPatch } from 'diff';
import type { Workspace } from '../workspace/workspace';
import type { BlobStore } from './blobStore';

/** One file's content before and after one iteration's edits (null: the file did not exist). */
export interface FileSnapshot {
  readonly path: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** The files one iteration's edits changed: the transition from state S(n) to S(n+1). */
export interface Checkpoint {
  /** The iteration whose tests ran on the state before these edits (n). */
  readonly iteration: number;
  readonly files: readonly FileSnapshot[];
  /** Set when the transition is a restore rather than a fixer's edits. */
  readonly restoredTo?: number;
}

/**
 * Every state the loop put the workspace in, recorded only for the files it touched. State S(k) is
 * the workspace the tests saw in iteration k: S(0) is the user's original, S(k+1) is S(k) plus
 * iteration k's edits. Any of them can be rebuilt exactly and diffed against the workspace.
 */
export class CheckpointLog {
  constructor(
    private readonly blobs: BlobStore,
    private readonly checkpoints: Checkpoint[] = [],
  ) {}

  get all(): readonly Checkpoint[] {
    return this.checkpoints;
  }

  /** Records the content of the files about to change (before) and after the change. */
  async record(iteration: number, changes: readonly { path: string; before: string | undefined; after: string | undefined }[], restoredTo?: number): Promise<Checkpoint> {
    const files: FileSnapshot[] = [];
    for (const c of changes) {
      files.push({ path: c.path, before: c.before === undefined ? null : await this.blobs.put(c.before), after: c.after === undefined ? null : await this.blobs.put(c.after) });
    }
    const checkpoint: Checkpoint = restoredTo === undefined ? { iteration, files } : { iteration, files, restoredTo };
    this.checkpoints.push(checkpoint);
    return checkpoint;
  }

  /** Every path the loop ever touched. */
  touchedPaths(): string[] {
    return [...new Set(this.checkpoints.flatMap((c) => c.files.map((f) => f.path)))].sort();
  }

  /**
   * The blob of each touched file in state S(k): the `after` of the last transition out of an
   * iteration < k that touched it, else the `before` of the first transition that touched it.
   */
  hashesAt(k: number): Map<string, string | null> {
    const state = new Map<string, string | null>();
    for (const path of this.touchedPaths()) {
      const touches = this.checkpoints.flatMap((c) => c.files.filter((f) => f.path === path).map((f) => ({ iteration: c.iteration, f })));
      const last = touches.filter((t) => t.iteration < k).at(-1);
      state.set(path, last ? last.f.after : (touches[0] as { f: FileSnapshot }).f.before);
    }
    return state;
  }

  async contentAt(k: number): Promise<Map<string, string | undefined>> {
    const out = new Map<string, string | undefined>();
    for (const [path, hash] of this.hashesAt(k)) out.set(path, hash === null ? undefined : await this.blobs.get(hash));
    return out;
  }

  /** The latest state the loop itself wrote (what each touched file should hold if nobody else changed it). */
  async contentWritten(): Promise<Map<string, string | undefined>> {
    return this.contentAt(Number.POSITIVE_INFINITY);
  }
}

export interface RestorePlan {
  /** Files whose content must change to reach the target state. */
  readonly changes: readonly { path: string; current: string | undefined; target: string | undefined }[];
  /** Files the user changed since the loop last wrote them: a restore would overwrite their work. */
  readonly conflicts: readonly string[];
}

/** What restoring S(k) would change, and which of those files someone else has edited since. */
export async function planRestore(log: CheckpointLog, k: number, workspace: Workspace): Promise<RestorePlan> {
  const target = await log.contentAt(k);
  const written = await log.contentWritten();
  const changes: RestorePlan['changes'][number][] = [];
  const conflicts: string[] = [];
  for (const [path, want] of target) {
    const current = await workspace.readText(path);
    if (current === want) continue;
    changes.push({ path, current, target: want });
    if (current !== written.get(path)) conflicts.push(path);
  }
  return { changes, conflicts };
}

/** Unified diffs from the workspace now to state S(k), one per touched file that differs. */
export async function fileDiffsToState(log: CheckpointLog, k: number, workspace: Workspace): Promise<{ path: string; diff: string }[]> {
  const diffs: { path: string; diff: string }[] = [];
  for (const [path, want] of await log.contentAt(k)) {
    const current = await workspace.readText(path);
    if (current === want) continue;
    diffs.push({ path, diff: createTwoFilesPatch(`a/${path}`, `b/${path}`, current ?? '', want ?? '', 'workspace', `iteration ${k}`) });
  }
  return diffs;
}

/** The same, as one unified diff. */
export async function diffToState(log: CheckpointLog, k: number, workspace: Workspace): Promise<string> {
  return (await fileDiffsToState(log, k, workspace)).map((d) => d.diff).join('');
}

/** What one iteration's edits changed (S(k) → S(k+1)), per file. */
export async function iterationChanges(log: CheckpointLog, k: number): Promise<{ path: string; diff: string }[]> {
  const [before, after] = await Promise.all([log.contentAt(k), log.contentAt(k + 1)]);
  const diffs: { path: string; diff: string }[] = [];
  for (const [path, then] of before) {
    const now = after.get(path);
    if (now !== then) diffs.push({ path, diff: createTwoFilesPatch(`a/${path}`, `b/${path}`, then ?? '', now ?? '', `iteration ${k}`, `iteration ${k + 1}`) });
  }
  return diffs;
}

/** Unified diff from state S(k) to the workspace now (k = 0: everything the loop changed so far). */
export async function diffFromState(log: CheckpointLog, k: number, workspace: Workspace): Promise<string> {
  const parts: string[] = [];
  for (const [path, then] of await log.contentAt(k)) {
    const now = await workspace.readText(path);
    if (now === then) continue;
    parts.push(createTwoFilesPatch(`a/${path}`, `b/${path}`, then ?? '', now ?? '', `iteration ${k}`, 'workspace'));
  }
  return parts.join('');
}
