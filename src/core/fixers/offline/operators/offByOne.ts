import type { Mutation, MutationSite, OperatorFamilyRule } from '../mutationSites';

/** Integers beyond this are ids, sizes or masks, not bounds: ±1 on them is noise. */
const LARGEST_BOUND = 10_000;

/** ±1 on an integer literal: loop bounds, indices, thresholds. */
export const offByOne: OperatorFamilyRule = {
  family: 'off-by-one',
  mutate(site: MutationSite, source: string): Mutation[] {
    if (site.kind !== 'number' || !Number.isInteger(site.value) || Math.abs(site.value) > LARGEST_BOUND) return [];
    const written = source.slice(site.range.start, site.range.end);
    if (!/^\d+$/.test(written)) return []; // hex, exponents, separators: leave them alone
    return [site.value + 1, site.value - 1]
      .filter((v) => v >= 0)
      .map((v) => ({ family: 'off-by-one', line: site.line, splices: [{ ...site.range, text: String(v) }], description: `\`${written}\` → \`${v}\`` }));
  },
};
