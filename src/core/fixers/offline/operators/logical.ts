import type { Language, Mutation, MutationSite, OperatorFamilyRule } from '../mutationSites';
import { operatorSwap } from './replaceOperator';

const binary = operatorSwap('logical', 'logical', {
  javascript: { '&&': ['||'], '||': ['&&'], '??': ['||'] },
  python: { and: ['or'], or: ['and'] },
});

/** Quantifier and extremum calls that are each other's mistake: `any` ↔ `all`, `some` ↔ `every`, `min` ↔ `max`. */
const CALL_SWAPS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  javascript: { some: 'every', every: 'some', min: 'max', max: 'min' },
  python: { any: 'all', all: 'any', min: 'max', max: 'min' },
};

/** `and` ↔ `or` (`&&` ↔ `||`) and `any` ↔ `all` (`some` ↔ `every`, `min` ↔ `max`). */
export const logicalSwap: OperatorFamilyRule = {
  family: 'logical',
  mutate(site: MutationSite, source: string, language: Language): Mutation[] {
    if (site.kind === 'binary') return binary.mutate(site, source, language);
    if (site.kind !== 'call') return [];
    const name = source.slice(site.calleeNameRange.start, site.calleeNameRange.end);
    const swaps = CALL_SWAPS[language];
    const other = Object.hasOwn(swaps, name) ? swaps[name] : undefined; // never `toString` from the prototype
    return other ? [{ family: 'logical', line: site.line, splices: [{ ...site.calleeNameRange, text: other }], description: `\`${name}\` → \`${other}\`` }] : [];
  },
};
