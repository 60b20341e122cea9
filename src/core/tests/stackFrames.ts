import { posix, win32 } from 'node:path';
import type { StackFrame } from './model';

/**
 * Stack frames from failure text, resolved to workspace paths. The frames are the one part of a
 * report that only exists as text, so each language's frame shape is a named pattern here:
 * JavaScript (`at f (/abs/file.js:10:5)`), Python tracebacks (`File "/abs/x.py", line 10`),
 * pytest's short form and Go/Rust/most compilers (`path/file.ext:10:` / `:10:5`).
 */
const FRAME_PATTERNS: readonly RegExp[] = [
  /\(?((?:[A-Za-z]:)?[^\s()'"]+?\.[cm]?[jt]sx?):(\d+):(\d+)\)?/g, // JS/TS: file.ts:12:5
  /File "([^"]+)", line (\d+)/g, // Python traceback
  /^\s*((?:[A-Za-z]:)?[^\s:'"]+?\.(?:py|go|rs|java|kt|rb|c|cc|cpp|h|hpp|cs|swift)):(\d+)(?::(\d+))?/gm, // file.ext:12[:5] at line start
];

const isWindowsPath = (p: string): boolean => /^[A-Za-z]:[\\/]/.test(p) || p.includes('\\');

/** Resolves one file:line to a frame: workspace-relative with forward slashes when inside `root`. */
export function resolveFrame(file: string, line: number, column: number | undefined, root: string): StackFrame {
  const cleaned = file.replace(/^file:\/\//, '');
  const windows = isWindowsPath(cleaned) || isWindowsPath(root);
  const path = windows ? win32 : posix;
  const absolute = path.isAbsolute(cleaned) ? cleaned : path.join(root, cleaned);
  let relative = path.relative(root, absolute);
  if (windows && relative.toLowerCase() === absolute.toLowerCase()) relative = absolute; // other drive
  const inWorkspace = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !/(^|[\\/])node_modules[\\/]/.test(relative);
  const frame: StackFrame = {
    file: inWorkspace ? relative.split(path.sep).join('/') : cleaned,
    line,
    inWorkspace,
  };
  return column === undefined ? frame : { ...frame, column };
}

/** Every file:line frame in `text`, in order of appearance, without duplicates. */
export function framesFromText(text: string, root: string): StackFrame[] {
  const found: { index: number; frame: StackFrame }[] = [];
  for (const pattern of FRAME_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const [, file, line, column] = m;
      if (!file || !line) continue;
      found.push({ index: m.index ?? 0, frame: resolveFrame(file, Number(line), column ? Number(column) : undefined, root) });
    }
  }
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  return found
    .map((f) => f.frame)
    .filter((f) => {
      const key = `${f.file}:${f.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
