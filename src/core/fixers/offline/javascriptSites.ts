import { parse, type ParserPlugin } from '@babel/parser';
import type { Node } from '@babel/types';
import { collectContext } from './javascriptContext';
import { precedenceOf, slotOf } from './javascriptExpressions';
import { analyseScopes, traverse } from './javascriptScopes';
import type { BinaryCategory, Definition, MutationSite, ParsedSource, Range } from './mutationSites';
import { conditionSites, statementSites } from './siteContext';

const COMPARISON = new Set(['<', '<=', '>', '>=', '==', '!=', '===', '!==']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '**']);
const LOGICAL = new Set(['&&', '||', '??']);

export class SourceParseError extends Error {
  override readonly name = 'SourceParseError';
}

/**
 * The mutation sites and functions of a JavaScript/TypeScript file, parsed with Babel (never regular
 * expressions): operator and literal sites here, the sites that need scopes in javascriptContext.ts.
 */
export function parseJavaScript(source: string, path: string): ParsedSource {
  const plugins: ParserPlugin[] = /\.tsx?$|\.mts$|\.cts$/.test(path) ? ['typescript'] : [];
  if (/\.(jsx|tsx)$/.test(path) || /\.js$/.test(path)) plugins.push('jsx');
  let ast: Node;
  try {
    ast = parse(source, { sourceType: 'unambiguous', plugins, errorRecovery: false, allowReturnOutsideFunction: true }) as unknown as Node;
  } catch (error) {
    throw new SourceParseError(`${path} does not parse: ${(error as Error).message}`);
  }
  const sites: MutationSite[] = [];
  const definitions: Definition[] = [];
  traverse(ast, (node, { parent }) => {
    collect(node, source, sites);
    const definition = definitionOf(node, parent);
    if (definition) definitions.push(definition);
  });
  const scopes = analyseScopes(ast, source, (node, parent) => definitionOf(node, parent)?.name);
  const context = collectContext(ast, source, scopes);
  sites.push(...context.sites, ...conditionSites(source, context.conditions, context.booleans), ...statementSites(source, context.statements));
  return { sites, definitions };
}

/** Functions with the name they are known by: declarations, `const f = () =>`, methods, `exports.f = function`. */
function definitionOf(node: Node, parent: Node | undefined): Definition | undefined {
  const isFunction = node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'ObjectMethod' || node.type === 'ClassMethod';
  if (!isFunction || !node.loc) return undefined;
  const lines = { startLine: node.loc.start.line, endLine: node.loc.end.line };
  const keyName = (key: Node): string | undefined => (key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined);
  let name: string | undefined;
  if ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') && node.id) name = node.id.name;
  else if (node.type === 'ObjectMethod' || node.type === 'ClassMethod') name = keyName(node.key);
  else if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') name = parent.id.name;
  else if (parent?.type === 'ObjectProperty') name = keyName(parent.key);
  else if (parent?.type === 'AssignmentExpression' && parent.left.type === 'MemberExpression' && parent.left.property.type === 'Identifier') name = parent.left.property.name;
  return name === undefined ? lines : { name, ...lines };
}

const rangeOf = (n: Node): Range => ({ start: n.start ?? 0, end: n.end ?? 0 });
const lineOf = (n: Node): number => n.loc?.start.line ?? 0;

function collect(node: Node, source: string, sites: MutationSite[]): void {
  switch (node.type) {
    case 'BinaryExpression':
    case 'LogicalExpression': {
      const category: BinaryCategory | undefined = COMPARISON.has(node.operator)
        ? 'comparison'
        : ARITHMETIC.has(node.operator)
          ? 'arithmetic'
          : LOGICAL.has(node.operator)
            ? 'logical'
            : undefined;
      if (!category || node.left.type === 'PrivateName') return;
      const operatorRange = findOperator(source, node.operator, rangeOf(node.left).end, rangeOf(node.right).start);
      if (!operatorRange) return;
      const precedences = [precedenceOf(node.left), precedenceOf(node.right)] as const;
      const slots = [slotOf(node.left, node, 'left'), slotOf(node.right, node, 'right')] as const;
      sites.push({ kind: 'binary', line: lineOf(node), category, operator: node.operator, operatorRange, left: rangeOf(node.left), right: rangeOf(node.right), precedences, slots });
      return;
    }
    case 'NumericLiteral':
      sites.push({ kind: 'number', line: lineOf(node), range: rangeOf(node), value: node.value });
      return;
    case 'BooleanLiteral':
      sites.push({ kind: 'boolean', line: lineOf(node), range: rangeOf(node), value: node.value });
      return;
    case 'CallExpression': {
      const callee = node.callee;
      const nameNode = callee.type === 'Identifier' ? callee : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property : undefined;
      if (!nameNode) return;
      sites.push({ kind: 'call', line: lineOf(node), callee: source.slice(callee.start ?? 0, callee.end ?? 0), calleeNameRange: rangeOf(nameNode), args: node.arguments.map(rangeOf) });
      return;
    }
    case 'UnaryExpression':
      if (node.operator === '!') sites.push({ kind: 'negation', line: lineOf(node), range: rangeOf(node), operand: rangeOf(node.argument) });
      return;
    case 'ReturnStatement':
      if (node.argument) sites.push({ kind: 'return', line: lineOf(node.argument), range: rangeOf(node.argument), precedence: precedenceOf(node.argument) });
      return;
    default:
      return;
  }
}

/**
 * Where the operator token sits between its operands: after the left operand's closing
 * parentheses, white space and comments. Parsers give operand ranges, not operator ranges.
 */
export function findOperator(source: string, operator: string, from: number, to: number): Range | undefined {
  let i = from;
  while (i < to) {
    const c = source[i] as string;
    if (c === ')' || c === '\\' || /\s/.test(c)) i++; // closing parens, white space, line continuations
    else if (source.startsWith('//', i)) i = source.indexOf('\n', i) === -1 ? to : source.indexOf('\n', i);
    else if (source.startsWith('/*', i)) i = source.indexOf('*/', i) === -1 ? to : source.indexOf('*/', i) + 2;
    else if (c === '#') i = source.indexOf('\n', i) === -1 ? to : source.indexOf('\n', i); // Python comments (shared scanner)
    else break;
  }
  return source.startsWith(operator, i) ? { start: i, end: i + operator.length } : undefined;
}
