/**
 * What both language frontends report in the same raw shape and turn into sites the same way:
 * statements (with the pools of copies that statement insertion draws from) and conditions (with
 * the sub-conditions that widening and narrowing draw from). The parsers find the syntax; the
 * layout rules (whole lines, indentation) and the pooling live here, once.
 */
import type { ConditionAlternative, ExpressionText, MutationSite, Range, ScopeName, StatementCopy, StatementType } from './mutationSites';

export interface RawStatement {
  readonly line: number;
  readonly endLine: number;
  readonly range: Range;
  readonly statement: StatementType;
  readonly alone: boolean;
  readonly first: boolean;
  readonly inLoop: boolean;
  readonly breakable: boolean;
  readonly inFunction: boolean;
  readonly region: number;
  /** Whether `region` is a function (copies from other functions are offered only to functions). */
  readonly regionIsFunction: boolean;
  readonly names: readonly ScopeName[];
  /** It awaits or yields: a copy only for its own function (others may not be async or generators). */
  readonly suspends: boolean;
  /** The names inside the statement (simple statements only), `local` if bound in its own function. */
  readonly occurrences: readonly { readonly name: string; readonly range: Range; readonly local: boolean; readonly param?: number }[];
}

export interface RawCondition {
  readonly line: number;
  readonly range: Range;
  readonly precedence: number;
  readonly slot: number;
  readonly region: number;
  /** Its and/or/not operands, flattened: the atomic sub-conditions. */
  readonly atoms: readonly (Range & { readonly precedence: number })[];
  /** Negated or combined parts (`not x`, `a and b`) that are not atoms but still its own. */
  readonly inner: readonly Range[];
}

/** A name of a function that holds a boolean (assigned a comparison, `not …`, `True`, …). */
export interface RawBooleanName {
  readonly name: string;
  readonly line: number;
  readonly region: number;
}

/**
 * The statement's lines, if it has them to itself: only white space before it on its first line,
 * only white space or a comment after it on its last. Undefined for `a(); b();` on one line and for
 * statements that share a line with their block's header.
 */
export function wholeLines(source: string, range: Range): { lines: Range; indent: string } | undefined {
  const lineStart = source.lastIndexOf('\n', range.start - 1) + 1;
  const indent = source.slice(lineStart, range.start);
  if (![...indent].every((c) => c === ' ' || c === '\t')) return undefined;
  const breakAt = source.indexOf('\n', range.end);
  const lineEnd = breakAt === -1 ? source.length : breakAt;
  const rest = source.slice(range.end, lineEnd).trim();
  if (rest !== '' && !rest.startsWith('#') && !rest.startsWith('//')) return undefined;
  return { lines: { start: lineStart, end: breakAt === -1 ? source.length : breakAt + 1 }, indent };
}

const SIMPLE = new Set<StatementType>(['expression', 'assignment', 'augmented-assignment', 'return', 'break', 'continue']);

/**
 * Statement sites with their copy pools: every simple statement of the same region, then (for
 * functions) those of the file's other functions. The pool is shared by the sites of a region;
 * statement insertion orders it by distance and bounds it.
 */
export function statementSites(source: string, raws: readonly RawStatement[]): MutationSite[] {
  const placed = raws.flatMap((raw) => {
    const layout = wholeLines(source, raw.range);
    return layout ? [{ raw, ...layout }] : [];
  });
  const copies: (StatementCopy & { suspends: boolean })[] = placed
    .filter((p) => SIMPLE.has(p.raw.statement))
    .map(({ raw, indent }) => ({
      text: source.slice(raw.range.start, raw.range.end),
      indent,
      statement: raw.statement,
      line: raw.line,
      region: raw.region,
      suspends: raw.suspends,
      names: raw.occurrences.map((o) => ({ name: o.name, start: o.range.start - raw.range.start, end: o.range.end - raw.range.start, local: o.local, param: o.param })),
    }));
  const functionRegions = new Set(placed.filter((p) => p.raw.regionIsFunction).map((p) => p.raw.region));
  const pools = new Map<number, StatementCopy[]>();
  const poolOf = (region: number): StatementCopy[] => {
    let pool = pools.get(region);
    if (!pool) {
      const own = copies.filter((c) => c.region === region);
      pool = functionRegions.has(region) ? [...own, ...copies.filter((c) => c.region !== region && functionRegions.has(c.region) && !c.suspends)] : own;
      pools.set(region, pool);
    }
    return pool;
  };
  return placed.map(({ raw, lines, indent }) => ({
    kind: 'statement',
    line: raw.line,
    endLine: raw.endLine,
    range: raw.range,
    lines,
    indent,
    statement: raw.statement,
    alone: raw.alone,
    first: raw.first,
    inLoop: raw.inLoop,
    breakable: raw.breakable,
    inFunction: raw.inFunction,
    region: raw.region,
    names: raw.names,
    copies: poolOf(raw.region),
  }));
}

/**
 * Condition sites with their alternatives: the atomic sub-conditions of every condition of the same
 * region and its boolean-ish names, each text once (at its first line). Shared by the region's
 * conditions; widening and narrowing leave out the condition's own parts.
 */
export function conditionSites(source: string, raws: readonly RawCondition[], booleans: readonly RawBooleanName[]): MutationSite[] {
  const pools = new Map<number, ConditionAlternative[]>();
  const add = (region: number, alternative: ConditionAlternative): void => {
    const pool = pools.get(region) ?? [];
    if (!pool.some((a) => a.text === alternative.text)) pool.push(alternative);
    pools.set(region, pool);
  };
  for (const raw of raws) for (const atom of raw.atoms) add(raw.region, { text: source.slice(atom.start, atom.end), precedence: atom.precedence, line: raw.line });
  for (const b of booleans) add(b.region, { text: b.name, precedence: 15, line: b.line });
  return raws.map((raw) => {
    const own: ExpressionText = { text: source.slice(raw.range.start, raw.range.end), precedence: raw.precedence };
    const parts = [own.text, ...raw.atoms.map((a) => source.slice(a.start, a.end)), ...raw.inner.map((r) => source.slice(r.start, r.end))];
    return { kind: 'condition', line: raw.line, range: raw.range, precedence: raw.precedence, slot: raw.slot, parts, alternatives: pools.get(raw.region) ?? [] };
  });
}
