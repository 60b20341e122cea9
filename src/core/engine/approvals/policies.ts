import { posix } from 'node:path';
import { isTestFile } from '../../fixers/offline/testFiles';

/** Which edits need a human's yes before they are applied. */
export interface ApprovalPolicy {
  /** Edits to test files (the loop should fix code, not tests). */
  readonly testFiles: boolean;
  /** Deleting a file (a rename is a delete plus a create). */
  readonly deletions: boolean;
  /** Edits outside the project(s) the failing tests belong to (monorepos). */
  readonly outsideFailingProjects: boolean;
  /** Lockfiles, CI definitions, build and tool configuration. */
  readonly configFiles: boolean;
  /** An iteration changing more lines than this (added + removed). */
  readonly maxChangedLines: number;
  /** An interactive prompt unanswered for this long counts as "deny". */
  readonly interactiveTimeoutMs: number;
  /** A headless approval token is valid this long. */
  readonly headlessTtlMs: number;
}

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = Object.freeze({
  testFiles: true,
  deletions: true,
  outsideFailingProjects: true,
  configFiles: true,
  maxChangedLines: 80,
  interactiveTimeoutMs: 5 * 60_000,
  headlessTtlMs: 60 * 60_000,
});

export type GateRule = 'test-file' | 'deletion' | 'outside-failing-projects' | 'config-file' | 'large-change';

export interface GateReason {
  readonly rule: GateRule;
  readonly path?: string;
  readonly reason: string;
}

const CONFIG_FILE = new RegExp(
  [
    '(^|/)(package-lock\\.json|npm-shrinkwrap\\.json|yarn\\.lock|pnpm-lock\\.yaml|poetry\\.lock|Pipfile\\.lock|uv\\.lock|Cargo\\.lock|go\\.sum|Gemfile\\.lock|composer\\.lock)$',
    '(^|/)(package\\.json|pyproject\\.toml|setup\\.cfg|setup\\.py|tox\\.ini|pytest\\.ini|Cargo\\.toml|go\\.mod|pom\\.xml|build\\.gradle(\\.kts)?|Makefile|Dockerfile|tsconfig[^/]*\\.json)$',
    '(^|/)(jest|vitest|vite|webpack|rollup|babel|eslint)\\.config\\.[^/]+$',
    '(^|/)(\\.eslintrc[^/]*|\\.mocharc[^/]*|\\.babelrc|conftest\\.py)$',
    '(^|/)(\\.github|\\.gitlab|\\.circleci|\\.ci)/',
    '(^|/)(\\.gitlab-ci\\.yml|Jenkinsfile|azure-pipelines\\.yml|\\.travis\\.yml)$',
  ].join('|'),
);

export function isConfigFile(path: string): boolean {
  return CONFIG_FILE.test(path);
}

export interface GateInput {
  readonly files: ReadonlyMap<string, { readonly before: string | undefined; readonly after: string | undefined }>;
  /** Root folders ('' = the workspace root) of the projects the failing tests belong to. */
  readonly failingProjects: ReadonlySet<string>;
  readonly policy: ApprovalPolicy;
}

/** Why this iteration's edits need approval; empty when they may be applied as they are. */
export function gateReasons({ files, failingProjects, policy }: GateInput): GateReason[] {
  const reasons: GateReason[] = [];
  let changedLines = 0;
  for (const [path, change] of files) {
    if (policy.testFiles && isTestFile(path)) reasons.push({ rule: 'test-file', path, reason: `${path} is a test file: the loop should fix the code, not the tests` });
    if (policy.deletions && change.before !== undefined && change.after === undefined) reasons.push({ rule: 'deletion', path, reason: `deletes ${path}` });
    if (policy.configFiles && isConfigFile(path)) reasons.push({ rule: 'config-file', path, reason: `${path} is a lockfile, CI or build/tool configuration` });
    if (policy.outsideFailingProjects && failingProjects.size > 0 && ![...failingProjects].some((root) => root === '' || path === root || path.startsWith(`${root}/`))) {
      reasons.push({ rule: 'outside-failing-projects', path, reason: `${path} is outside the project(s) of the failing tests (${[...failingProjects].join(', ')})` });
    }
    changedLines += countChangedLines(change.before ?? '', change.after ?? '');
  }
  if (changedLines > policy.maxChangedLines) reasons.push({ rule: 'large-change', reason: `changes ${changedLines} lines (more than ${policy.maxChangedLines})` });
  return reasons;
}

/** Lines removed plus lines added, by a line-multiset difference (cheap and close to a diff's count). */
export function countChangedLines(before: string, after: string): number {
  const lines = (text: string): string[] => (text === '' ? [] : text.split('\n'));
  const count = new Map<string, number>();
  for (const l of lines(before)) count.set(l, (count.get(l) ?? 0) + 1);
  let added = 0;
  for (const l of lines(after)) {
    const c = count.get(l) ?? 0;
    if (c > 0) count.set(l, c - 1);
    else added++;
  }
  const removed = [...count.values()].reduce((a, b) => a + b, 0);
  return added + removed;
}

/** Markers of a project root: the failing tests' project is the nearest folder above them holding one. */
export const PROJECT_MARKERS = ['package.json', 'pyproject.toml', 'setup.py', 'setup.cfg', 'go.mod', 'Cargo.toml', 'pom.xml', 'build.gradle', 'build.gradle.kts'];

/** The project root of a workspace-relative file ('' when only the workspace root qualifies). */
export async function projectRootOf(path: string, hasFile: (path: string) => Promise<boolean>): Promise<string> {
  let dir = posix.dirname(path);
  while (dir !== '.' && dir !== '') {
    for (const marker of PROJECT_MARKERS) if (await hasFile(`${dir}/${marker}`)) return dir;
    dir = posix.dirname(dir);
  }
  return '';
}
