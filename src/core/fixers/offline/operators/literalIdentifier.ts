import { PRECEDENCE, wrap } from '../expressions';
import { textOf, type Mutation, type MutationSite, type OperatorFamilyRule } from '../mutationSites';

/** Names tried per literal at most, the function's own first. */
const MAX_NAMES = 6;
/** Literals tried per name at most. */
const MAX_LITERALS = 3;

/**
 * A literal where a name belongs, and the reverse: `return 0` → `return total` with a name of the
 * same function (then module-level ones), and `return total` → `return 0` with a literal the name's
 * siblings use (what it is initialised with, what the function's other returns return).
 */
export const literalIdentifier: OperatorFamilyRule = {
  family: 'literal-identifier',
  mutate(site: MutationSite, source: string): Mutation[] {
    if (site.kind === 'literal') {
      const literal = textOf(source, site.range);
      const values = site.names.filter((n) => n.kind === 'value');
      return [...values.filter((n) => n.local), ...values.filter((n) => !n.local)]
        .slice(0, MAX_NAMES)
        .map((n) => ({ family: 'literal-identifier', line: site.line, splices: [{ ...site.range, text: n.name }], description: `\`${literal}\` → \`${n.name}\`` }));
    }
    // Not for a receiver: `0.name`, `{}.name`, `[].push(…)` are no programs anyone meant.
    if (site.kind === 'identifier' && site.role === 'load' && site.slot < PRECEDENCE.postfix) {
      return site.literals.slice(0, MAX_LITERALS).map((literal) => {
        const text = wrap(literal, site.slot);
        return { family: 'literal-identifier', line: site.line, splices: [{ ...site.range, text }], description: `\`${site.name}\` → \`${text}\`` };
      });
    }
    return [];
  },
};
