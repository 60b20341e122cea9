import type { TestCase } from '../model';
import { parseLibtestOutput } from '../parsers/libtestOutput';
import type { FrameworkAdapter, PlannedRun } from './adapter';
import { packageOf, readCargoPackages, targetFile, type CargoPackage } from './cargoWorkspace';

/**
 * `cargo test --offline --no-fail-fast`. --offline: a test run must never reach for the network
 * (a missing dependency is then a clear error instead of a hang on a registry). --no-fail-fast:
 * one failing test binary must not hide the results of the others.
 *
 * No `--test-threads=1`: libtest's parallel mode prints each result line whole when the test ends,
 * so parsing does not need it, and serial runs would slow every iteration of the loop. The cost is
 * that when a test binary crashes (abort, stack overflow) libtest has not said which test was
 * running; that run is reported as a collection error rather than blamed on a guess.
 */
export const cargoAdapter: FrameworkAdapter = {
  framework: 'cargo',

  detect(folder) {
    return folder.rootEntries.has('Cargo.toml') ? { framework: 'cargo', evidence: 'Cargo.toml', confidence: 10 } : undefined;
  },

  plan(context, focus) {
    const invocation = ['cargo', 'test'];
    const base = ['--offline', '--no-fail-fast'];
    if (!focus || focus.length === 0) return { invocation, args: base };
    return { invocation, ...focusArgs(focus, readCargoPackages(context.cwd), base) };
  },

  parse(artifacts, context) {
    const packages = readCargoPackages(context.cwd);
    return parseLibtestOutput(artifacts.output, artifacts.exitCode, {
      cwd: context.cwd,
      resolveTarget: (printedPath, binary) => targetFile(printedPath, binary, packages, context.cwd),
    });
  },
};

const isDocTest = (t: TestCase): boolean => t.suitePath[0] === '(doc)';

/**
 * `-- --exact a::b c` (libtest takes several filters). A doc test is named `src/lib.rs - item (line
 * 16)`: the id leaves the line out, and rustdoc splits its filters on spaces, so a doc test is
 * focused by its item path alone, a substring filter; with doc tests in the focus --exact goes and
 * the run may take in more tests whose names contain a filter.
 * The targets are narrowed when that is simple (--lib, --test x, --doc), else the packages (-p).
 */
function focusArgs(focus: readonly TestCase[], packages: readonly CargoPackage[], base: readonly string[]): Pick<PlannedRun, 'args' | 'broaderThanFocus'> {
  const hasDoc = focus.some(isDocTest);
  const filters = [...new Set(focus.map((t) => (isDocTest(t) ? t.name.replace(/ #\d+$/, '') : [...t.suitePath, t.name].join('::'))))];
  return { args: [...base, ...selection(focus, packages), '--', ...(hasDoc ? [] : ['--exact']), ...filters], broaderThanFocus: hasDoc };
}

function selection(focus: readonly TestCase[], packages: readonly CargoPackage[]): string[] {
  const owners = new Set(focus.map((t) => packageOf(t.file, packages)));
  if (owners.has(undefined)) return [];
  const members = [...owners] as CargoPackage[];
  if (members.length !== 1 || members[0]?.dir !== '.') return members.flatMap((p) => ['-p', p.name]);
  const targets = new Set(focus.map((t) => (isDocTest(t) ? '--doc' : targetFlag(t.file, members[0]?.name ?? ''))));
  if (targets.has(undefined) || (targets.has('--doc') && targets.size > 1)) return [];
  return [...targets].flatMap((t) => (t as string).split(' '));
}

/** The cargo flag that selects the target whose source is `file`, for the standard layout. */
function targetFlag(file: string, packageName: string): string | undefined {
  if (file === 'src/lib.rs') return '--lib';
  if (file === 'src/main.rs') return `--bin ${packageName}`;
  const m = /^(src\/bin|tests|benches|examples)\/([^/]+?)(?:\.rs|\/main\.rs)$/.exec(file);
  if (!m) return undefined;
  const kind = { 'src/bin': '--bin', tests: '--test', benches: '--bench', examples: '--example' }[m[1] as 'tests'];
  return `${kind} ${m[2]}`;
}

