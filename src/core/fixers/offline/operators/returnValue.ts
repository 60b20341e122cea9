import type { Language, Mutation, MutationSite, OperatorFamilyRule } from '../mutationSites';

const NOT: Readonly<Record<Language, (text: string) => string>> = {
  javascript: (t) => `!(${t})`,
  python: (t) => `not (${t})`,
};

/** A function returning the opposite of what it should: `return x` → `return not (x)`. */
export const returnValue: OperatorFamilyRule = {
  family: 'return-value',
  mutate(site: MutationSite, source: string, language: Language): Mutation[] {
    if (site.kind !== 'return') return [];
    const text = source.slice(site.range.start, site.range.end);
    return [{ family: 'return-value', line: site.line, splices: [{ ...site.range, text: NOT[language](text) }], description: `return the negation of \`${text}\`` }];
  },
};
