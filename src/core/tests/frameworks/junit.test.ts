import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isFailing, testId, type TestCase } from '../model';
import type { WorkspaceFolderFacts } from '../workspaceFacts';
import { ReportError } from './adapter';
import { junitAdapter, parseJUnitReports } from './junit';

// Recorded from test/fixtures/maven-project with Maven 3.8.7 + Surefire 2.22.3, and with the JUnit
// Platform console launcher 1.9.1 (see the README beside them).
const fixtures = join(__dirname, '../../../../test/fixtures');
const reports = join(fixtures, 'reports/junit');
const mavenProject = join(fixtures, 'maven-project');

/** The recorded files as runTests would hand them over: keyed by where the build wrote them. */
function artifacts(recorded: string, reportDir: string, exitCode = 1): { reports: Map<string, string>; output: string; exitCode: number } {
  const dir = join(reports, recorded);
  const files = readdirSync(dir).filter((f) => f.endsWith('.xml'));
  return {
    reports: new Map(files.map((f) => [join(reportDir, f), readFileSync(join(dir, f), 'utf8')])),
    output: readFileSync(join(dir, 'output.txt'), 'utf8'),
    exitCode,
  };
}
const surefireDir = join(mavenProject, 'target/surefire-reports');

describe('parseJUnitReports on Surefire reports', () => {
  const parsed = parseJUnitReports(artifacts('maven-full', surefireDir), mavenProject, 'maven');
  const byId = new Map(parsed.tests.map((t) => [t.id, t]));
  const calc = 'src/test/java/com/acme/CalcTest.java::CalcTest › ';

  it('reads every test with its source file, class and method; invocations keep their index', () => {
    expect([...byId.keys()].sort()).toEqual(
      [
        `${calc}addsPairs[1]`,
        `${calc}addsPairs[2]`,
        `${calc}addsTwoNumbers`,
        `${calc}dividesTwoNumbers`,
        `${calc}multipliesByZero`,
        `${calc}multipliesTwoNumbers`,
        'src/test/java/com/acme/StringsTest.java::StringsTest › concatenates',
      ].sort(),
    );
    expect(byId.get(`${calc}addsPairs[1]`)).toMatchObject({ name: 'addsPairs', parameters: '1', suitePath: ['CalcTest'] });
    expect(parsed.collectionError).toBeUndefined();
  });

  it('gives failures and errors as failing, with the exception line as message', () => {
    expect(parsed.tests.filter(isFailing).map((t) => `${t.name} ${t.status}`).sort()).toEqual(['multipliesByZero error', 'multipliesTwoNumbers failed']);
    expect(byId.get(`${calc}multipliesTwoNumbers`)?.message).toBe('org.opentest4j.AssertionFailedError: expected: <6> but was: <7>');
    expect(byId.get(`${calc}dividesTwoNumbers`)).toMatchObject({ status: 'skipped', message: 'not written yet' });
  });

  it('maps the Java frames to workspace files and drops the JDK and JUnit frames', () => {
    expect(byId.get(`${calc}multipliesByZero`)?.stack).toEqual([
      { file: 'src/main/java/com/acme/Calc.java', line: 13, inWorkspace: true },
      { file: 'src/test/java/com/acme/CalcTest.java', line: 23, inWorkspace: true },
    ]);
  });

  it('reads only TEST-*.xml files', () => {
    const withTxt = artifacts('maven-full', surefireDir);
    withTxt.reports.set(join(surefireDir, 'com.acme.CalcTest.txt'), 'Test set: com.acme.CalcTest\n');
    expect(parseJUnitReports(withTxt, mavenProject, 'maven').tests).toHaveLength(7);
  });

  it('reads a focused run', () => {
    const focused = parseJUnitReports(artifacts('maven-focused', surefireDir), mavenProject, 'maven');
    expect(focused.tests.map((t) => t.id).sort()).toEqual([`${calc}multipliesByZero`, `${calc}multipliesTwoNumbers`]);
  });
});

describe('parseJUnitReports on JUnit Platform reports (the shape Gradle writes)', () => {
  const parsed = parseJUnitReports(artifacts('console-launcher', join(mavenProject, 'build/test-results/test')), mavenProject, 'gradle');

  it('strips the parameter list and keeps the invocation index', () => {
    const calc = 'src/test/java/com/acme/CalcTest.java::CalcTest › ';
    expect(parsed.tests.map((t) => t.id).sort()).toEqual(
      [
        `${calc}addsPairs[1]`,
        `${calc}addsPairs[2]`,
        `${calc}addsTwoNumbers`,
        `${calc}dividesTwoNumbers`,
        `${calc}multipliesByZero`,
        `${calc}multipliesTwoNumbers`,
        'src/test/java/com/acme/StringsTest.java::StringsTest › concatenates',
      ].sort(),
    );
    expect(parsed.tests.filter(isFailing)).toHaveLength(2);
  });
});

