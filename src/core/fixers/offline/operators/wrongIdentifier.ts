import type { Mutation, MutationSite, OperatorFamilyRule, ScopeName } from '../mutationSites';

/** Names tried per use at most: the site lists its own function's names first, then outer ones. */
const MAX_NAMES = 8;

/** Which names may replace a use: values for values, functions for a called name. */
const FITS: Readonly<Record<'load' | 'callee' | 'update', readonly ScopeName['kind'][]>> = {
  load: ['value'],
  update: ['value'],
  callee: ['callable', 'imported'],
};

/**
 * The wrong variable, function or attribute: `width` → `height` with another name in scope of the
 * same kind, `self.width` → `self.height` with another attribute used on the same object.
 */
export const wrongIdentifier: OperatorFamilyRule = {
  family: 'wrong-identifier',
  mutate(site: MutationSite): Mutation[] {
    if (site.kind === 'identifier') {
      return site.names
        .filter((n) => n.name !== site.name && FITS[site.role].includes(n.kind))
        .slice(0, MAX_NAMES)
        .map((n) => ({ family: 'wrong-identifier', line: site.line, splices: [{ ...site.range, text: n.name }], description: `\`${site.name}\` → \`${n.name}\`` }));
    }
    if (site.kind === 'attribute') {
      return site.siblings.slice(0, MAX_NAMES).map((name) => ({
        family: 'wrong-identifier',
        line: site.line,
        splices: [{ ...site.nameRange, text: name }],
        description: `\`${site.object}.${site.name}\` → \`${site.object}.${name}\``,
      }));
    }
    return [];
  },
};
