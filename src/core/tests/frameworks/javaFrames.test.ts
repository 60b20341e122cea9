import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJUnitXml } from '../parsers/junitXml';
import { javaFrames } from './javaFrames';
import { JvmSources } from './jvmLayout';

const fixtures = join(__dirname, '../../../../test/fixtures');
const sources = new JvmSources(join(fixtures, 'maven-project'), ['.']);

describe('javaFrames', () => {
  it('maps the frames of a recorded Surefire failure to the files under src/main/java and src/test/java', () => {
    const xml = readFileSync(join(fixtures, 'reports/junit/maven-full/TEST-com.acme.CalcTest.xml'), 'utf8');
    const failing = parseJUnitXml(xml).find((c) => c.name === 'multipliesByZero');
    expect(failing?.details).toContain('at java.base/jdk.internal.reflect');
    expect(javaFrames(failing?.details ?? '', sources)).toEqual([
      { file: 'src/main/java/com/acme/Calc.java', line: 13, inWorkspace: true },
      { file: 'src/test/java/com/acme/CalcTest.java', line: 23, inWorkspace: true },
    ]);
  });

  it('handles nested classes, lambdas, constructors and class-loader prefixes', () => {
    const trace = [
      'java.lang.IllegalStateException: boom',
      '\tat app//com.acme.Calc$Memo.lambda$get$0(Calc.java:7)',
      '\tat com.acme.Calc.<init>(Calc.java:9)',
      '\tat com.acme.Calc.<init>(Calc.java:9)',
      '\tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:727)',
      '\tat com.acme.Gone.run(Gone.java:3)',
    ].join('\n');
    expect(javaFrames(trace, sources)).toEqual([
      { file: 'src/main/java/com/acme/Calc.java', line: 7, inWorkspace: true },
      { file: 'src/main/java/com/acme/Calc.java', line: 9, inWorkspace: true },
    ]);
  });

  it('finds nothing in text without frames', () => {
    expect(javaFrames('expected: <6> but was: <7>', sources)).toEqual([]);
  });
});

describe('JvmSources', () => {
  it('finds a class by its binary name, nested classes included, and caches misses', () => {
    expect(sources.findClass('com.acme.CalcTest$Inner')).toBe('src/test/java/com/acme/CalcTest.java');
    expect(sources.findClass('com.acme.Missing')).toBeUndefined();
    expect(sources.findClass('com.acme.Missing')).toBeUndefined();
  });
});
