import type { Node } from '@babel/types';
import { PRECEDENCE } from './expressions';
import type { ExpressionText, ScopeName } from './mutationSites';

/**
 * Scopes of a Babel AST, without @babel/traverse: what each function, block and the program bind
 * (parameters, var/let/const, functions, classes, imports, catch parameters), which function each
 * belongs to, and what the bound names look like (a callable, a module, a simple literal, a boolean).
 */

/** Keys never walked: positions, comments, and TypeScript's types (erased at run time). */
const SKIPPED_KEYS = new Set([
  'loc', 'start', 'end', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'range',
  'typeAnnotation', 'returnType', 'typeParameters', 'superTypeParameters', 'typeArguments', 'implements', 'predicate',
]);
/** Declarations with no run-time code. */
const TYPE_ONLY = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSDeclareMethod', 'TSModuleDeclaration', 'TSImportEqualsDeclaration']);
export const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);
const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

export interface Path {
  readonly parent?: Node;
  readonly key?: string;
  /** Outermost first; the last is the parent. */
  readonly ancestors: readonly Node[];
  readonly keys: readonly string[];
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Depth-first, in source order, with each node's ancestors and the keys that lead to it. */
export function traverse(root: Node, enter: (node: Node, path: Path) => void, leave?: (node: Node, path: Path) => void): void {
  const ancestors: Node[] = [];
  const keys: string[] = [];
  const visit = (node: Node, key: string | undefined): void => {
    if (TYPE_ONLY.has(node.type)) return;
    const path: Path = { parent: ancestors[ancestors.length - 1], key, ancestors, keys };
    enter(node, path);
    ancestors.push(node);
    for (const [k, value] of Object.entries(node)) {
      if (SKIPPED_KEYS.has(k) || value === null || typeof value !== 'object') continue;
      keys.push(k);
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item, k);
      } else if (isNode(value)) visit(value, k);
      keys.pop();
    }
    ancestors.pop();
    leave?.(node, path);
  };
  visit(root, undefined);
}

export interface Binding {
  readonly name: string;
  kind: ScopeName['kind'] | 'module';
  readonly line: number;
  readonly param?: number;
  readonly literals: ExpressionText[];
  boolean: boolean;
}

export interface Scope {
  readonly node: Node;
  readonly kind: 'program' | 'function' | 'block';
  readonly parent?: Scope;
  readonly bindings: Map<string, Binding>;
  /** The named function (or the program) it belongs to: "the same function" for pools and preferences. */
  readonly region: Node;
  /** Where `var` goes. */
  readonly functionScope: Scope;
}

export interface Scopes {
  readonly program: Scope;
  /** The scope a scope-making node opens. */
  readonly of: Map<Node, Scope>;
  readonly regions: Map<Node, number>;
  /** Simple literals returned by each region's return statements. */
  readonly returned: Map<Node, ExpressionText[]>;
}

export function opensScope(node: Node, parent: Node | undefined): Scope['kind'] | undefined {
  if (node.type === 'Program') return 'program';
  if (FUNCTION_TYPES.has(node.type)) return 'function';
  if (node.type === 'BlockStatement') return parent && FUNCTION_TYPES.has(parent.type) ? undefined : 'block';
  if (node.type === 'ForStatement' || node.type === 'ForInStatement' || node.type === 'ForOfStatement' || node.type === 'SwitchStatement' || node.type === 'CatchClause' || node.type === 'StaticBlock') return 'block';
  return undefined;
}

/** A literal a name may be initialised with or stand for: booleans, null, small numbers, '', [], {}. */
export function simpleLiteral(node: Node, source: string): ExpressionText | undefined {
  const text = source.slice(node.start ?? 0, node.end ?? 0);
  switch (node.type) {
    case 'BooleanLiteral':
    case 'NullLiteral':
      return { text, precedence: PRECEDENCE.atom };
    case 'NumericLiteral':
      return Math.abs(node.value) <= 10_000 ? { text, precedence: PRECEDENCE.atom } : undefined;
    case 'StringLiteral':
      return node.value === '' ? { text, precedence: PRECEDENCE.atom } : undefined;
    case 'ArrayExpression':
      return node.elements.length === 0 ? { text, precedence: PRECEDENCE.atom } : undefined;
    case 'ObjectExpression':
      return node.properties.length === 0 ? { text, precedence: PRECEDENCE.atom } : undefined;
    case 'Identifier':
      return node.name === 'undefined' ? { text, precedence: PRECEDENCE.atom } : undefined;
    case 'UnaryExpression':
      return node.operator === '-' && node.argument.type === 'NumericLiteral' && node.argument.value <= 10_000 ? { text, precedence: PRECEDENCE.unary } : undefined;
    default:
      return undefined;
  }
}

