import { readWorkspaceFacts } from '../workspaceFacts';

/**
 * What the package.json scripts say about a runner: used as detection evidence, and to keep the
 * options of the project's own `"test"` script (a mocha spec glob, `--import tsx`, a jest config)
 * when LoopGain runs the runner itself.
 */

const OPERATORS = new Set(['&&', '||', ';', '|', '&']);

/**
 * Splits a script into words the way sh would for simple command lines: whitespace separates,
 * quotes group. Undefined when the script needs a real shell to mean what it says (variables,
 * command substitution, redirection), so nothing is guessed from it.
 */
export function tokenize(script: string): string[] | undefined {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inToken = true;
    } else if (/\s/.test(c)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else if (c === '$' || c === '`' || c === '<' || c === '>' || c === '\\') {
      return undefined;
    } else if (c === ';' || c === '&' || c === '|') {
      if (inToken) tokens.push(current);
      const pair = script[i + 1] === c && c !== ';' ? c + c : c;
      tokens.push(pair);
      i += pair.length - 1;
      current = '';
      inToken = false;
    } else {
      current += c;
      inToken = true;
    }
  }
  if (quote) return undefined;
  if (inToken) tokens.push(current);
  return tokens;
}

/** Finds the runner's word in a command line; returns the index after which its own arguments start. */
export type ToolMatcher = (tokens: readonly string[], index: number) => number | undefined;

/** Matches a word naming the tool, bare or as a path (`jest`, `./node_modules/.bin/jest`, `jest.js`). */
export const wordMatcher =
  (...names: string[]): ToolMatcher =>
  (tokens, index) => {
    const word = tokens[index] ?? '';
    const base = word.split(/[\\/]/).pop() ?? '';
    return names.some((n) => base === n || base === `${n}.js` || base === `${n}.mjs` || base === `${n}.cmd`) ? index + 1 : undefined;
  };

/** The arguments that follow the tool in `script`, up to the end of its command; undefined when the script does not run it. */
export function toolArguments(script: string, matcher: ToolMatcher): string[] | undefined {
  const tokens = tokenize(script);
  if (!tokens) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const start = matcher(tokens, i);
    if (start === undefined) continue;
    const end = tokens.findIndex((t, j) => j >= start && OPERATORS.has(t));
    return tokens.slice(start, end === -1 ? undefined : end);
  }
  return undefined;
}

/** Loosely: does the script run the tool anywhere (also through shell constructs we do not parse)? */
export function scriptRuns(script: string, matcher: ToolMatcher): boolean {
  if (toolArguments(script, matcher) !== undefined) return true;
  // A script we cannot tokenize ("FOO=$BAR jest") still counts as evidence, word by word.
  const words = script.split(/[\s;&|()]+/).filter((w) => w !== '');
  return words.some((_, i) => matcher(words, i) !== undefined);
}

export interface SplitArguments {
  /** Options, each with its value when it takes one (`['--require', 'ts-node/register']`), in order. */
  readonly options: readonly (readonly string[])[];
  /** Everything else: files, globs, path patterns, subcommands. */
  readonly positionals: readonly string[];
}

/** Separates options from positionals; `takesValue` names the options whose value is the next word. */
export function splitArguments(args: readonly string[], takesValue: ReadonlySet<string>): SplitArguments {
  const options: string[][] = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const next = args[i + 1];
    if (!arg.includes('=') && takesValue.has(arg) && next !== undefined) {
      options.push([arg, next]);
      i++;
    } else {
      options.push([arg]);
    }
  }
  return { options, positionals };
}

/** The options as words, without those LoopGain sets itself (reporters, output files, watch mode). */
export function optionWords(options: readonly (readonly string[])[], drop: ReadonlySet<string>): string[] {
  return options.filter((group) => !drop.has((group[0] ?? '').split('=')[0] as string)).flat();
}

/** The project's `"test"` script arguments for the tool, split; empty when it does not run the tool. */
export function testScriptArguments(cwd: string, matcher: ToolMatcher, takesValue: ReadonlySet<string>): SplitArguments {
  const script = readWorkspaceFacts(cwd).packageJson?.scripts.test;
  const args = typeof script === 'string' ? toolArguments(script, matcher) : undefined;
  return splitArguments(args ?? [], takesValue);
}
