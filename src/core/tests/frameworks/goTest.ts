import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestCase } from '../model';
import { parseGoTestJson } from '../parsers/goTestJson';
import type { FrameworkAdapter, PlannedRun } from './adapter';

/**
 * `go test -json ./...`. The events go to stdout, the only place go test -json writes them; that
 * is enough because the tests' own output arrives wrapped in "output" events, and the plain lines
 * mixed in (build failures) are what the parser looks for between the events.
 */
export const goTestAdapter: FrameworkAdapter = {
  framework: 'go',

  detect(folder) {
    return folder.rootEntries.has('go.mod') ? { framework: 'go', evidence: 'go.mod', confidence: 10 } : undefined;
  },

  plan(_context, focus) {
    const invocation = ['go', 'test'];
    if (!focus || focus.length === 0) return { invocation, args: ['-json', './...'] };
    return { invocation, ...focusArgs(focus) };
  },

  parse(artifacts, context) {
    return parseGoTestJson(artifacts.output, artifacts.exitCode, { cwd: context.cwd, modulePath: readModulePath(context.cwd) });
  },
};

/** The `module` line of go.mod, which turns import paths into directories. */
export function readModulePath(root: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, 'go.mod'), 'utf8');
  } catch {
    return undefined;
  }
  const m = /^\s*module\s+"?([^\s"]+)"?/m.exec(text);
  return m?.[1];
}

/** Go's regexp.QuoteMeta. */
const quoteMeta = (s: string): string => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

/**
 * One -run pattern for every focused test: `^TestA$/^sub$/^$` per test, alternatives joined with a
 * top-level `|` (go splits on it since 1.19). The trailing `/^$` keeps a focused parent's other
 * subtests from running: no subtest has an empty name. go runs the parents of a focused subtest
 * anyway and reports them too. Only the packages involved are built and run.
 */
function focusArgs(focus: readonly TestCase[]): Pick<PlannedRun, 'args' | 'broaderThanFocus'> {
  const byPackage = new Map<string, Set<string>>();
  for (const t of focus) {
    const path = [...t.suitePath, t.name].map((part) => `^${quoteMeta(part)}$`).join('/');
    const pkg = t.file === '' ? '.' : t.file;
    let patterns = byPackage.get(pkg);
    if (!patterns) byPackage.set(pkg, (patterns = new Set()));
    patterns.add(`${path}/^$`);
  }
  const all = new Set([...byPackage.values()].flatMap((s) => [...s]));
  // -run applies to every package named: when they were asked for different tests, a package can
  // also run a test of the same name that was asked for in another one.
  const broaderThanFocus = [...byPackage.values()].some((s) => s.size !== all.size);
  const packages = [...byPackage.keys()].map(packageArg);
  return { args: ['-json', '-run', [...all].join('|'), ...packages], broaderThanFocus };
}

function packageArg(dir: string): string {
  if (dir === '.') return '.';
  // an import path from outside the module (its first element is a domain) is passed as it is
  return dir.split('/')[0]?.includes('.') ? dir : `./${dir}`;
}
