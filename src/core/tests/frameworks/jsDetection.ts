import type { Framework } from '../model';
import type { WorkspaceFolderFacts } from '../workspaceFacts';
import type { Detection } from './adapter';
import { scriptRuns, type ToolMatcher } from './testScript';

/**
 * One scale with the other adapters (pytest: config 10, conftest 7, dependency 6): the `"test"`
 * script is what `npm test` runs, so it beats a config file, which beats a dependency that may be a
 * leftover. That is how vitest wins over a stale jest setup when `"test": "vitest run"`.
 */
export const JS_CONFIDENCE = { testScript: 10, otherScript: 8, config: 7, dependency: 5 } as const;

export interface JsFrameworkSigns {
  readonly framework: Framework;
  readonly runs: ToolMatcher;
  /** Packages whose presence in (dev)dependencies means the framework is installed. */
  readonly packages: readonly string[];
  /** Root-level config file names. */
  readonly configFile?: RegExp;
  /** A top-level package.json key that holds the framework's config. */
  readonly packageJsonKey?: string;
}

export function detectJsFramework(facts: WorkspaceFolderFacts, signs: JsFrameworkSigns): Detection | undefined {
  const found: { evidence: string; confidence: number }[] = [];
  const pkg = facts.packageJson;
  for (const [name, script] of Object.entries(pkg?.scripts ?? {})) {
    if (typeof script !== 'string' || !scriptRuns(script, signs.runs)) continue;
    const confidence = name === 'test' ? JS_CONFIDENCE.testScript : JS_CONFIDENCE.otherScript;
    found.push({ evidence: `package.json scripts.${name}: "${script}"`, confidence });
  }
  const config = signs.configFile && [...facts.rootEntries].sort().find((e) => signs.configFile?.test(e));
  if (config) found.push({ evidence: config, confidence: JS_CONFIDENCE.config });
  if (signs.packageJsonKey && hasTopLevelKey(facts.readText('package.json'), signs.packageJsonKey)) {
    found.push({ evidence: `package.json "${signs.packageJsonKey}" config`, confidence: JS_CONFIDENCE.config });
  }
  for (const name of signs.packages) {
    if (pkg?.devDependencies.has(name)) found.push({ evidence: `package.json devDependencies.${name}`, confidence: JS_CONFIDENCE.dependency });
    else if (pkg?.dependencies.has(name)) found.push({ evidence: `package.json dependencies.${name}`, confidence: JS_CONFIDENCE.dependency });
  }
  const best = found.sort((a, b) => b.confidence - a.confidence)[0];
  return best && { framework: signs.framework, ...best };
}

function hasTopLevelKey(packageJson: string | undefined, key: string): boolean {
  if (packageJson === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(packageJson);
    return typeof parsed === 'object' && parsed !== null && key in parsed;
  } catch {
    return false;
  }
}
