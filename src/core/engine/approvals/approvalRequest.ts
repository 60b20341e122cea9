import { createHash, randomBytes } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import type { GateReason } from './policies';

/**
 * A frozen, read-only request for a human decision: what would change (per-file diffs), why it is
 * gated, and a fingerprint of the world it was made in. Approving it approves exactly this.
 */
export interface ApprovalRequest {
  readonly id: string;
  /** Secret enough to be the proof of a decision on a headless resume. */
  readonly token: string;
  readonly iteration: number;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly reasons: readonly GateReason[];
  readonly files: readonly { readonly path: string; readonly diff: string }[];
  /** Hash of the touched files' current content and the failing test ids when the request was made. */
  readonly fingerprint: string;
}

export type ApprovalDecision =
  | { readonly kind: 'approved'; readonly by: string }
  | { readonly kind: 'denied'; readonly by: string; readonly why: string }
  | { readonly kind: 'pending' };

export interface RequestInput {
  readonly iteration: number;
  readonly reasons: readonly GateReason[];
  readonly files: ReadonlyMap<string, { readonly before: string | undefined; readonly after: string | undefined }>;
  readonly failingIds: readonly string[];
  readonly ttlMs: number;
  readonly now: Date;
}

export function createApprovalRequest(input: RequestInput): ApprovalRequest {
  const files = [...input.files].map(([path, c]) => Object.freeze({ path, diff: createTwoFilesPatch(`a/${path}`, `b/${path}`, c.before ?? '', c.after ?? '') }));
  return deepFreeze({
    id: `apr-${randomBytes(4).toString('hex')}`,
    // Hex, so a token never starts with '-' and is never mistaken for an option on a command line.
    token: randomBytes(16).toString('hex'),
    iteration: input.iteration,
    createdAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + input.ttlMs).toISOString(),
    reasons: input.reasons.map((r) => Object.freeze({ ...r })),
    files,
    fingerprint: worldFingerprint(new Map([...input.files].map(([p, c]) => [p, c.before])), input.failingIds),
  });
}

/** The world a decision was made in: the files an edit touches, as they are, and which tests fail. */
export function worldFingerprint(current: ReadonlyMap<string, string | undefined>, failingIds: readonly string[]): string {
  const h = createHash('sha256');
  // A missing file hashes as a NUL-tagged marker: no text file can contain it (binary files are refused).
  for (const [path, text] of [...current].sort(([a], [b]) => a.localeCompare(b))) h.update(`${path}\0${text === undefined ? '\0absent' : `\u0001${text}`}\0`);
  for (const id of [...failingIds].sort()) h.update(`${id}\n`);
  return h.digest('hex');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
