import type { Node } from '@babel/types';
import { PRECEDENCE as P } from './expressions';
import type { Path } from './javascriptScopes';

/** Precedence, slots and identifier roles of Babel's expressions (see PRECEDENCE in expressions.ts). */

const BINARY: Readonly<Record<string, number>> = {
  '==': P.comparison, '!=': P.comparison, '===': P.comparison, '!==': P.comparison,
  '<': P.relational, '<=': P.relational, '>': P.relational, '>=': P.relational, in: P.relational, instanceof: P.relational,
  '|': P.bitOr, '^': P.bitXor, '&': P.bitAnd, '<<': P.shift, '>>': P.shift, '>>>': P.shift,
  '+': P.additive, '-': P.additive, '*': P.multiplicative, '/': P.multiplicative, '%': P.multiplicative, '**': P.power,
};

export function precedenceOf(node: Node): number {
  switch (node.type) {
    case 'SequenceExpression':
      return P.lowest;
    case 'AssignmentExpression':
    case 'ArrowFunctionExpression':
    case 'YieldExpression':
    case 'SpreadElement':
      return P.assignment;
    case 'ConditionalExpression':
      return P.conditional;
    case 'LogicalExpression':
      return node.operator === '??' ? P.coalesce : node.operator === '||' ? P.or : P.and;
    case 'BinaryExpression':
      return BINARY[node.operator] ?? P.lowest;
    case 'UnaryExpression':
    case 'AwaitExpression':
    case 'TSTypeAssertion':
      return P.unary;
    case 'UpdateExpression':
      return node.prefix ? P.unary : P.power + 0.5;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return P.relational;
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'MemberExpression':
    case 'OptionalMemberExpression':
    case 'NewExpression':
    case 'TaggedTemplateExpression':
    case 'TSNonNullExpression':
      return P.postfix;
    default:
      return P.atom;
  }
}

/** The precedence an expression needs to stand where `node` stands without parentheses. */
export function slotOf(node: Node, parent: Node | undefined, key: string | undefined): number {
  if ((node.extra as { parenthesized?: boolean } | undefined)?.parenthesized) return P.lowest;
  switch (parent?.type) {
    case 'BinaryExpression': {
      if (parent.operator === '**') return key === 'left' ? P.postfix : P.unary;
      const p = BINARY[parent.operator] ?? P.atom;
      return key === 'left' ? p : p + 0.1;
    }
    case 'LogicalExpression':
      return parent.operator === '??' ? P.bitOr : precedenceOf(parent);
    case 'UnaryExpression':
    case 'AwaitExpression':
      return P.unary;
    case 'ConditionalExpression':
      return key === 'test' ? P.conditional + 0.1 : P.assignment;
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      return key === 'callee' ? P.postfix : P.assignment;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return key === 'object' ? P.postfix : P.lowest;
    case 'SpreadElement':
    case 'ArrayExpression':
    case 'ObjectProperty':
    case 'AssignmentExpression':
    case 'VariableDeclarator':
    case 'AssignmentPattern':
    case 'SequenceExpression':
    case 'ForOfStatement':
      return P.assignment;
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ForInStatement':
    case 'SwitchStatement':
    case 'SwitchCase':
    case 'TemplateLiteral':
    case 'JSXExpressionContainer':
      return P.lowest;
    default:
      return P.atom;
  }
}

type Role = 'load' | 'callee' | 'update' | 'store';

/** What an identifier is doing there: read, called, updated in place, assigned; undefined for declarations and keys. */
export function identifierRole(path: Path): Role | undefined {
  const { parent, key } = path;
  const grand = path.ancestors[path.ancestors.length - 2];
  if (!parent) return 'load';
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return key === 'property' && !parent.computed ? undefined : 'load';
    case 'ObjectProperty':
      if (key === 'key' && !parent.computed) return undefined;
      return parent.shorthand || grand?.type === 'ObjectPattern' ? undefined : 'load';
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
      return key === 'key' && !('computed' in parent && parent.computed) ? undefined : key === 'params' ? undefined : 'load';
    case 'VariableDeclarator':
      return key === 'id' ? undefined : 'load';
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return key === 'id' || key === 'params' ? undefined : 'load';
    case 'ClassDeclaration':
    case 'ClassExpression':
      return key === 'id' ? undefined : 'load';
    case 'CatchClause':
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
    case 'ExportNamespaceSpecifier':
    case 'ExportDefaultSpecifier':
    case 'RestElement':
    case 'ArrayPattern':
    case 'MetaProperty':
    case 'TSParameterProperty':
      return undefined;
    case 'AssignmentPattern':
      return key === 'left' ? undefined : 'load';
    case 'AssignmentExpression':
      return key === 'left' ? (parent.operator === '=' ? 'store' : 'update') : 'load';
    case 'UpdateExpression':
      return 'update';
    case 'ForInStatement':
    case 'ForOfStatement':
      return key === 'left' ? 'store' : 'load';
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      return key === 'callee' ? 'callee' : 'load';
    default:
      return 'load';
  }
}

