import type { ExpressionText, Language } from './mutationSites';

/**
 * How tightly an expression binds, one scale for both languages (higher binds tighter). Parsers
 * give each replaceable expression its own precedence and the precedence its position (its "slot")
 * requires; operators print new expressions with parentheses only where these say they are needed.
 * pythonSites.py repeats these numbers.
 */
export const PRECEDENCE = {
  /** Comma sequences and unparenthesised tuples. */
  lowest: 0,
  /** Assignment expressions, arrow functions, lambdas, `yield`, spread and starred expressions. */
  assignment: 1,
  conditional: 2,
  /** JavaScript's `??`, which cannot mix with `||` / `&&` without parentheses. */
  coalesce: 3,
  or: 4,
  and: 5,
  /** Python's `not`. */
  not: 6,
  /** Python's comparisons; JavaScript's equality operators. */
  comparison: 7,
  /** JavaScript's relational operators (`<`, `in`, `instanceof`). */
  relational: 7.5,
  bitOr: 8,
  bitXor: 8.3,
  bitAnd: 8.6,
  shift: 9,
  additive: 10,
  multiplicative: 11,
  /** `-x`, `!x`, `typeof x`, `await x` (JavaScript). */
  unary: 12,
  power: 13,
  /** Calls, member access, subscripts. */
  postfix: 14,
  atom: 15,
} as const;

/** The text, in parentheses if its precedence is below what its position needs. */
export const parenthesize = (text: string, precedence: number, needed: number): string => (precedence >= needed ? text : `(${text})`);

export const wrap = (e: ExpressionText, needed: number): string => parenthesize(e.text, e.precedence, needed);

/** The spelling of the logical operators the mutation families print, per language. */
export const LOGIC: Readonly<Record<Language, { readonly or: string; readonly and: string; not(operand: ExpressionText): ExpressionText }>> = {
  python: { or: 'or', and: 'and', not: (e) => ({ text: `not ${wrap(e, PRECEDENCE.not)}`, precedence: PRECEDENCE.not }) },
  javascript: { or: '||', and: '&&', not: (e) => ({ text: `!${wrap(e, PRECEDENCE.unary)}`, precedence: PRECEDENCE.unary }) },
};

/** `left op right` for a left-associative operator of precedence `precedence`. */
export const binary = (left: ExpressionText, operator: string, right: ExpressionText, precedence: number): ExpressionText => ({
  text: `${wrap(left, precedence)} ${operator} ${wrap(right, precedence + 0.1)}`,
  precedence,
});

/**
 * An expression moved to another place: in Python, one that spans lines was inside brackets where it
 * stood and needs its own wherever it goes.
 */
export const movable = (e: ExpressionText, language: Language): ExpressionText =>
  language === 'python' && e.text.includes('\n') ? { text: `(${e.text})`, precedence: PRECEDENCE.atom } : e;
