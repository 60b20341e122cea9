import type { FrameworkAdapter } from './adapter';
import { cargoAdapter } from './cargo';
import { goTestAdapter } from './goTest';
import { jestAdapter } from './jest';
import { junitAdapter } from './junit';
import { mochaAdapter } from './mocha';
import { nodeTestAdapter } from './nodeTest';
import { pytestAdapter } from './pytest';
import { vitestAdapter } from './vitest';

/** Every framework LoopGain runs with structured results; detection weighs their evidence. */
export const FRAMEWORK_ADAPTERS: readonly FrameworkAdapter[] = [
  pytestAdapter,
  vitestAdapter,
  jestAdapter,
  mochaAdapter,
  nodeTestAdapter,
  goTestAdapter,
  cargoAdapter,
  junitAdapter,
];
