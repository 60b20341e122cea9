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

/** An expression's text and how tightly it binds, on the scale of PRECEDENCE (expressions.ts). */
export interface ExpressionText {
  readonly text: string;
  readonly precedence: number;
}

/**
 * A name in scope at a site, innermost scope first. `callable`: a function or class defined in the
 * file; `imported`: a name imported from another module (a function, most likely); `value`:
 * everything else (parameters, locals, module constants). Modules themselves are never listed.
 */
export interface ScopeName {
  readonly name: string;
  readonly kind: 'value' | 'callable' | 'imported';
  /** Bound in the same function as the site (or both at module level). */
  readonly local: boolean;
  /** Its position among the parameters of that function. */
  readonly param?: number;
}

export type LiteralKind = 'boolean' | 'number' | 'string' | 'none' | 'list' | 'dict' | 'tuple';

export type StatementType = 'expression' | 'assignment' | 'augmented-assignment' | 'return' | 'break' | 'continue' | 'other';

/** A simple statement of the file, as a copy that statement insertion may place elsewhere. */
export interface StatementCopy {
  readonly text: string;
  /** The white space before its first line. */
  readonly indent: string;
  readonly statement: StatementType;
  readonly line: number;
  /** The function (or module, or class body) it belongs to: an index shared by the file's sites. */
  readonly region: number;
  /** The names inside it, with offsets into `text`; `local` names are bound in its own function. */
  readonly names: readonly { readonly name: string; readonly start: number; readonly end: number; readonly local: boolean; readonly param?: number }[];
}

/** A sub-condition or boolean-ish name that a condition may be widened or narrowed with. */
export interface ConditionAlternative extends ExpressionText {
  readonly line: number;
}

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
      /** How tightly each operand binds, and what each position needs (for moving operands about). */
      readonly precedences: readonly [number, number];
      readonly slots: readonly [number, number];
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
  /**
   * An expression whose truth value decides a branch: if / while / ternary / assert tests. `slot` is
   * the precedence an expression needs to stand in its place without parentheses; `parts` are the
   * texts of the condition and of its and/or/not operands; `alternatives` are the sub-conditions and
   * boolean-ish names of the same function (shared by its conditions; the condition's own among them).
   */
  | {
      readonly kind: 'condition';
      readonly line: number;
      readonly range: Range;
      readonly precedence: number;
      readonly slot: number;
      readonly parts: readonly string[];
      readonly alternatives: readonly ConditionAlternative[];
    }
  /** `not x` / `!x`. */
  | { readonly kind: 'negation'; readonly line: number; readonly range: Range; readonly operand: Range }
  /** The value of a return statement. */
  | { readonly kind: 'return'; readonly line: number; readonly range: Range; readonly precedence: number }
  /**
   * A use of a variable (`load`), a called name (`callee`) or an updated one (`x += …`, `x++`), with
   * the names in scope there and the simple literals its siblings use: the literals the name is
   * initialised with, and for a returned name, the literals other returns of its function return.
   */
  | {
      readonly kind: 'identifier';
      readonly line: number;
      readonly range: Range;
      readonly name: string;
      readonly role: 'load' | 'callee' | 'update';
      readonly slot: number;
      readonly names: readonly ScopeName[];
      readonly literals: readonly ExpressionText[];
    }
  /**
   * `obj.attr`, with the other attributes used on the same object in the file (for `self` / `this`,
   * in the same class) the same way: called ones for a call, the others otherwise.
   */
  | { readonly kind: 'attribute'; readonly line: number; readonly object: string; readonly name: string; readonly nameRange: Range; readonly siblings: readonly string[] }
  /** A literal a name may stand for: `true`, `0`, `''`, `[]`, `{}`, `None` / `null` / `undefined`. */
  | { readonly kind: 'literal'; readonly line: number; readonly range: Range; readonly literal: LiteralKind; readonly names: readonly ScopeName[] }
  /**
   * An integer-valued expression where ±1 is a plausible bug: an index, a slice or range bound, a
   * comparison operand, a length. `offset` when it is itself `base + k` / `base - k` (`by` = ±k).
   */
  | {
      readonly kind: 'bound';
      readonly line: number;
      readonly range: Range;
      readonly precedence: number;
      readonly slot: number;
      readonly offset?: { readonly base: Range; readonly basePrecedence: number; readonly by: number };
    }
  /**
   * An expression in a value position: what a one-argument function of the file (`callables`) may
   * wrap, and, when it is itself a one-argument call `f(x)`, what unwrapping leaves (`call`).
   * `within`: the callee of the one-argument call it is the argument of.
   */
  | {
      readonly kind: 'value';
      readonly line: number;
      readonly range: Range;
      readonly slot: number;
      readonly callables: readonly string[];
      readonly call?: { readonly callee: string; readonly argument: Range; readonly argumentPrecedence: number };
      readonly within?: string;
    }
  /** Elements whose order matters: a tuple or array display, or the indices of `m[i][j]`. */
  | { readonly kind: 'elements'; readonly line: number; readonly role: 'tuple' | 'array' | 'subscripts'; readonly elements: readonly Range[] }
  /**
   * A statement of a block that occupies whole lines of its own (`lines`: from the start of its first
   * line to past the break of its last), with what insertion next to it needs: its indentation, the
   * names in scope there and the copyable statements of the file (its own function's among them).
   */
  | {
      readonly kind: 'statement';
      readonly line: number;
      readonly endLine: number;
      readonly range: Range;
      readonly lines: Range;
      readonly indent: string;
      readonly statement: StatementType;
      /** The only statement of its block. */
      readonly alone: boolean;
      /** The first statement of its block: inserting before it is a position of its own. */
      readonly first: boolean;
      readonly inLoop: boolean;
      /** `break` is allowed here (a loop, or a JavaScript switch). */
      readonly breakable: boolean;
      readonly inFunction: boolean;
      readonly region: number;
      readonly names: readonly ScopeName[];
      readonly copies: readonly StatementCopy[];
    };

export type MutationSiteKind = MutationSite['kind'];

/** The lines a site covers: statements span several, every other site is attributed to one. */
export const siteLines = (site: MutationSite): readonly number[] =>
  site.kind === 'statement' && site.endLine !== site.line ? [site.line, site.endLine] : [site.line];

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
  | 'return-value'
  | 'plus-minus-one-expression'
  | 'statement-deletion'
  | 'literal-identifier'
  | 'wrap-unwrap-call'
  | 'widen-narrow-condition'
  | 'wrong-identifier'
  | 'statement-insertion';

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
