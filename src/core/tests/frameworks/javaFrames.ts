import type { StackFrame } from '../model';
import type { JvmSources } from './jvmLayout';

/**
 * Stack frames of a JVM stack trace, mapped to workspace files. A frame names the class and the
 * bare file name, `at com.acme.Calc.add(Calc.java:12)`, never a directory: the package gives the
 * directory by convention, and the module's source roots are searched for it. Frames that map to
 * no workspace file (the JDK, libraries, the test engine) are left out; they would be dozens per
 * failure and say nothing about what to fix.
 */
const FRAME = /^\s*at\s+(?:[^\s(/]*\/)*([\w$.]+)\.[\w$<>-]+\(([\w$-]+\.(?:java|kt|kts|groovy|scala)):(\d+)\)/gm;

export function javaFrames(trace: string, sources: JvmSources, module?: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const m of trace.matchAll(FRAME)) {
    const [, className, fileName, line] = m;
    if (!className || !fileName || !line) continue;
    const dot = className.lastIndexOf('.');
    const packagePath = dot >= 0 ? className.slice(0, dot).replace(/\./g, '/') : '';
    const file = sources.find(packagePath, fileName, module);
    if (!file) continue;
    if (frames.some((f) => f.file === file && f.line === Number(line))) continue;
    frames.push({ file, line: Number(line), inWorkspace: true });
  }
  return frames;
}
