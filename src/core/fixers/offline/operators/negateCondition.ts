import { LOGIC, wrap } from '../expressions';
import type { Language, Mutation, MutationSite, OperatorFamilyRule } from '../mutationSites';

/** A condition that tests the opposite: `if x` → `if not x` (parentheses where needed), and `not x` → `x`. */
export const negateCondition: OperatorFamilyRule = {
  family: 'negate-condition',
  mutate(site: MutationSite, source: string, language: Language): Mutation[] {
    if (site.kind === 'condition') {
      const text = source.slice(site.range.start, site.range.end);
      const negated = wrap(LOGIC[language].not({ text, precedence: site.precedence }), site.slot);
      return [{ family: 'negate-condition', line: site.line, splices: [{ ...site.range, text: negated }], description: `negate \`${text}\`` }];
    }
    if (site.kind === 'negation') {
      const operand = source.slice(site.operand.start, site.operand.end);
      return [{ family: 'negate-condition', line: site.line, splices: [{ ...site.range, text: operand }], description: `drop the negation of \`${operand}\`` }];
    }
    return [];
  },
};
