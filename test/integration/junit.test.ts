import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junitAdapter } from '../../src/core/tests/frameworks/junit';
import { isFailing, type TestRun } from '../../src/core/tests/model';
import { runTests } from '../../src/core/tests/runTests';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';

/**
 * Maven runs here without a network against Debian's own Maven repository (/usr/share/maven-repo):
 * a throwaway user home holds a settings.xml whose mirror sends every download there. The fixture
 * pins plugin versions that Debian packages ship.
 */
const fixtures = join(__dirname, '../fixtures');
const debianRepo = '/usr/share/maven-repo';
const APT_PACKAGES = 'maven libsurefire-java junit5 libmaven-compiler-plugin-java libmaven-resources-plugin-java';
const NEEDED = [
  'org/apache/maven/plugins/maven-surefire-plugin/2.22.3',
  'org/apache/maven/plugins/maven-compiler-plugin/3.10.1',
  'org/apache/maven/plugins/maven-resources-plugin/3.3.0',
  'org/apache/maven/surefire/surefire-junit-platform/2.22.3',
  'org/junit/jupiter/junit-jupiter-engine/5.9.2',
  'org/junit/jupiter/junit-jupiter-params/5.9.2',
];
const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
const missing = mvn.status !== 0 ? ['mvn'] : NEEDED.filter((p) => !existsSync(join(debianRepo, p)));
const skipReason =
  missing.length > 0 ? `Maven cannot resolve plugins offline on this machine (missing: ${missing.join(', ')}; apt-get install ${APT_PACKAGES})` : undefined;
if (skipReason) console.warn(`maven integration tests skipped: ${skipReason}`);
console.warn('gradle integration tests: none; Debian 12 ships Gradle 4.4, which cannot run on Java 17, and Gradle cannot fetch JUnit offline');

function mavenEnv(): NodeJS.ProcessEnv {
  const home = join(tmpdir(), 'loopgain-maven-home');
  mkdirSync(join(home, '.m2'), { recursive: true });
  const settings = `<settings>
  <localRepository>${join(home, 'repository')}</localRepository>
  <mirrors><mirror><id>debian</id><mirrorOf>*</mirrorOf><url>file://${debianRepo}</url></mirror></mirrors>
</settings>
`;
  writeFileSync(join(home, '.m2', 'settings.xml'), settings);
  return { ...process.env, MAVEN_OPTS: `${process.env.MAVEN_OPTS ?? ''} -Duser.home=${home}`.trim() };
}

async function run(project: string, focus?: TestRun['tests']): Promise<TestRun> {
  const cwd = join(fixtures, project);
  const detection = junitAdapter.detect(readWorkspaceFacts(cwd));
  if (!detection) throw new Error(`junit not detected in ${project}`);
  return runTests({ setup: { kind: 'framework', adapter: junitAdapter, detection }, cwd, focus, timeoutMs: 300_000, env: mavenEnv() });
}

const CALC = 'src/test/java/com/acme/CalcTest.java::CalcTest › ';
const FAILING = [`${CALC}multipliesByZero`, `${CALC}multipliesTwoNumbers`];
let fullRun: Promise<TestRun> | undefined;
const full = (): Promise<TestRun> => (fullRun ??= run('maven-project'));

describe('JUnit detection', () => {
  it('detects pom.xml in the Maven fixtures', () => {
    for (const project of ['maven-project', 'maven-build-error']) {
      expect(junitAdapter.detect(readWorkspaceFacts(join(fixtures, project)))).toMatchObject({ framework: 'junit', evidence: 'pom.xml' });
    }
  });
});

describe.skipIf(skipReason !== undefined)('mvn test on real projects, offline against Debian\'s Maven repository', () => {
  it('reports exactly the failing tests of a full run, with frames in the code under test', async () => {
    const result = await full();
    expect(result.outcome).toBe('completed');
    expect(result.command).toBe('mvn -B -q test -DtrimStackTrace=false');
    expect(result.tests.filter(isFailing).map((t) => t.id).sort()).toEqual(FAILING);
    expect(result.tests).toHaveLength(7);
    expect(result.tests.find((t) => t.id === `${CALC}multipliesByZero`)?.stack[0]).toEqual({ file: 'src/main/java/com/acme/Calc.java', line: 13, inWorkspace: true });
  }, 330_000);

  it('runs only the failing tests when focused on them, and reads no stale report', async () => {
    const failing = (await full()).tests.filter(isFailing);
    expect(failing.map((t) => t.id).sort()).toEqual(FAILING);
    const focused = await run('maven-project', failing);
    expect(focused.outcome).toBe('completed');
    expect(focused.command).toContain('-Dtest=com.acme.CalcTest#');
    expect(focused.tests.map((t) => t.id).sort()).toEqual(FAILING);
  }, 660_000);

  it('turns a compilation failure into a collection error naming the file and line', async () => {
    const result = await run('maven-build-error');
    expect(result.outcome).toBe('collection-error');
    expect(result.problem).toBe("compilation failed: src/main/java/com/acme/Calc.java:7:21: ';' expected");
  }, 330_000);
});