describe('parseJUnitReports without usable reports', () => {
  it('turns a compilation failure into a collection error naming the file and line', () => {
    const output = readFileSync(join(reports, 'maven-build-error.txt'), 'utf8');
    const parsed = parseJUnitReports({ reports: new Map(), output, exitCode: 1 }, '/work/main/test/fixtures/maven-build-error', 'maven');
    expect(parsed.collectionError).toBe("compilation failed: src/main/java/com/acme/Calc.java:7:21: ';' expected");
  });

  it('rejects a truncated report', () => {
    const xml = readFileSync(join(reports, 'maven-full/TEST-com.acme.CalcTest.xml'), 'utf8');
    const cut = { reports: new Map([[join(surefireDir, 'TEST-com.acme.CalcTest.xml'), xml.slice(0, Math.floor(xml.length * 0.8))]]), output: '', exitCode: 1 };
    expect(() => parseJUnitReports(cut, mavenProject, 'maven')).toThrow(ReportError);
  });

  it('rejects a failed build that wrote no report and shows no compiler error', () => {
    const output = '[ERROR] Plugin org.apache.maven.plugins:maven-surefire-plugin:2.22.3 or one of its dependencies could not be resolved\n';
    expect(() => parseJUnitReports({ reports: new Map(), output, exitCode: 1 }, mavenProject, 'maven')).toThrow(/no JUnit XML report was written \(Plugin org\.apache/);
  });
});

const facts = (entries: string[]): WorkspaceFolderFacts => ({ root: '/w', rootEntries: new Set(entries), readText: () => undefined });
const root = mkdtempSync(join(tmpdir(), 'loopgain-jvm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function layout(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const test = (file: string, suitePath: string[], name: string, parameters?: string): TestCase => ({
  id: testId(file, suitePath, name, parameters),
  file,
  suitePath,
  name,
  ...(parameters ? { parameters } : {}),
  status: 'failed',
  stack: [],
});

describe('junitAdapter detection and plans', () => {
  it('detects Maven and Gradle builds', () => {
    for (const marker of ['pom.xml', 'build.gradle', 'build.gradle.kts', 'gradlew']) {
      expect(junitAdapter.detect(facts([marker]))).toMatchObject({ framework: 'junit', evidence: marker });
    }
    expect(junitAdapter.detect(facts(['Makefile']))).toBeUndefined();
  });

  const maven = layout('maven', { 'pom.xml': '<project><modules><module>core</module></modules></project>', 'core/pom.xml': '<project/>' });
  const context = { cwd: maven, reportDir: '/tmp/r' };

  it('runs Maven in batch mode with full stack traces, reading every module\'s Surefire directory', () => {
    expect(junitAdapter.plan(context)).toEqual({
      invocation: ['mvn'],
      args: ['-B', '-q', 'test', '-DtrimStackTrace=false'],
      reportDirs: [join(maven, 'target/surefire-reports'), join(maven, 'core/target/surefire-reports')],
    });
  });

  it('focuses Maven on Class#m1+m2 per class', () => {
    const planned = junitAdapter.plan(context, [
      test('src/test/java/com/acme/CalcTest.java', ['CalcTest'], 'adds'),
      test('src/test/java/com/acme/CalcTest.java', ['CalcTest'], 'multiplies'),
      test('core/src/test/java/org/x/Other$Test.java', ['Other'], 'runs'),
      test('', ['org.y.Odd'], 'works'),
    ]);
    expect(planned.args.slice(4)).toEqual(['-Dtest=com.acme.CalcTest#adds+multiplies,org.x.Other#runs,org.y.Odd#works', '-Dsurefire.failIfNoSpecifiedTests=false', '-DfailIfNoTests=false']);
    expect(planned.broaderThanFocus).toBe(false);
  });

  it('says a focus on one parameterized invocation runs them all', () => {
    expect(junitAdapter.plan(context, [test('src/test/java/a/T.java', ['T'], 'p', '2')]).broaderThanFocus).toBe(true);
  });

  it('runs Gradle through its wrapper when there is one, with --tests per method', () => {
    const gradle = layout('gradle', { 'gradlew': '', 'settings.gradle.kts': 'include("app", ":lib:core")\n' });
    const planned = junitAdapter.plan({ cwd: gradle, reportDir: '/tmp/r' }, [test('app/src/test/kotlin/com/acme/CalcTest.kt', ['CalcTest', 'Nested'], 'adds')]);
    expect(planned.invocation).toEqual(['./gradlew']);
    expect(planned.args).toEqual(['cleanTest', 'test', '--tests', 'com.acme.CalcTest$Nested.adds']);
    expect(planned.reportDirs).toEqual(['.', 'app', 'lib/core'].map((m) => join(gradle, m, 'build/test-results/test')));
    expect(junitAdapter.plan({ cwd: layout('plain-gradle', { 'build.gradle': '' }), reportDir: '/tmp/r' }).invocation).toEqual(['gradle']);
  });
});