const BOOLEAN_OPERATORS = new Set(['<', '<=', '>', '>=', '==', '!=', '===', '!==', 'in', 'instanceof']);
/** Whether an expression's value is a truth value: comparisons, `!x`, `a && b`, `true`. */
export function booleanValued(node: Node): boolean {
  if (node.type === 'BooleanLiteral' || node.type === 'LogicalExpression') return true;
  if (node.type === 'UnaryExpression') return node.operator === '!';
  if (node.type === 'BinaryExpression') return BOOLEAN_OPERATORS.has(node.operator);
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier') {
    return ['includes', 'some', 'every', 'has', 'startsWith', 'endsWith', 'test', 'isArray', 'isInteger', 'isFinite', 'isNaN'].includes(node.callee.property.name);
  }
  return false;
}

const isRequire = (node: Node | null | undefined): boolean =>
  node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require';

/** Binds every name of the AST in its scope. `nameOf` says which functions are named definitions (regions). */
export function analyseScopes(ast: Node, source: string, nameOf: (node: Node, parent: Node | undefined) => string | undefined): Scopes {
  const of = new Map<Node, Scope>();
  const regions = new Map<Node, number>([[ast, 0]]);
  const returned = new Map<Node, ExpressionText[]>();
  const assignments: { scope: Scope; name: string; value: Node }[] = [];
  const stack: Scope[] = [];
  const current = (): Scope => stack[stack.length - 1] as Scope;

  const bind = (scope: Scope, name: string, kind: Binding['kind'], node: Node, extra: { param?: number; value?: Node | null } = {}): void => {
    let binding = scope.bindings.get(name);
    if (!binding) {
      binding = { name, kind, line: node.loc?.start.line ?? 0, literals: [], boolean: false, ...(extra.param === undefined ? {} : { param: extra.param }) };
      scope.bindings.set(name, binding);
    }
    if (extra.value) hint(binding, extra.value);
  };
  const hint = (binding: Binding, value: Node): void => {
    const literal = simpleLiteral(value, source);
    if (literal && !binding.literals.some((l) => l.text === literal.text)) binding.literals.push(literal);
    binding.boolean ||= booleanValued(value);
  };
  const bindPattern = (pattern: Node, scope: Scope, kind: Binding['kind'], extra: { param?: number; value?: Node | null } = {}): void => {
    switch (pattern.type) {
      case 'Identifier':
        return bind(scope, pattern.name, kind, pattern, extra);
      case 'AssignmentPattern':
        return bindPattern(pattern.left, scope, kind, { param: extra.param, value: pattern.right });
      case 'ObjectPattern':
        for (const p of pattern.properties) bindPattern(p.type === 'RestElement' ? p.argument : (p.value as Node), scope, kind === 'module' ? 'imported' : kind);
        return;
      case 'ArrayPattern':
        for (const e of pattern.elements) if (e) bindPattern(e, scope, kind === 'module' ? 'imported' : kind);
        return;
      case 'RestElement':
        return bindPattern(pattern.argument, scope, kind);
      case 'TSParameterProperty':
        return bindPattern(pattern.parameter, scope, kind, extra);
      default:
        return;
    }
  };

  traverse(
    ast,
    (node, { parent }) => {
      const kind = opensScope(node, parent);
      if (node.type === 'FunctionDeclaration' && node.id) bind(current(), node.id.name, 'callable', node.id);
      if (node.type === 'ClassDeclaration' && node.id) bind(current(), node.id.name, 'callable', node.id);
      if (kind) {
        const outer = stack[stack.length - 1];
        const named = kind === 'function' && nameOf(node, parent) !== undefined;
        const region = kind === 'program' || named ? node : (outer?.region ?? ast);
        if (!regions.has(region)) regions.set(region, regions.size);
        const scope: Scope = { node, kind, bindings: new Map(), region, ...(outer ? { parent: outer } : {}), functionScope: undefined as unknown as Scope };
        (scope as { functionScope: Scope }).functionScope = kind === 'block' && outer ? outer.functionScope : scope;
        of.set(node, scope);
        stack.push(scope);
        if (node.type === 'FunctionExpression' && node.id) bind(scope, node.id.name, 'callable', node.id);
        if (kind === 'function' && 'params' in node) node.params.forEach((p, i) => bindPattern(p as Node, scope, 'value', { param: i }));
        if (node.type === 'CatchClause' && node.param) bindPattern(node.param, scope, 'value');
      }
      switch (node.type) {
        case 'VariableDeclarator': {
          const declaration = parent?.type === 'VariableDeclaration' ? parent.kind : 'var';
          const scope = declaration === 'var' ? current().functionScope : current();
          const init = node.init;
          const kindOf: Binding['kind'] =
            init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression' || init.type === 'ClassExpression') ? 'callable' : isRequire(init) ? 'module' : 'value';
          bindPattern(node.id, scope, kindOf, { value: node.id.type === 'Identifier' ? init : undefined });
          break;
        }
        case 'ImportSpecifier':
          bind(current(), node.local.name, 'imported', node.local);
          break;
        case 'ImportDefaultSpecifier':
        case 'ImportNamespaceSpecifier':
          bind(current(), node.local.name, 'module', node.local);
          break;
        case 'AssignmentExpression':
          if (node.operator === '=' && node.left.type === 'Identifier') assignments.push({ scope: current(), name: node.left.name, value: node.right });
          break;
        case 'ReturnStatement': {
          const literal = node.argument && simpleLiteral(node.argument, source);
          const list = returned.get(current().region) ?? [];
          if (literal && !list.some((l) => l.text === literal.text)) list.push(literal);
          returned.set(current().region, list);
          break;
        }
        default:
          break;
      }
    },
    (node) => {
      if (of.get(node) === current()) stack.pop();
    },
  );
  for (const a of assignments) {
    const binding = resolve(a.scope, a.name);
    if (binding) hint(binding, a.value);
  }
  const program = of.get(ast) as Scope;
  return { program, of, regions, returned };
}

