import { binary, PRECEDENCE, wrap } from '../expressions';
import { textOf, type ExpressionText, type Mutation, type MutationSite, type OperatorFamilyRule } from '../mutationSites';

const ONE: ExpressionText = { text: '1', precedence: PRECEDENCE.atom };

/**
 * ±1 on an integer-valued expression, not only a literal: a bound, an index, a slice or range end,
 * a comparison operand, a length (`len(x)` → `len(x) - 1`). An expression that is already
 * `base ± k` has its constant adjusted instead (`n - 1` → `n`, `n - 2`). Parentheses only where
 * precedence needs them.
 */
export const plusMinusOneExpression: OperatorFamilyRule = {
  family: 'plus-minus-one-expression',
  mutate(site: MutationSite, source: string): Mutation[] {
    if (site.kind !== 'bound') return [];
    const written = textOf(source, site.range);
    return [1, -1].map((delta) => {
      let result: ExpressionText;
      if (site.offset) {
        const base: ExpressionText = { text: textOf(source, site.offset.base), precedence: site.offset.basePrecedence };
        const by = site.offset.by + delta;
        result = by === 0 ? base : binary(base, by > 0 ? '+' : '-', { text: String(Math.abs(by)), precedence: PRECEDENCE.atom }, PRECEDENCE.additive);
      } else {
        result = binary({ text: written, precedence: site.precedence }, delta > 0 ? '+' : '-', ONE, PRECEDENCE.additive);
      }
      const text = wrap(result, site.slot);
      return { family: 'plus-minus-one-expression', line: site.line, splices: [{ ...site.range, text }], description: `\`${written}\` → \`${text}\`` };
    });
  },
};
