import type { Language, Mutation, MutationSite, OperatorFamily } from '../mutationSites';

/** Alternatives for each operator, per language: the data behind the operator-swap families. */
export type SwapTable = Readonly<Record<Language, Readonly<Record<string, readonly string[]>>>>;

/** Builds a family that replaces a binary operator of `category` with each alternative in `table`. */
export function operatorSwap(family: OperatorFamily, category: 'comparison' | 'arithmetic' | 'logical', table: SwapTable) {
  return {
    family,
    mutate(site: MutationSite, _source: string, language: Language): Mutation[] {
      if (site.kind !== 'binary' || site.category !== category) return [];
      const alternatives = table[language];
      return (Object.hasOwn(alternatives, site.operator) ? (alternatives[site.operator] ?? []) : []).map((replacement) => ({
        family,
        line: site.line,
        splices: [{ ...site.operatorRange, text: replacement }],
        description: `\`${site.operator}\` → \`${replacement}\``,
      }));
    },
  };
}

/** Every member of each group maps to the other members of its group. */
export function groups(...sets: readonly (readonly string[])[]): Record<string, readonly string[]> {
  const table: Record<string, readonly string[]> = {};
  for (const set of sets) for (const op of set) table[op] = set.filter((o) => o !== op);
  return table;
}
