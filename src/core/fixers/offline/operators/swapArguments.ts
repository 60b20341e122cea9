import type { Mutation, MutationSite, OperatorFamilyRule } from '../mutationSites';

/** Adjacent call arguments in the wrong order: `f(a, b)` → `f(b, a)`. */
export const swapArguments: OperatorFamilyRule = {
  family: 'swap-arguments',
  mutate(site: MutationSite, source: string): Mutation[] {
    if (site.kind !== 'call' || site.args.length < 2) return [];
    const out: Mutation[] = [];
    for (let i = 0; i + 1 < site.args.length; i++) {
      const a = site.args[i] as { start: number; end: number };
      const b = site.args[i + 1] as { start: number; end: number };
      const ta = source.slice(a.start, a.end);
      const tb = source.slice(b.start, b.end);
      if (ta === tb || ta.startsWith('...') || tb.startsWith('...') || ta.startsWith('*') || tb.startsWith('*')) continue;
      out.push({
        family: 'swap-arguments',
        line: site.line,
        splices: [
          { ...a, text: tb },
          { ...b, text: ta },
        ],
        description: `swap \`${ta}\` and \`${tb}\` in ${site.callee}(…)`,
      });
    }
    return out;
  },
};
