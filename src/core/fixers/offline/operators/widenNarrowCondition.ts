import { binary, LOGIC, movable, PRECEDENCE, wrap } from '../expressions';
import { textOf, type ExpressionText, type Language, type Mutation, type MutationSite, type OperatorFamilyRule } from '../mutationSites';

/** Sub-conditions and boolean names tried per condition at most, the nearest first. */
const MAX_ALTERNATIVES = 5;

/**
 * A condition missing a clause: `a` → `a or b`, `a and b`, `a and not b` (`||`, `&&`, `&& !`), with
 * `b` one of the other sub-conditions or boolean-ish names of the same function.
 */
export const widenNarrowCondition: OperatorFamilyRule = {
  family: 'widen-narrow-condition',
  mutate(site: MutationSite, source: string, language: Language): Mutation[] {
    if (site.kind !== 'condition') return [];
    const own: ExpressionText = { text: textOf(source, site.range), precedence: site.precedence };
    const parts = new Set(site.parts);
    const logic = LOGIC[language];
    const alternatives = site.alternatives
      .filter((a) => !parts.has(a.text))
      .sort((a, b) => Math.abs(a.line - site.line) - Math.abs(b.line - site.line) || a.line - b.line)
      .slice(0, MAX_ALTERNATIVES);
    return alternatives.flatMap((alternative) => {
      const b = movable(alternative, language);
      return [binary(own, logic.or, b, PRECEDENCE.or), binary(own, logic.and, b, PRECEDENCE.and), binary(own, logic.and, logic.not(b), PRECEDENCE.and)].map((widened) => {
        const text = wrap(widened, site.slot);
        return { family: 'widen-narrow-condition' as const, line: site.line, splices: [{ ...site.range, text }], description: `\`${own.text}\` → \`${text}\`` };
      });
    });
  },
};
