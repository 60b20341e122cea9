import type { OperatorFamilyRule } from '../mutationSites';
import { arithmeticSwap } from './arithmetic';
import { booleanLiteralSwap } from './booleanLiteral';
import { comparisonSwap } from './comparison';
import { literalIdentifier } from './literalIdentifier';
import { logicalSwap } from './logical';
import { negateCondition } from './negateCondition';
import { offByOne } from './offByOne';
import { plusMinusOneExpression } from './plusMinusOneExpression';
import { returnValue } from './returnValue';
import { statementDeletion } from './statementDeletion';
import { statementInsertion } from './statementInsertion';
import { swapArguments } from './swapArguments';
import { swappedOperands } from './swappedOperands';
import { widenNarrowCondition } from './widenNarrowCondition';
import { wrapUnwrapCall } from './wrapUnwrapCall';
import { wrongIdentifier } from './wrongIdentifier';

/**
 * Every operator family, in the order candidates are tried when their sites rank equally: the
 * cheapest, most common one-token bugs first; then the families with a handful of candidates per
 * site; the expensive ones (identifier swaps, statement insertion) last.
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
  plusMinusOneExpression,
  statementDeletion,
  literalIdentifier,
  wrapUnwrapCall,
  widenNarrowCondition,
  wrongIdentifier,
  statementInsertion,
];
