import type { Detection, FrameworkAdapter } from './frameworks/adapter';
import type { Framework } from './model';
import type { WorkspaceFolderFacts } from './workspaceFacts';

/** How the user configured the test command (a setting in VS Code, flags on the CLI). */
export interface TestCommandSettings {
  /** Replaces the framework's invocation (e.g. "poetry run pytest"); always wins over detection. */
  readonly command?: string;
  /** Names the framework when it cannot be detected (or to override detection). */
  readonly framework?: Framework;
}

/** What will run the tests: a known framework (structured results), or only a command (exit code). */
export type TestSetup =
  | { readonly kind: 'framework'; readonly adapter: FrameworkAdapter; readonly detection: Detection; readonly command?: string }
  | { readonly kind: 'command-only'; readonly command: string };

export class DetectionError extends Error {
  override readonly name = 'DetectionError';
}

export const WHAT_DETECTION_LOOKS_FOR =
  'pytest (pytest.ini, pyproject.toml [tool.pytest.ini_options], setup.cfg [tool:pytest], tox.ini [pytest], conftest.py), ' +
  'jest / vitest / mocha / node --test (package.json scripts and devDependencies), go test (go.mod), cargo test (Cargo.toml), ' +
  'JUnit via Maven or Gradle (pom.xml, build.gradle, build.gradle.kts)';

/**
 * Picks how to run the folder's tests. An explicit command always wins; a named framework is used
 * as named; otherwise the adapter with the strongest evidence. Nothing found → a DetectionError that
 * says what was looked for and how to set the command.
 */
export function detectTestSetup(facts: WorkspaceFolderFacts, adapters: readonly FrameworkAdapter[], settings: TestCommandSettings = {}): TestSetup {
  if (settings.framework) {
    const adapter = adapters.find((a) => a.framework === settings.framework);
    if (!adapter) throw new DetectionError(`unknown framework "${settings.framework}" (known: ${adapters.map((a) => a.framework).join(', ')})`);
    return { kind: 'framework', adapter, detection: { framework: adapter.framework, evidence: 'configured', confidence: Infinity }, command: settings.command };
  }
  const candidates = adapters
    .map((adapter) => ({ adapter, detection: adapter.detect(facts) }))
    .filter((c): c is { adapter: FrameworkAdapter; detection: Detection } => c.detection !== undefined)
    .sort((a, b) => b.detection.confidence - a.detection.confidence);
  const best = candidates[0];
  if (best) return { kind: 'framework', adapter: best.adapter, detection: best.detection, command: settings.command };
  if (settings.command) return { kind: 'command-only', command: settings.command };
  throw new DetectionError(
    `No test framework found in ${facts.root}. Looked for: ${WHAT_DETECTION_LOOKS_FOR}. ` +
      'Set the command that runs your tests: the "loopgain.testCommand" setting in VS Code, or --test-cmd on the command line ' +
      '(add --framework NAME if it is one of the supported frameworks, to get results per test).',
  );
}
