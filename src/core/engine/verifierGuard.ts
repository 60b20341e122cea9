import { isTestFile } from '../fixers/offline/testFiles';
import type { RunDiff } from '../tests/runDiff';

/** Lines that switch a test off, in the frameworks we run: a diff adding one is never silent progress. */
const SKIP_MARKERS = /@pytest\.mark\.(skip|xfail)|pytest\.skip\(|@unittest\.skip|\b(it|test|describe)\.(skip|todo)\(|\bx(it|describe|test)\(|\bt\.Skip\(|#\[ignore\]|@Disabled|@Ignore/;

export interface GuardInput {
  readonly diff: RunDiff;
  /** Tests collected by the last full run before this one, and by this one (full runs only). */
  readonly collectedBefore?: number;
  readonly collectedNow?: number;
  /** The files the edits that led to this state changed, with their content before and after. */
  readonly changedFiles: ReadonlyMap<string, { readonly before: string | undefined; readonly after: string | undefined }>;
}

/**
 * The verifier guard: an iteration that made tests disappear, skipped them, edited test files or
 * added skip markers is marked suspect. It is never counted as the best iteration, whatever its
 * failure count; the explanation goes to the trace.
 */
export function suspectReason({ diff, collectedBefore, collectedNow, changedFiles }: GuardInput): string | undefined {
  const reasons: string[] = [];
  if (collectedBefore !== undefined && collectedNow !== undefined && collectedNow < collectedBefore) reasons.push(`tests collected dropped from ${collectedBefore} to ${collectedNow}`);
  if (diff.disappeared.length > 0) reasons.push(`${diff.disappeared.length} test(s) disappeared (${diff.disappeared.slice(0, 3).join(', ')})`);
  if (diff.newlySkipped.length > 0) reasons.push(`${diff.newlySkipped.length} test(s) newly skipped (${diff.newlySkipped.slice(0, 3).join(', ')})`);
  const testEdits = [...changedFiles.keys()].filter(isTestFile);
  if (testEdits.length > 0) reasons.push(`test file(s) edited: ${testEdits.join(', ')}`);
  for (const [path, change] of changedFiles) {
    if (addsSkipMarker(change.before ?? '', change.after ?? '')) reasons.push(`a skip marker was added to ${path}`);
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

function addsSkipMarker(before: string, after: string): boolean {
  const count = (text: string): number => text.split('\n').filter((l) => SKIP_MARKERS.test(l)).length;
  return count(after) > count(before);
}
