import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * The shape of a Maven or Gradle build on disk, as far as reading its test reports needs: which
 * tool, which module directories (each writes its own reports), and where sources live.
 */
export type JvmBuildTool = 'maven' | 'gradle';

/** A Gradle wrapper means Gradle is the build even when a pom.xml lingers; else pom.xml means Maven. */
export function jvmBuildTool(root: string): JvmBuildTool {
  if (existsSync(join(root, 'gradlew'))) return 'gradle';
  return existsSync(join(root, 'pom.xml')) ? 'maven' : 'gradle';
}

/** Workspace-relative module directories, '.' (the root) first. */
export function moduleDirs(root: string, tool: JvmBuildTool): string[] {
  return ['.', ...(tool === 'maven' ? mavenModules(root, '.', 0) : gradleProjects(root))];
}

function mavenModules(root: string, dir: string, depth: number): string[] {
  const pom = readText(join(root, dir, 'pom.xml'));
  if (pom === undefined || depth > 4) return [];
  const modules = [...pom.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g)].map((m) => posix.normalize(posix.join(dir, m[1] as string)));
  return modules.flatMap((m) => [m, ...mavenModules(root, m, depth + 1)]);
}

/** `include("app", ":lib:core")` / `include 'app'` in settings.gradle(.kts); ':lib:core' lives in lib/core. */
function gradleProjects(root: string): string[] {
  const settings = readText(join(root, 'settings.gradle.kts')) ?? readText(join(root, 'settings.gradle')) ?? '';
  const projects = new Set<string>();
  for (const statement of settings.matchAll(/^\s*include\b(.*)$/gm)) {
    for (const name of (statement[1] as string).matchAll(/["']([^"']+)["']/g)) {
      projects.add((name[1] as string).replace(/^:/, '').replace(/:/g, '/'));
    }
  }
  return [...projects];
}

const SOURCE_SETS = ['test', 'main'];
const LANGUAGES = ['java', 'kotlin', 'groovy', 'scala'];
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = { java: ['java'], kotlin: ['kt'], groovy: ['groovy'], scala: ['scala'] };

/**
 * Finds the source file of a class by the Java convention (package = directory) in each module's
 * src/{test,main}/{java,kotlin,groovy,scala}. Lookups are cached: one report asks for the same
 * classes again and again.
 */
export class JvmSources {
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    private readonly root: string,
    private readonly modules: readonly string[],
  ) {}

  /** The workspace-relative file of `packagePath/fileName` (e.g. com/acme + Calc.java), preferring `module`. */
  find(packagePath: string, fileName: string, module?: string): string | undefined {
    const key = `${module ?? ''}\u0000${packagePath}\u0000${fileName}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const modules = module ? [module, ...this.modules.filter((m) => m !== module)] : this.modules;
    let found: string | undefined;
    search: for (const m of modules) {
      for (const set of SOURCE_SETS) {
        for (const language of LANGUAGES) {
          const relative = posix.join(m, 'src', set, language, packagePath, fileName);
          if (existsSync(join(this.root, relative))) {
            found = relative;
            break search;
          }
        }
      }
    }
    this.cache.set(key, found);
    return found;
  }

  /** The source file of a class given by its binary name (com.acme.CalcTest$Inner), any JVM language. */
  findClass(className: string, module?: string): string | undefined {
    const outer = className.split('$')[0] as string;
    const dot = outer.lastIndexOf('.');
    const packagePath = dot >= 0 ? outer.slice(0, dot).replace(/\./g, '/') : '';
    const simple = outer.slice(dot + 1);
    for (const language of LANGUAGES) {
      for (const ext of EXTENSIONS[language] ?? []) {
        const found = this.find(packagePath, `${simple}.${ext}`, module);
        if (found) return found;
      }
    }
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
