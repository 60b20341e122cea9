import type { Mutation, MutationSite, OperatorFamilyRule } from '../mutationSites';

/** Operators where order matters: swapping their operands changes the result. */
const ORDER_MATTERS = new Set(['-', '/', '//', '%', '**', '<', '<=', '>', '>=', 'in', 'not in']);

/** Operands in the wrong order: `cost - points` → `points - cost`, `a < b` → `b < a`. */
export const swappedOperands: OperatorFamilyRule = {
  family: 'swapped-operands',
  mutate(site: MutationSite, source: string): Mutation[] {
    if (site.kind !== 'binary' || !ORDER_MATTERS.has(site.operator)) return [];
    const left = source.slice(site.left.start, site.left.end);
    const right = source.slice(site.right.start, site.right.end);
    if (left === right) return [];
    return [
      {
        family: 'swapped-operands',
        line: site.line,
        splices: [
          { ...site.left, text: right },
          { ...site.right, text: left },
        ],
        description: `\`${left} ${site.operator} ${right}\` → \`${right} ${site.operator} ${left}\``,
      },
    ];
  },
};