export function resolve(scope: Scope, name: string): Binding | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const b = s.bindings.get(name);
    if (b) return b;
  }
  return undefined;
}

/** The scope that binds `name` as seen from `scope`. */
export function bindingScope(scope: Scope, name: string): Scope | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.bindings.has(name)) return s;
  return undefined;
}

const namesCache = new WeakMap<Scope, ScopeName[]>();
/** The names visible in a scope, innermost first; modules left out. */
export function namesInScope(scope: Scope): readonly ScopeName[] {
  const cached = namesCache.get(scope);
  if (cached) return cached;
  const seen = new Set<string>();
  const names: ScopeName[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const local = s.region === scope.region;
    for (const b of s.bindings.values()) {
      if (seen.has(b.name)) continue;
      seen.add(b.name);
      if (b.kind === 'module') continue;
      const param = local && s.kind === 'function' && b.param !== undefined ? { param: b.param } : {};
      names.push({ name: b.name, kind: b.kind, local, ...param });
    }
  }
  namesCache.set(scope, names);
  return names;
}

/** Loop and function facts about a position, from its ancestors (up to the enclosing function). */
export function enclosure(path: Path): { inLoop: boolean; breakable: boolean; inFunction: boolean } {
  let inLoop = false;
  let breakable = false;
  for (let i = path.ancestors.length - 1; i >= 0; i--) {
    const node = path.ancestors[i] as Node;
    if (FUNCTION_TYPES.has(node.type)) return { inLoop, breakable, inFunction: true };
    const childKey = path.keys[i];
    if (LOOP_TYPES.has(node.type) && childKey === 'body') inLoop = breakable = true;
    if (node.type === 'SwitchStatement') breakable = true;
  }
  return { inLoop, breakable, inFunction: false };
}

/** The class whose `this` a position sees: the nearest class, through arrow functions and its methods. */
export function enclosingClass(path: Path): Node | undefined {
  for (let i = path.ancestors.length - 1; i >= 0; i--) {
    const node = path.ancestors[i] as Node;
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return node;
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ObjectMethod') return undefined;
  }
  return undefined;
}
