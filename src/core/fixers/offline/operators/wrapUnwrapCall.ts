import { movable, wrap } from '../expressions';
import { textOf, type Language, type Mutation, type MutationSite, type OperatorFamilyRule } from '../mutationSites';

/** One-argument functions tried per value at most (the most used in the file first). */
const MAX_CALLABLES = 6;

/**
 * A call too many or too few: `f(x)` → `x`, and `x` → `g(x)` with `g` a function the same file
 * already calls with one argument where its result is used (`abs`, `int`, `String`, `Math.abs`, the
 * file's own helpers), available at that spot.
 */
export const wrapUnwrapCall: OperatorFamilyRule = {
  family: 'wrap-unwrap-call',
  mutate(site: MutationSite, source: string, language: Language): Mutation[] {
    if (site.kind !== 'value') return [];
    const written = textOf(source, site.range);
    const out: Mutation[] = [];
    if (site.call) {
      const argument = movable({ text: textOf(source, site.call.argument), precedence: site.call.argumentPrecedence }, language);
      const text = wrap(argument, site.slot);
      out.push({ family: 'wrap-unwrap-call', line: site.line, splices: [{ ...site.range, text }], description: `\`${written}\` → \`${text}\`` });
    }
    for (const callee of site.callables.filter((c) => c !== site.within && c !== site.call?.callee).slice(0, MAX_CALLABLES)) {
      const text = `${callee}(${written})`;
      out.push({ family: 'wrap-unwrap-call', line: site.line, splices: [{ ...site.range, text }], description: `\`${written}\` → \`${text}\`` });
    }
    return out;
  },
};
