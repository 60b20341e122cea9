import type { Language, Mutation, MutationSite, OperatorFamilyRule } from '../mutationSites';

const SPELLING: Readonly<Record<Language, readonly [string, string]>> = { javascript: ['false', 'true'], python: ['False', 'True'] };

/** `true` ↔ `false`. */
export const booleanLiteralSwap: OperatorFamilyRule = {
  family: 'boolean-literal',
  mutate(site: MutationSite, _source: string, language: Language): Mutation[] {
    if (site.kind !== 'boolean') return [];
    const [no, yes] = SPELLING[language];
    const text = site.value ? no : yes;
    return [{ family: 'boolean-literal', line: site.line, splices: [{ ...site.range, text }], description: `\`${site.value ? yes : no}\` → \`${text}\`` }];
  },
};
