import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { testId, type TestCase } from '../model';
import { parseJUnitXml, type JUnitCase } from '../parsers/junitXml';
import { stripAnsi } from '../parsers/outputText';
import { resolveFrame } from '../stackFrames';
import { ReportError, type FrameworkAdapter, type PlanContext, type PlannedRun, type RunArtifacts } from './adapter';
import { javaFrames } from './javaFrames';
import { jvmBuildTool, JvmSources, moduleDirs, type JvmBuildTool } from './jvmLayout';

/**
 * JUnit on the JVM, through the build: Maven (Surefire) or Gradle, both of which write one
 * TEST-<class>.xml per test class into a directory of each module. Only the files written during
 * this run are read (reportDirs), so a report left over from an earlier build never counts.
 *
 * Ids: the test class's source file + its simple class name (nested classes after it) + the
 * method, e.g. `src/test/java/com/acme/CalcTest.java::CalcTest › adds`. The class stays in the
 * suite path although the file implies it, so that an id still reads sensibly when the file is
 * not found (a layout other than src/test/<language>/<package>): then file is '' and the suite is
 * the fully qualified class name. A parameterized invocation keeps its method as name and its
 * index as parameters (`addsPairs[1]`).
 */
export const junitAdapter: FrameworkAdapter = {
  framework: 'junit',

  detect(folder) {
    const evidence = ['pom.xml', 'build.gradle', 'build.gradle.kts', 'gradlew'].find((name) => folder.rootEntries.has(name));
    return evidence ? { framework: 'junit', evidence, confidence: 10 } : undefined;
  },

  plan(context, focus) {
    const tool = jvmBuildTool(context.cwd);
    return tool === 'maven' ? planMaven(context, focus) : planGradle(context, focus);
  },

  parse(artifacts, context) {
    const tool = jvmBuildTool(context.cwd);
    return parseJUnitReports(artifacts, context.cwd, tool);
  },
};

/** Where each module's build writes the reports, relative to the module. */
const REPORT_DIR: Readonly<Record<JvmBuildTool, string>> = { maven: 'target/surefire-reports', gradle: 'build/test-results/test' };

function reportDirs(cwd: string, tool: JvmBuildTool): string[] {
  return moduleDirs(cwd, tool).map((m) => join(cwd, m, REPORT_DIR[tool]));
}

/**
 * `mvn -B -q test`: batch mode and quiet, so the output is the errors. -DtrimStackTrace=false:
 * Surefire otherwise cuts a failure's stack down to the test class's own frames, and the frame in
 * the code under test is the one that matters.
 */
function planMaven(context: PlanContext, focus?: readonly TestCase[]): PlannedRun {
  const invocation = [existsSync(join(context.cwd, 'mvnw')) ? './mvnw' : 'mvn'];
  const args = ['-B', '-q', 'test', '-DtrimStackTrace=false'];
  const dirs = reportDirs(context.cwd, 'maven');
  if (!focus || focus.length === 0) return { invocation, args, reportDirs: dirs };
  const methods = new Map<string, Set<string>>();
  for (const t of focus) {
    const cls = className(t);
    if (!methods.has(cls)) methods.set(cls, new Set());
    methods.get(cls)?.add(t.name);
  }
  const selector = [...methods].map(([cls, names]) => `${cls}#${[...names].join('+')}`).join(',');
  // A module with none of the focused tests must not fail the build for running nothing.
  return {
    invocation,
    args: [...args, `-Dtest=${selector}`, '-Dsurefire.failIfNoSpecifiedTests=false', '-DfailIfNoTests=false'],
    reportDirs: dirs,
    broaderThanFocus: focus.some((t) => t.parameters !== undefined),
  };
}

/**
 * `./gradlew cleanTest test` (or `gradle` without a wrapper). cleanTest: Gradle skips a test task
 * whose inputs did not change since it last passed, and then writes no report at all.
 */
function planGradle(context: PlanContext, focus?: readonly TestCase[]): PlannedRun {
  const wrapper = process.platform === 'win32' ? 'gradlew.bat' : 'gradlew';
  const invocation = [existsSync(join(context.cwd, wrapper)) ? (process.platform === 'win32' ? '.\\gradlew.bat' : './gradlew') : 'gradle'];
  const args = ['cleanTest', 'test'];
  const dirs = reportDirs(context.cwd, 'gradle');
  if (!focus || focus.length === 0) return { invocation, args, reportDirs: dirs };
  const filters = [...new Set(focus.map((t) => `${className(t)}.${t.name}`))].flatMap((f) => ['--tests', f]);
  return { invocation, args: [...args, ...filters], reportDirs: dirs, broaderThanFocus: focus.some((t) => t.parameters !== undefined) };
}

/** The fully qualified class of a test, back from its id parts. */
function className(t: TestCase): string {
  const [outer, ...nested] = t.suitePath;
  if (outer === undefined) return '';
  if (t.file === '') return [outer, ...nested].join('$');
  const m = /(?:^|\/)src\/[^/]+\/[^/]+\/(.+)\/[^/]+$/.exec(t.file);
  const pkg = m?.[1] ? `${m[1].replace(/\//g, '.')}.` : '';
  return `${pkg}${[outer, ...nested].join('$')}`;
}

