import type { Node } from '@babel/types';
import { identifierRole } from './javascriptExpressions';
import { resolve, type Path, type Scope } from './javascriptScopes';
import type { LiteralKind, Range } from './mutationSites';
import type { RawStatement } from './siteContext';

/** What a JavaScript/TypeScript AST node is, for the context pass: literal kinds, number-likeness, callees, helpers, statement types. */
export const ORDERING = new Set(['<', '<=', '>', '>=', '==', '!=', '===', '!==']);
export const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '**']);
/** Calls whose arguments are positions, bounds or widths (undefined: every argument). */
export const INDEX_CALLS: ReadonlyMap<string, readonly number[] | undefined> = new Map([
  ['slice', undefined], ['substring', undefined], ['substr', undefined], ['subarray', undefined], ['splice', [0, 1]], ['at', [0]], ['charAt', [0]],
  ['charCodeAt', [0]], ['codePointAt', [0]], ['padStart', [0]], ['padEnd', [0]], ['repeat', [0]], ['fill', [1, 2]], ['Array', [0]],
  ['indexOf', [1]], ['lastIndexOf', [1]], ['includes', [1]], ['startsWith', [1]], ['endsWith', [1]],
]);
/** One-argument functions never worth wrapping a value in: effects, timers, modules. */
export const NEVER_WRAP = new Set(['require', 'eval', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'Symbol']);
export const NEVER_WRAP_OBJECTS = new Set(['console', 'process']);

export const rangeOf = (n: Node): Range => ({ start: n.start ?? 0, end: n.end ?? 0 });
export const lineOf = (n: Node): number => n.loc?.start.line ?? 0;

export function literalKind(node: Node, path: Path, scope: Scope): LiteralKind | undefined {
  const parent = path.parent;
  if (parent?.type === 'AssignmentPattern' || parent?.type === 'JSXAttribute' || parent?.type === 'ImportDeclaration' || parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportAllDeclaration') return undefined;
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'ClassProperty') && path.key === 'key') return undefined;
  switch (node.type) {
    case 'BooleanLiteral':
      return 'boolean';
    case 'NullLiteral':
      return 'none';
    case 'Identifier':
      return node.name === 'undefined' && !resolve(scope, 'undefined') && identifierRole(path) === 'load' ? 'none' : undefined;
    case 'NumericLiteral':
      return node.value === 0 ? 'number' : undefined;
    case 'StringLiteral':
      return node.value === '' ? 'string' : undefined;
    case 'ArrayExpression':
      return node.elements.length === 0 ? 'list' : undefined;
    case 'ObjectExpression':
      return node.properties.length === 0 ? 'dict' : undefined;
    default:
      return undefined;
  }
}

/** Whether ±1 on the expression can make sense: not a literal, a truth value, a collection or a function. */
export function integerLike(node: Node): boolean {
  switch (node.type) {
    case 'Identifier':
      return node.name !== 'undefined';
    case 'MemberExpression':
    case 'OptionalMemberExpression':
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'AwaitExpression':
    case 'TSAsExpression':
    case 'TSNonNullExpression':
      return true;
    case 'BinaryExpression':
      return ARITHMETIC.has(node.operator) || node.operator === '|' || node.operator === '&' || node.operator === '>>' || node.operator === '<<';
    case 'UnaryExpression':
      return node.operator === '-' && node.argument.type !== 'NumericLiteral';
    default:
      return false;
  }
}

const NOT_NUMBERS = new Set(['StringLiteral', 'TemplateLiteral', 'NullLiteral', 'BooleanLiteral', 'RegExpLiteral', 'ArrayExpression', 'ObjectExpression', 'LogicalExpression']);
export const notANumber = (node: Node): boolean =>
  NOT_NUMBERS.has(node.type) || (node.type === 'Identifier' && node.name === 'undefined') || (node.type === 'UnaryExpression' && node.operator === '!') || (node.type === 'BinaryExpression' && ORDERING.has(node.operator));

export function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name;
  if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

/** The root of `a.b.c` (an identifier or `this`), if the chain has only plain property names. */
export function memberRoot(node: Node): Node | undefined {
  let n = node;
  while ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && !n.computed) n = n.object;
  return n.type === 'Identifier' || n.type === 'ThisExpression' ? n : undefined;
}


/** Parameters that take exactly one argument: one required, the rest with defaults. */
const oneArgument = (params: readonly Node[]): boolean =>
  params.length >= 1 && params[0]?.type === 'Identifier' && params.slice(1).every((p) => p.type === 'AssignmentPattern');

/**
 * The file's own one-argument functions (top level) and methods (as `this.name`): what a value may be
 * wrapped in even where they are not called yet.
 */
export function helperCallable(node: Node, path: Path): { text: string; key: string } | undefined {
  const atTop = (depth: number): boolean => {
    const above = path.ancestors.slice(0, path.ancestors.length - depth + 1);
    const outer = above[above.length - 1];
    return outer?.type === 'Program' || (outer?.type?.startsWith('Export') === true && above[above.length - 2]?.type === 'Program');
  };
  if (node.type === 'FunctionDeclaration' && node.id && oneArgument(node.params) && atTop(1)) return { text: node.id.name, key: 'global' };
  if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && (node.init?.type === 'ArrowFunctionExpression' || node.init?.type === 'FunctionExpression') && oneArgument(node.init.params) && atTop(2)) {
    return { text: node.id.name, key: 'global' };
  }
  if (node.type === 'ClassMethod' && node.kind === 'method' && !node.static && !node.computed && node.key.type === 'Identifier' && oneArgument(node.params)) {
    const cls = path.ancestors[path.ancestors.length - 2];
    return cls ? { text: `this.${node.key.name}`, key: `class:${cls.start}` } : undefined;
  }
  return undefined;
}

/** The name of the function a position is in (declaration, `const f = () =>`, method). */
export function enclosingFunctionName(path: Path): string | undefined {
  for (let i = path.ancestors.length - 1; i >= 0; i--) {
    const node = path.ancestors[i] as Node;
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') {
      if (node.id) return node.id.name;
    } else if (node.type === 'ClassMethod' || node.type === 'ObjectMethod') {
      return node.key.type === 'Identifier' ? node.key.name : undefined;
    } else if (node.type !== 'ArrowFunctionExpression') continue;
    const parent = path.ancestors[i - 1];
    return parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined;
  }
  return undefined;
}

export function statementType(node: Node): RawStatement['statement'] {
  switch (node.type) {
    case 'ExpressionStatement': {
      const e = node.expression;
      if (e.type === 'AssignmentExpression') return e.operator === '=' ? 'assignment' : 'augmented-assignment';
      return e.type === 'UpdateExpression' ? 'augmented-assignment' : 'expression';
    }
    case 'ReturnStatement':
      return 'return';
    case 'BreakStatement':
      return node.label ? 'other' : 'break';
    case 'ContinueStatement':
      return node.label ? 'other' : 'continue';
    default:
      return 'other';
  }
}
