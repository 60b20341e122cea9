/**
 * The places in a source file where a one-token bug can hide, in a shape shared by every language:
 * each language's parser (javascriptSites.ts, pythonSites.ts) finds them, each operator family
 * (operators/) turns them into candidate patches. Offsets index the file's JavaScript string.
 */

export type Language = 'javascript' | 'python';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export type BinaryCategory = 'comparison' | 'arithmetic' | 'logical';

export type MutationSite =
  | {
      readonly kind: 'binary';
      readonly line: number;
      readonly category: BinaryCategory;
      /** The operator as written (`<=`, `===`, `and`, `//`). */
      readonly operator: string;
      readonly operatorRange: Range;
      readonly left: Range;
      readonly right: Range;
    }
  | { readonly kind: 'number'; readonly line: number; readonly range: Range; readonly value: number }
  | { readonly kind: 'boolean'; readonly line: number; readonly range: Range; readonly value: boolean }
  | {
      readonly kind: 'call';
      readonly line: number;
      /** The called name as written: `any`, `max`, `items.some`. */
      readonly callee: string;
      /** The range of the last name in the callee (`some` in `items.some`). */
      readonly calleeNameRange: Range;
      readonly args: readonly Range[];
    }
  /** An expression whose truth value decides a branch: if / while / ternary / assert tests. */
  | { readonly kind: 'condition'; readonly line: number; readonly range: Range }
  /** `not x` / `!x`. */
  | { readonly kind: 'negation'; readonly line: number; readonly range: Range; readonly operand: Range }
  /** The value of a return statement. */
  | { readonly kind: 'return'; readonly line: number; readonly range: Range };

export type MutationSiteKind = MutationSite['kind'];

/** A function (or method) and the lines it spans: localisation's unit when no frame points inside the code. */
export interface Definition {
  /** Undefined for anonymous functions (test callbacks, lambdas). */
  readonly name?: string;
  readonly startLine: number;
  readonly endLine: number;
}

/** What a language frontend reads out of one file. */
export interface ParsedSource {
  readonly sites: readonly MutationSite[];
  readonly definitions: readonly Definition[];
}

/** One change to the source text. Several splices of one patch never overlap. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type OperatorFamily =
  | 'comparison'
  | 'arithmetic'
  | 'logical'
  | 'boolean-literal'
  | 'off-by-one'
  | 'swap-arguments'
  | 'swapped-operands'
  | 'negate-condition'
  | 'return-value';

/** A candidate patch: one mutation of one site. */
export interface Mutation {
  readonly family: OperatorFamily;
  readonly line: number;
  readonly splices: readonly Splice[];
  /** Human words: "`<` → `<=`". */
  readonly description: string;
}

/** An operator family: data (what it swaps) plus one small function. */
export interface OperatorFamilyRule {
  readonly family: OperatorFamily;
  mutate(site: MutationSite, source: string, language: Language): Mutation[];
}

export function applySplices(source: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => b.start - a.start);
  let text = source;
  for (const s of ordered) text = text.slice(0, s.start) + s.text + text.slice(s.end);
  return text;
}

export const textOf = (source: string, r: Range): string => source.slice(r.start, r.end);
