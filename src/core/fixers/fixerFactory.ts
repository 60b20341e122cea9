import type { TestSetup } from '../tests/detectFramework';
import { runTests } from '../tests/runTests';
import { listSourceFiles } from '../workspace/listSourceFiles';
import type { Workspace } from '../workspace/workspace';
import type { Fixer } from './fixer';
import { createAnthropicFixer } from './llm/anthropicFixer';
import { createOpenAiFixer } from './llm/openaiFixer';
import { createOfflineFixer } from './offline/offlineFixer';

export const FIXER_KINDS = ['offline', 'openai', 'anthropic'] as const;
export type FixerKind = (typeof FIXER_KINDS)[number];

export interface FixerSettings {
  readonly kind: FixerKind;
  readonly model?: string;
  readonly baseUrl?: string;
  readonly apiKey?: string;
  /** The offline fixer's time per iteration. */
  readonly offlineBudgetMs?: number;
  /** Upper bound of one test run (the loop's setting), for the offline fixer's screening runs. */
  readonly testTimeoutMs?: number;
}

/** Builds the fixer the settings ask for. The VS Code Language Model fixer is built by the host. */
export function createFixer(settings: FixerSettings, workspace: Workspace, setup: TestSetup): Fixer {
  switch (settings.kind) {
    case 'offline':
      return createOfflineFixer({
        workspace,
        runTests: (cwd, focus, timeoutMs, signal) =>
          // Screening runs never write bytecode next to the copies they test.
          runTests({ setup, cwd, focus, timeoutMs, signal, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }),
        listSourceFiles: () => listSourceFiles(workspace.root),
        timeBudgetMs: settings.offlineBudgetMs,
        testTimeoutMs: settings.testTimeoutMs,
      });
    case 'openai':
      if (!settings.model) throw new Error('the openai fixer needs a model (--model)');
      return createOpenAiFixer({ model: settings.model, baseURL: settings.baseUrl, apiKey: settings.apiKey });
    case 'anthropic':
      if (!settings.model) throw new Error('the anthropic fixer needs a model (--model)');
      return createAnthropicFixer({ model: settings.model, baseURL: settings.baseUrl, apiKey: settings.apiKey });
  }
}
