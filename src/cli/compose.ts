import { resolve } from 'node:path';
import type { ApprovalRunner } from '../core/engine/approvals/approvalRunners';
import { denyAllApprovalRunner, headlessApprovalRunner } from '../core/engine/approvals/approvalRunners';
import type { EngineDeps } from '../core/engine/engineDeps';
import type { LoopEvent } from '../core/engine/events';
import { createFixer, FIXER_KINDS, type FixerKind } from '../core/fixers/fixerFactory';
import { RunStore } from '../core/persistence/runStore';
import { DetectionError, detectTestSetup } from '../core/tests/detectFramework';
import { FRAMEWORK_ADAPTERS } from '../core/tests/frameworks/registry';
import { FRAMEWORKS, type Framework } from '../core/tests/model';
import { readWorkspaceFacts } from '../core/tests/workspaceFacts';
import { NodeWorkspace } from '../core/workspace/nodeWorkspace';
import { terminalApprovalRunner } from './terminalApprover';
import { UsageError } from './usage';

export type ApproveMode = 'ask' | 'deny' | 'headless';

export interface ComposeOptions {
  readonly cwd: string;
  readonly testCommand?: string;
  readonly framework?: string;
  readonly fixer: string;
  readonly model?: string;
  readonly baseUrl?: string;
  readonly approve: ApproveMode;
  readonly testTimeoutMs?: number;
  readonly offlineBudgetMs?: number;
  readonly onEvent?: (event: LoopEvent) => void;
}

/** Default environment variable of each provider's key: keys never travel on the command line. */
const KEY_VARIABLES: Partial<Record<FixerKind, string>> = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY' };

/** The engine's dependencies for a workspace folder, from command-line options. Bad options are UsageErrors. */
export function composeDeps(options: ComposeOptions): EngineDeps {
  const root = resolve(options.cwd);
  const workspace = new NodeWorkspace(root);
  if (options.framework !== undefined && !(FRAMEWORKS as readonly string[]).includes(options.framework)) {
    throw new UsageError(`--framework must be one of ${FRAMEWORKS.join(', ')}`);
  }
  let testSetup;
  try {
    testSetup = detectTestSetup(readWorkspaceFacts(root), FRAMEWORK_ADAPTERS, { command: options.testCommand, framework: options.framework as Framework | undefined });
  } catch (error) {
    if (error instanceof DetectionError) throw new UsageError(error.message);
    throw error;
  }
  if (!(FIXER_KINDS as readonly string[]).includes(options.fixer)) throw new UsageError(`--fixer must be one of ${FIXER_KINDS.join(', ')}`);
  const kind = options.fixer as FixerKind;
  const keyVariable = KEY_VARIABLES[kind];
  let fixer;
  try {
    fixer = createFixer(
      { kind, model: options.model, baseUrl: options.baseUrl, apiKey: keyVariable ? process.env[keyVariable] : undefined, testTimeoutMs: options.testTimeoutMs, offlineBudgetMs: options.offlineBudgetMs },
      workspace,
      testSetup,
    );
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { workspace, fixer, testSetup, approvals: approvalRunner(options.approve), store: RunStore.forWorkspace(root), onEvent: options.onEvent };
}

function approvalRunner(mode: ApproveMode): ApprovalRunner {
  switch (mode) {
    case 'ask':
      return terminalApprovalRunner();
    case 'deny':
      return denyAllApprovalRunner;
    case 'headless':
      return headlessApprovalRunner;
  }
}
