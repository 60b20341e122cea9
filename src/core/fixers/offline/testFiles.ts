/**
 * Which files are tests (or test support): the offline fixer never proposes a change to them, and
 * never reads a failing assertion there as the bug's location.
 */
const TEST_FOLDER = /(^|\/)(tests?|__tests__|spec|specs|testdata|test[-_]data|fixtures|__fixtures__|__mocks__|__snapshots__)\//;
const TEST_NAME = /(^|\/)(test_[^/]*\.py|[^/]*_test\.(py|go)|conftest\.py|[^/]*\.(test|spec)\.[cm]?[jt]sx?)$/;

export function isTestFile(path: string): boolean {
  return TEST_FOLDER.test(path) || TEST_NAME.test(path);
}

export type SourceLanguage = 'javascript' | 'python';

export function languageOf(path: string): SourceLanguage | undefined {
  if (/\.py$/.test(path)) return 'python';
  if (/\.[cm]?[jt]sx?$/.test(path) && !/\.d\.[cm]?ts$/.test(path)) return 'javascript';
  return undefined;
}
