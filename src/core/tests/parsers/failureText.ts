import { framesFromText, resolveFrame } from '../stackFrames';
import type { StackFrame } from '../model';

/** How much of a failure message a TestCase keeps: enough to read the assertion, not a whole diff. */
const MAX_MESSAGE_LINES = 6;
const MAX_MESSAGE_CHARS = 600;

// eslint-disable-next-line no-control-regex -- ANSI escapes are control characters by definition
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** Reporters colour their text when FORCE_COLOR is set in the user's environment. */
export const stripAnsi = (text: string): string => text.replace(ANSI, '');

const isFrameLine = (line: string): boolean => /^\s*at\s/.test(line);

/**
 * Splits a JavaScript failure ("Error: msg\n    at f (file:1:2)…") into the message and the stack
 * frames. Frames are read only from the "at …" lines, so a path printed in the message (an expected
 * string, say) never becomes a frame.
 */
export function splitFailure(text: string, cwd: string): { message?: string; stack: StackFrame[] } {
  const lines = stripAnsi(text).split(/\r?\n/);
  const firstFrame = lines.findIndex(isFrameLine);
  const head = firstFrame === -1 ? lines : lines.slice(0, firstFrame);
  const frames = firstFrame === -1 ? '' : lines.slice(firstFrame).filter(isFrameLine).join('\n');
  return { message: firstLines(head.join('\n')), stack: framesFromText(frames, cwd) };
}

/** The first non-empty lines of `text`, capped; undefined when there is nothing to say. */
export function firstLines(text: string, maxLines = MAX_MESSAGE_LINES): string | undefined {
  const lines = stripAnsi(text)
    .split(/\r?\n/)
    .map((l) => l.trimEnd());
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  const kept = lines.slice(0, maxLines);
  while (kept.length > 0 && kept[kept.length - 1]?.trim() === '') kept.pop();
  const joined = kept.join('\n');
  if (joined.trim() === '') return undefined;
  return joined.length > MAX_MESSAGE_CHARS ? `${joined.slice(0, MAX_MESSAGE_CHARS)}…` : joined;
}

/** The first line that states an error ("SyntaxError: …", "Error [ERR_MODULE_NOT_FOUND]: …"), trimmed. */
export function errorLineOf(text: string): string | undefined {
  return stripAnsi(text)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => /^[\w$.]*Error(?: \[\w+\])?: /.test(l));
}

/** A test file as the report names it (absolute, or file:// URL), made workspace-relative with forward slashes. */
export function workspaceFile(file: string, cwd: string): string {
  return resolveFrame(file, 1, undefined, cwd).file;
}
