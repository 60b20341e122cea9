import type { Node } from '@babel/types';
import { identifierRole, precedenceOf, slotOf } from './javascriptExpressions';
import { bindingScope, enclosingClass, enclosure, FUNCTION_TYPES, namesInScope, resolve, traverse, type Path, type Scope, type Scopes } from './javascriptScopes';
import type { ExpressionText, MutationSite, Range } from './mutationSites';
import type { RawBooleanName, RawCondition, RawStatement } from './siteContext';
import { ORDERING, ARITHMETIC, INDEX_CALLS, NEVER_WRAP, NEVER_WRAP_OBJECTS, rangeOf, lineOf, literalKind, integerLike, notANumber, calleeName, memberRoot, helperCallable, enclosingFunctionName, statementType } from './javascriptNodes';

/**
 * The sites of a JavaScript/TypeScript file that need scopes and the whole file: identifier uses,
 * attribute accesses, literals, integer bounds, values to wrap or unwrap, element lists, and the raw
 * statements and conditions (siteContext.ts turns those into sites).
 */

export interface ContextResult {
  readonly sites: MutationSite[];
  readonly statements: RawStatement[];
  readonly conditions: RawCondition[];
  readonly booleans: RawBooleanName[];
}

/** The second pass over the AST: everything that needs the scopes of the first. */
export function collectContext(ast: Node, source: string, scopes: Scopes): ContextResult {
  const sites: MutationSite[] = [];
  const statements: RawStatement[] = [];
  const conditions: RawCondition[] = [];
  const text = (n: Node): string => source.slice(n.start ?? 0, n.end ?? 0);
  const regionOf = (scope: Scope): number => scopes.regions.get(scope.region) ?? 0;
  const scopeIds = new Map<Scope, number>();
  const scopeId = (s: Scope): number => scopeIds.get(s) ?? (scopeIds.set(s, scopeIds.size), scopeIds.size - 1);
  const attributes: { key: string; name: string; node: Node }[] = [];
  const callables = new Map<string, { count: number; keys: Set<string>; defined?: boolean }>();
  const values: { site: Omit<Extract<MutationSite, { kind: 'value' }>, 'callables'>; keys: Set<string>; own?: string }[] = [];
  const bounded = new Set<Node>();
  const stack: Scope[] = [];

  const bound = (node: Node | null | undefined, parent: Node, key: string): void => {
    if (!node || bounded.has(node) || !integerLike(node)) return;
    bounded.add(node);
    const offset =
      node.type === 'BinaryExpression' && (node.operator === '+' || node.operator === '-') && node.right.type === 'NumericLiteral' && Number.isInteger(node.right.value) && node.right.value >= 1 && node.right.value <= 10
        ? { base: rangeOf(node.left), basePrecedence: precedenceOf(node.left), by: node.operator === '+' ? node.right.value : -node.right.value }
        : undefined;
    sites.push({ kind: 'bound', line: lineOf(node), range: rangeOf(node), precedence: precedenceOf(node), slot: slotOf(node, parent, key), ...(offset ? { offset } : {}) });
  };
  const availableKeys = (scope: Scope, path: Path): Set<string> => {
    const keys = new Set(['global']);
    for (let s: Scope | undefined = scope; s; s = s.parent) keys.add(`scope:${scopeId(s)}`);
    const cls = enclosingClass(path);
    if (cls) keys.add(`class:${cls.start}`);
    return keys;
  };

  traverse(
    ast,
    (node, path) => {
      const opened = scopes.of.get(node);
      if (opened) stack.push(opened);
      const scope = stack[stack.length - 1] ?? scopes.program;
      const { parent, key } = path;
      const line = lineOf(node);

      const literal = literalKind(node, path, scope);
      if (literal) sites.push({ kind: 'literal', line, range: rangeOf(node), literal, names: namesInScope(scope) });

      switch (node.type) {
        case 'Identifier': {
          const role = identifierRole(path);
          const binding = role && role !== 'store' ? resolve(scope, node.name) : undefined;
          if (!role || role === 'store' || !binding || binding.kind === 'module') break;
          const literals: ExpressionText[] = role === 'load' ? [...binding.literals] : [];
          if (role === 'load' && parent?.type === 'ReturnStatement') for (const l of scopes.returned.get(scope.region) ?? []) if (!literals.some((x) => x.text === l.text)) literals.push(l);
          sites.push({ kind: 'identifier', line, range: rangeOf(node), name: node.name, role, slot: slotOf(node, parent, key), names: namesInScope(scope), literals });
          break;
        }
        case 'MemberExpression':
        case 'OptionalMemberExpression': {
          if (node.computed) {
            bound(node.property, node, 'property');
            if (node.object.type === 'MemberExpression' && node.object.computed && !(parent?.type === 'MemberExpression' && parent.computed && key === 'object')) {
              const indices: Node[] = [];
              let n: Node = node;
              while (n.type === 'MemberExpression' && n.computed) {
                indices.unshift(n.property);
                n = n.object;
              }
              sites.push({ kind: 'elements', line, role: 'subscripts', elements: indices.map(rangeOf) });
            }
          } else if (node.property.type === 'Identifier') {
            const root = memberRoot(node.object);
            if (root) {
              const cls = root.type === 'ThisExpression' ? enclosingClass(path) : undefined;
              const callee = (parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression') && key === 'callee';
              attributes.push({ key: `${text(node.object)}\0${cls?.start ?? ''}\0${callee}`, name: node.property.name, node });
            }
            if (node.property.name === 'length' && parent && key && !(parent.type === 'AssignmentExpression' && key === 'left')) bound(node, parent, key);
          }
          break;
        }
        case 'CallExpression':
        case 'OptionalCallExpression': {
          const name = calleeName(node.callee);
          if (name !== undefined && INDEX_CALLS.has(name)) {
            const which = INDEX_CALLS.get(name);
            node.arguments.forEach((arg, i) => {
              if (!which || which.includes(i)) bound(arg as Node, node, 'arguments');
            });
          }
          const root = memberRoot(node.callee);
          const only = node.arguments.length === 1 ? (node.arguments[0] as Node) : undefined;
          const effect = parent?.type === 'ExpressionStatement';
          const usable = only && only.type !== 'SpreadElement' && only.type !== 'ArrowFunctionExpression' && only.type !== 'FunctionExpression' && only.type !== 'ArgumentPlaceholder';
          if (usable && !effect && root && name && !NEVER_WRAP.has(name) && !(root.type === 'Identifier' && NEVER_WRAP_OBJECTS.has(root.name))) {
            const bindingAt = root.type === 'Identifier' ? bindingScope(scope, root.name) : undefined;
            const availability =
              root.type === 'ThisExpression' ? `class:${enclosingClass(path)?.start ?? 'none'}` : !bindingAt || bindingAt.kind === 'program' ? 'global' : `scope:${scopeId(bindingAt)}`;
            const entry = callables.get(text(node.callee)) ?? { count: 0, keys: new Set<string>() };
            entry.count++;
            entry.keys.add(availability);
            callables.set(text(node.callee), entry);
          }
          break;
        }
        case 'BinaryExpression':
          // ±1 on what is compared with a string, null or a truth value makes no sense
          if (ORDERING.has(node.operator) && !notANumber(node.left as Node) && !notANumber(node.right)) {
            bound(node.left as Node, node, 'left');
            bound(node.right, node, 'right');
          }
          break;
        case 'ReturnStatement': {
          const arg = node.argument;
          if (!arg) break;
          let hasLength = false;
          traverse(arg, (n) => {
            if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === 'length') hasLength = true;
          });
          if (arg.type === 'BinaryExpression' && hasLength) bound(arg, node, 'argument');
          break;
        }
        case 'ArrayExpression':
        case 'ArrayPattern': {
          const elements = node.elements;
          if (elements.length >= 2 && elements.every((e) => e && e.type !== 'SpreadElement' && e.type !== 'RestElement')) {
            sites.push({ kind: 'elements', line, role: 'array', elements: (elements as Node[]).map(rangeOf) });
          }
          break;
        }
        case 'IfStatement':
        case 'WhileStatement':
        case 'DoWhileStatement':
        case 'ConditionalExpression':
        case 'ForStatement':
          if (node.test) conditions.push(condition(node.test, node, scope));
          break;
        default:
          break;
      }
      const helper = helperCallable(node, path);
      if (helper) {
        const entry = callables.get(helper.text) ?? { count: 0, keys: new Set<string>() };
        entry.keys.add(helper.key);
        entry.defined = true;
        callables.set(helper.text, entry);
      }
      valueSite(node, path, scope);
      statement(node, path, opened?.parent ?? scope);
    },
    (node) => {
      if (scopes.of.has(node)) stack.pop();
    },
  );

  function valueSite(node: Node, path: Path, scope: Scope): void {
    const { parent, key } = path;
    if (!parent || parent.type === 'ExpressionStatement' || key === 'callee' || key === 'object' || key === 'tag') return;
    if (key === 'left' && (parent.type === 'AssignmentExpression' || parent.type === 'ForInStatement' || parent.type === 'ForOfStatement' || parent.type === 'AssignmentPattern')) return;
    if (parent.type === 'UpdateExpression' || (parent.type === 'UnaryExpression' && parent.operator === 'delete')) return;
    if (node.type === 'Identifier') {
      const binding = identifierRole(path) === 'load' ? resolve(scope, node.name) : undefined;
      if (!binding || binding.kind !== 'value') return;
    } else if (node.type === 'BinaryExpression') {
      if (!ARITHMETIC.has(node.operator)) return;
    } else if (node.type !== 'MemberExpression' && node.type !== 'CallExpression') return;
    const only = node.type === 'CallExpression' && node.arguments.length === 1 ? (node.arguments[0] as Node) : undefined;
    const call =
      only && only.type !== 'SpreadElement' && only.type !== 'ArgumentPlaceholder' && node.type === 'CallExpression' && (node.callee.type === 'Identifier' || node.callee.type === 'MemberExpression')
        ? { callee: text(node.callee), argument: rangeOf(only), argumentPrecedence: precedenceOf(only) }
        : undefined;
    const within = parent.type === 'CallExpression' && key === 'arguments' && parent.arguments.length === 1 ? text(parent.callee) : undefined;
    const own = enclosingFunctionName(path);
    values.push({
      site: { kind: 'value', line: lineOf(node), range: rangeOf(node), slot: slotOf(node, parent, key), ...(call ? { call } : {}), ...(within ? { within } : {}) },
      keys: availableKeys(scope, path),
      ...(own ? { own } : {}),
    });
  }

  function condition(test: Node, owner: Node, scope: Scope): RawCondition {
    const atoms: RawCondition['atoms'][number][] = [];
    const inner: Range[] = [];
    const flatten = (n: Node): void => {
      if ((n.type === 'LogicalExpression' && n.operator !== '??') || (n.type === 'UnaryExpression' && n.operator === '!')) {
        if (n !== test) inner.push(rangeOf(n));
        if (n.type === 'LogicalExpression') {
          flatten(n.left);
          flatten(n.right);
        } else flatten(n.argument);
      } else atoms.push({ ...rangeOf(n), precedence: precedenceOf(n) });
    };
    flatten(test);
    return { line: lineOf(test), range: rangeOf(test), precedence: precedenceOf(test), slot: slotOf(test, owner, 'test'), region: regionOf(scope), atoms, inner };
  }

  function statement(node: Node, path: Path, scope: Scope): void {
    const { parent, key } = path;
    const list =
      parent && (((parent.type === 'Program' || parent.type === 'BlockStatement' || parent.type === 'StaticBlock') && key === 'body') || (parent.type === 'SwitchCase' && key === 'consequent'))
        ? ((parent as unknown as Record<string, Node[]>)[key] as Node[])
        : undefined;
    if (!list) return;
    const type = statementType(node);
    const occurrences: RawStatement['occurrences'][number][] = [];
    let suspends = false;
    if (type !== 'other') {
      traverse(node, (n, inner) => {
        if ((n.type === 'AwaitExpression' || n.type === 'YieldExpression') && !inner.ancestors.some((a) => FUNCTION_TYPES.has(a.type))) suspends = true;
        if (n.type !== 'Identifier' || !inner.parent || !identifierRole(inner)) return;
        const at = bindingScope(scope, n.name);
        const local = !!at && at.region === scope.region && at.kind !== 'program';
        const param = local ? at?.bindings.get(n.name)?.param : undefined;
        occurrences.push({ name: n.name, range: rangeOf(n), local, ...(param === undefined ? {} : { param }) });
      });
    }
    statements.push({
      line: lineOf(node),
      endLine: node.loc?.end.line ?? lineOf(node),
      range: rangeOf(node),
      statement: type,
      alone: list.length === 1,
      first: list[0] === node,
      ...enclosure(path),
      region: regionOf(scope),
      regionIsFunction: scope.region.type !== 'Program',
      names: namesInScope(scope),
      suspends,
      occurrences,
    });
  }

  const groups = new Map<string, string[]>();
  for (const a of attributes) {
    const names = groups.get(a.key) ?? [];
    if (!names.includes(a.name)) names.push(a.name);
    groups.set(a.key, names);
  }
  for (const a of attributes) {
    const siblings = (groups.get(a.key) ?? []).filter((n) => n !== a.name);
    const property = (a.node as Extract<Node, { type: 'MemberExpression' }>).property;
    if (siblings.length > 0) sites.push({ kind: 'attribute', line: lineOf(property), object: a.key.split('\0')[0] ?? '', name: a.name, nameRange: rangeOf(property), siblings });
  }
  // The file's own helpers first, then the functions it calls most.
  const ordered = [...callables.entries()].sort((a, b) => Number(!a[1].defined) - Number(!b[1].defined) || b[1].count - a[1].count);
  // Never the function itself: wrapping a value of f in f is a recursion, not a fix.
  const available = (v: (typeof values)[number]): string[] =>
    ordered.filter(([c, e]) => [...e.keys].some((k) => v.keys.has(k)) && c !== v.own && c !== `this.${v.own}`).map(([c]) => c);
  for (const v of values) sites.push({ ...v.site, callables: available(v) });
  const booleans: RawBooleanName[] = [];
  for (const s of scopes.of.values()) for (const b of s.bindings.values()) if (b.boolean) booleans.push({ name: b.name, line: b.line, region: regionOf(s) });
  return { sites, statements, conditions, booleans };
}
