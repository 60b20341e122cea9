import { LOGIC } from '../expressions';
import type { Language, Mutation, MutationSite, OperatorFamilyRule } from '../mutationSites';

/** A function returning the opposite of what it should: `return x` → `return not x` (parentheses where needed). */
export const returnValue: OperatorFamilyRule = {
  family: 'return-value',
  mutate(site: MutationSite, source: string, language: Language): Mutation[] {
    if (site.kind !== 'return') return [];
    const text = source.slice(site.range.start, site.range.end);
    const negated = LOGIC[language].not({ text, precedence: site.precedence }).text;
    return [{ family: 'return-value', line: site.line, splices: [{ ...site.range, text: negated }], description: `return the negation of \`${text}\`` }];
  },
};
