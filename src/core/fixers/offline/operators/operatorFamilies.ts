import type { OperatorFamilyRule } from '../mutationSites';
import { arithmeticSwap } from './arithmetic';
import { booleanLiteralSwap } from './booleanLiteral';
import { comparisonSwap } from './comparison';
import { logicalSwap } from './logical';
import { negateCondition } from './negateCondition';
import { offByOne } from './offByOne';
import { returnValue } from './returnValue';
import { swapArguments } from './swapArguments';
import { swappedOperands } from './swappedOperands';

/**
 * Every operator family, in the order candidates are tried when their sites rank equally: the
 * cheapest, most common one-token bugs first.
 */
export const OPERATOR_FAMILIES: readonly OperatorFamilyRule[] = [
  comparisonSwap,
  offByOne,
  arithmeticSwap,
  logicalSwap,
  booleanLiteralSwap,
  negateCondition,
  swapArguments,
  swappedOperands,
  returnValue,
];
