import { groups, operatorSwap } from './replaceOperator';

/** `<` ↔ `<=` ↔ `>` ↔ `>=`, `==` ↔ `!=` (and `===` ↔ `!==`, `is` ↔ `is not`, `in` ↔ `not in`). */
export const comparisonSwap = operatorSwap('comparison', 'comparison', {
  javascript: groups(['<', '<=', '>', '>='], ['==', '!='], ['===', '!==']),
  python: groups(['<', '<=', '>', '>='], ['==', '!='], ['is', 'is not'], ['in', 'not in']),
});
