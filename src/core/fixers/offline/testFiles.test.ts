import { describe, expect, it } from 'vitest';
import { isTestFile, languageOf } from './testFiles';

describe('isTestFile', () => {
  it('knows test files, fixtures and test data by name and folder', () => {
    for (const path of [
      'test_wrap.py',
      'pkg/wrap_test.py',
      'conftest.py',
      'src/a.test.ts',
      'src/a.spec.mjs',
      'tests/helpers.py',
      'src/__tests__/a.js',
      'test/fixtures/project/app.js',
      'data/fixtures/x.py',
      'pkg/testdata/input.py',
      'pkg/test_data/input.py',
      'web/test-data/seed.js',
      'src/__fixtures__/a.ts',
      'src/__mocks__/fs.js',
    ]) {
      expect(isTestFile(path), path).toBe(true);
    }
  });

  it('leaves source files alone, even when their names mention tests', () => {
    for (const path of ['src/testing.py', 'src/contest.py', 'lib/attestation.js', 'src/latest/index.ts', 'src/specification.ts']) expect(isTestFile(path), path).toBe(false);
  });

  it('tells the languages apart', () => {
    expect([languageOf('a.py'), languageOf('a.tsx'), languageOf('a.d.ts'), languageOf('a.go')]).toEqual(['python', 'javascript', undefined, undefined]);
  });
});
