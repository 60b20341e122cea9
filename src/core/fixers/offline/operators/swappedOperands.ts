import { parenthesize } from '../expressions';
import { textOf, type Mutation, type MutationSite, type OperatorFamilyRule, type Range } from '../mutationSites';

/** Operators where order matters: swapping their operands changes the result. */
const ORDER_MATTERS = new Set(['-', '/', '//', '%', '**', '<', '<=', '>', '>=', 'in', 'not in']);

/** Each text goes where the other was; `fit` parenthesizes a text for the place it goes to. */
const swap = (source: string, line: number, a: Range, b: Range, description: (ta: string, tb: string) => string, fit = (text: string, _to: 0 | 1): string => text): Mutation | undefined => {
  const ta = textOf(source, a);
  const tb = textOf(source, b);
  if (ta === tb) return undefined;
  return {
    family: 'swapped-operands',
    line,
    splices: [
      { ...a, text: fit(tb, 0) },
      { ...b, text: fit(ta, 1) },
    ],
    description: description(ta, tb),
  };
};

/**
 * Operands in the wrong order: `cost - points` → `points - cost`, `a < b` → `b < a`; and elements:
 * `(a, b)` → `(b, a)`, `[x, y]` → `[y, x]`, `m[i][j]` → `m[j][i]` (each adjacent pair).
 */
export const swappedOperands: OperatorFamilyRule = {
  family: 'swapped-operands',
  mutate(site: MutationSite, source: string): Mutation[] {
    if (site.kind === 'binary') {
      if (!ORDER_MATTERS.has(site.operator)) return [];
      // the right operand goes left and the left one right: each in parentheses if its new place needs them
      const fit = (text: string, to: 0 | 1): string => parenthesize(text, site.precedences[to === 0 ? 1 : 0], site.slots[to]);
      const m = swap(source, site.line, site.left, site.right, (l, r) => `\`${l} ${site.operator} ${r}\` → \`${r} ${site.operator} ${l}\``, fit);
      return m ? [m] : [];
    }
    if (site.kind !== 'elements') return [];
    const out: Mutation[] = [];
    for (let i = 0; i + 1 < site.elements.length; i++) {
      const what = site.role === 'subscripts' ? 'indices' : `${site.role} elements`;
      const m = swap(source, site.line, site.elements[i] as Range, site.elements[i + 1] as Range, (a, b) => `swap the ${what} \`${a}\` and \`${b}\``);
      if (m) out.push(m);
    }
    return out;
  },
};
