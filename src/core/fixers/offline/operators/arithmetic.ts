import { operatorSwap } from './replaceOperator';

/** `+` ↔ `-`, `*` ↔ `/`, and the division and power mix-ups (`//` ↔ `/`, `**` → `*`, `%` → `/`). */
export const arithmeticSwap = operatorSwap('arithmetic', 'arithmetic', {
  javascript: { '+': ['-'], '-': ['+'], '*': ['/'], '/': ['*', '%'], '%': ['/'], '**': ['*'] },
  python: { '+': ['-'], '-': ['+'], '*': ['/', '**'], '/': ['//', '*'], '//': ['/', '%'], '%': ['//'], '**': ['*'] },
});
