/**
 * Helpers for adapters that read the run's printed output rather than a report file (go test
 * -json, cargo's libtest): that output is capped by runProcess, which drops the middle of a long
 * stream and leaves a marker in its place.
 */

/** The marker CappedOutput puts where it dropped bytes (see process/cappedOutput.ts). */
const DROPPED_MARKER = /\n… \[(\d+) bytes of output dropped\] …\n/;

/** Bytes the capture dropped from the middle of `text`; 0 when it is whole. */
export function droppedOutputBytes(text: string): number {
  const m = DROPPED_MARKER.exec(text);
  return m?.[1] ? Number(m[1]) : 0;
}

/** Terminal colour codes out: Maven prints some even in batch mode. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}