export function parseJUnitReports(artifacts: RunArtifacts, cwd: string, tool: JvmBuildTool): { tests: TestCase[]; collectionError?: string } {
  const output = stripAnsi(artifacts.output);
  const modules = moduleDirs(cwd, tool);
  const sources = new JvmSources(cwd, modules);
  const tests: TestCase[] = [];
  let reports = 0;
  for (const [path, xml] of artifacts.reports) {
    if (!/^TEST-.*\.xml$/.test(basename(path))) continue; // Surefire also writes .txt summaries and other files
    reports++;
    const module = moduleOf(path, cwd, tool);
    for (const c of parseJUnitXml(xml, basename(path))) tests.push(toTestCase(c, sources, module));
  }
  const compile = compilationFailure(output, cwd);
  if (compile) return { tests, collectionError: compile };
  const crash = /The forked VM terminated without properly saying goodbye|There was an error in the forked process/.exec(output);
  if (crash) return { tests, collectionError: `the test JVM died: ${crash[0]}` };
  if (reports === 0 && artifacts.exitCode !== 0) {
    const error = output.split('\n').find((l) => /^\[ERROR\] \S|^FAILURE: |^\* What went wrong:/.test(l));
    throw new ReportError(`no JUnit XML report was written${error ? ` (${error.replace(/^\[ERROR\] /, '').trim()})` : ''}`);
  }
  return { tests };
}

function moduleOf(reportPath: string, cwd: string, tool: JvmBuildTool): string {
  const rel = relative(cwd, reportPath).split(/[\\/]/).join('/');
  const suffix = `/${REPORT_DIR[tool]}/`;
  const at = `/${rel}`.lastIndexOf(suffix);
  return at > 0 ? rel.slice(0, at - 1) : '.';
}

/** `addsPairs{int, int, int}[1]` (Surefire 2), `addsPairs(int, int, int)[1]` (Gradle, console launcher), `adds()`. */
const METHOD = /^([\w$]+)(?:\{[^}]*\}|\([^)]*\))?(?:\[(\d+)\])?$/;

function toTestCase(c: JUnitCase, sources: JvmSources, module: string): TestCase {
  const file = c.classname ? (sources.findClass(c.classname, module) ?? '') : '';
  const simple = c.classname.slice(c.classname.lastIndexOf('.') + 1).split('$');
  const suitePath = file ? simple : c.classname ? [c.classname] : [...c.suites];
  const m = METHOD.exec(c.name);
  const name = m?.[1] ?? c.name;
  const parameters = m?.[2];
  const failing = c.status === 'failed' || c.status === 'error';
  const message = failing ? failureMessage(c) : c.status === 'skipped' ? (c.message ?? c.details?.trim()) : undefined;
  return {
    id: testId(file, suitePath, name, parameters),
    file,
    suitePath,
    name,
    ...(parameters !== undefined ? { parameters } : {}),
    status: c.status,
    ...(message ? { message } : {}),
    stack: failing && c.details ? javaFrames(c.details, sources, module) : [],
    ...(c.timeSeconds !== undefined ? { durationMs: Math.round(c.timeSeconds * 1000) } : {}),
  };
}

/** The exception line(s) before the first `at` frame: they carry the type, which the message attribute leaves out. */
function failureMessage(c: JUnitCase): string | undefined {
  if (!c.details) return c.message;
  const lines = c.details.split('\n');
  const end = lines.findIndex((l) => /^\s+at\s/.test(l));
  const head = (end >= 0 ? lines.slice(0, end) : lines.slice(0, 1)).map((l) => l.trimEnd()).filter((l) => l !== '');
  return head.slice(0, 20).join('\n') || c.message;
}

/** A compiler error in Maven's or Gradle's output, as `file:line:col: message`; undefined when nothing failed to compile. */
function compilationFailure(output: string, cwd: string): string | undefined {
  if (!/COMPILATION ERROR|Compilation failure|Compilation failed|Execution failed for task '[^']*:compile\w*'/.test(output)) return undefined;
  const errors: string[] = [];
  for (const line of output.split('\n')) {
    // Maven: [ERROR] /abs/Calc.java:[7,21] ';' expected   javac via Gradle: /abs/Calc.java:7: error: ';' expected
    const m = /^(?:\[ERROR\] )?(\S+\.(?:java|kt|groovy|scala)):(?:\[(\d+),(\d+)\]|(\d+):) (?:error: )?(.+)$/.exec(line.trim());
    if (!m) continue;
    const frame = resolveFrame(m[1] as string, Number(m[2] ?? m[4]), m[3] ? Number(m[3]) : undefined, cwd);
    const error = `${frame.file}:${frame.line}${frame.column ? `:${frame.column}` : ''}: ${m[5]}`;
    if (!errors.includes(error)) errors.push(error);
  }
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `compilation failed${errors.length > 0 ? `: ${errors.slice(0, 3).join('; ')}${more}` : ''}`;
}
