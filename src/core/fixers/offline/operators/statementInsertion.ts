import { textOf, type Mutation, type MutationSite, type OperatorFamilyRule, type ScopeName, type StatementCopy } from '../mutationSites';

/**
 * Copies tried per position at most: the statements of the same function first, then those of other
 * functions whose names are all in scope here, then the ones that need renaming; nearest first.
 */
const MAX_COPIES = 8;
/** Ways to rename a copy's names that are not in scope at the position, at most. */
const MAX_RENAMINGS = 3;
/** Names of a copy that may need renaming: more than this and the copy is not offered. */
const MAX_UNKNOWN = 2;

type Site = Extract<MutationSite, { kind: 'statement' }>;

/**
 * A statement too few: inserts, after a statement (or before the first of a block), a copy of a
 * simple statement from the same function (nearest first) or, failing that, another function of
 * the file, its names renamed to names in scope there when they are not. Whole lines, indented
 * like the statement next to it, so Python's blocks stay what they were.
 */
export const statementInsertion: OperatorFamilyRule = {
  family: 'statement-insertion',
  mutate(site: MutationSite, source: string): Mutation[] {
    if (site.kind !== 'statement') return [];
    const own = textOf(source, site.range);
    const eol = source.includes('\r\n') ? '\r\n' : '\n';
    const inScope = new Set(site.names.map((n) => n.name));
    const rank = (c: StatementCopy): number => (c.region === site.region ? 0 : unknownNames(c, inScope).length === 0 ? 1 : 2);
    const copies = site.copies
      .filter((c) => c.text !== own && allowedAt(c, site))
      .sort((a, b) => rank(a) - rank(b) || Math.abs(a.line - site.line) - Math.abs(b.line - site.line) || a.line - b.line)
      .slice(0, MAX_COPIES);
    const positions = [{ at: site.lines.end, line: site.endLine, where: `after line ${site.endLine}` }];
    if (site.first) positions.push({ at: site.lines.start, line: site.line, where: `before line ${site.line}` });
    const out: Mutation[] = [];
    for (const position of positions) {
      for (const copy of copies) {
        for (const text of renamings(copy, site.names)) {
          const lines = reindent(text, copy.indent, site.indent);
          const atEnd = position.at === source.length && !source.endsWith('\n');
          const inserted = atEnd ? eol + lines : lines + eol;
          const first = text.split('\n')[0] ?? '';
          out.push({ family: 'statement-insertion', line: position.line, splices: [{ start: position.at, end: position.at, text: inserted }], description: `insert \`${first.trim()}\` ${position.where}` });
        }
      }
    }
    return out;
  },
};

function allowedAt(copy: StatementCopy, site: Site): boolean {
  if (copy.statement === 'break') return site.breakable;
  if (copy.statement === 'continue') return site.inLoop;
  if (copy.statement === 'return') return site.inFunction;
  return true;
}

/**
 * The copy as is when its names are all in scope at the position; otherwise up to MAX_RENAMINGS
 * versions with the names bound only in its own function replaced by distinct local values there
 * (a parameter by the parameter in the same position first).
 */
export function renamings(copy: StatementCopy, names: readonly ScopeName[]): string[] {
  const unknown = unknownNames(copy, new Set(names.map((n) => n.name)));
  if (unknown.length === 0) return [copy.text];
  if (unknown.length > MAX_UNKNOWN) return [];
  const used = new Set(copy.names.map((o) => o.name));
  const targets = names.filter((n) => n.kind === 'value' && n.local && !used.has(n.name));
  const options = unknown.map(([, param]) => [...targets.filter((t) => param !== undefined && t.param === param), ...targets.filter((t) => param === undefined || t.param !== param)].map((t) => t.name));
  const choices: string[][] = [];
  const choose = (i: number, picked: string[]): void => {
    if (choices.length >= MAX_RENAMINGS) return;
    if (i === unknown.length) return void choices.push(picked);
    for (const name of options[i] ?? []) if (!picked.includes(name)) choose(i + 1, [...picked, name]);
  };
  choose(0, []);
  return choices.map((picked) => {
    const rename = new Map(unknown.map(([name], i) => [name, picked[i] as string]));
    let text = copy.text;
    for (const o of [...copy.names].sort((a, b) => b.start - a.start)) {
      const to = rename.get(o.name);
      if (to !== undefined) text = text.slice(0, o.start) + to + text.slice(o.end);
    }
    return text;
  });
}

/** The copy's names bound in its own function but not in scope at the position, with their parameter positions. */
function unknownNames(copy: StatementCopy, inScope: ReadonlySet<string>): [string, number | undefined][] {
  return [...new Map(copy.names.filter((o) => o.local && !inScope.has(o.name)).map((o) => [o.name, o.param])).entries()];
}

/** The copy's lines moved from its own indentation to the position's. */
function reindent(text: string, from: string, to: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? to + line : line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');
}
