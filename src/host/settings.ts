import * as vscode from 'vscode';
import { DEFAULT_APPROVAL_POLICY } from '../core/engine/approvals/policies';
import { DEFAULT_LIMITS, defaultRunConfig, type RunConfig } from '../core/engine/config';
import type { StalenessPolicy } from '../core/engine/pricing';
import type { ClassifierName } from '../core/controller/types';
import type { Framework } from '../core/tests/model';

export type HostFixerKind = 'vscode-lm' | 'offline' | 'openai' | 'anthropic';

export interface HostSettings {
  readonly fixer: HostFixerKind;
  readonly model: string | undefined;
  readonly baseUrl: string | undefined;
  readonly tests: RunConfig['tests'];
  readonly testTimeoutMs: number | undefined;
  readonly config: (fixerId: string) => RunConfig;
}

/** The run configuration from `loopgain.*` settings (each with its documented default). */
export function readSettings(scope?: vscode.ConfigurationScope): HostSettings {
  const c = vscode.workspace.getConfiguration('loopgain', scope);
  const str = (key: string): string | undefined => {
    const v = c.get<string>(key, '').trim();
    return v === '' ? undefined : v;
  };
  const timeout = c.get<number>('testTimeoutSeconds', 0);
  const cost = c.get<number>('costLimitUsd', 0);
  const model = str('model');
  const baseUrl = str('baseUrl');
  const tests = { command: str('testCommand'), framework: str('framework') as Framework | undefined };
  const testTimeoutMs = timeout > 0 ? timeout * 1000 : undefined;
  return {
    fixer: c.get<HostFixerKind>('fixer', 'vscode-lm'),
    model,
    baseUrl,
    tests,
    testTimeoutMs,
    config: (fixerId) =>
      defaultRunConfig({
        fixer: fixerId,
        model,
        baseUrl,
        tests,
        testTimeoutMs,
        focusedReruns: c.get<boolean>('focusedReruns', true),
        limits: {
          ...DEFAULT_LIMITS,
          maxIterations: c.get<number>('maxIterations', DEFAULT_LIMITS.maxIterations),
          tokenLimit: c.get<number>('tokenLimit', DEFAULT_LIMITS.tokenLimit),
          wallClockMs: c.get<number>('wallClockMinutes', 30) * 60_000,
          costLimitUsd: cost > 0 ? cost : undefined,
          pricingStaleness: c.get<StalenessPolicy>('pricingStaleness', 'warn'),
        },
        approvals: {
          ...DEFAULT_APPROVAL_POLICY,
          testFiles: c.get<boolean>('approvals.testFiles', true),
          deletions: c.get<boolean>('approvals.deletions', true),
          outsideFailingProjects: c.get<boolean>('approvals.outsideFailingProjects', true),
          configFiles: c.get<boolean>('approvals.configFiles', true),
          maxChangedLines: c.get<number>('approvals.maxChangedLines', DEFAULT_APPROVAL_POLICY.maxChangedLines),
          interactiveTimeoutMs: c.get<number>('approvals.timeoutSeconds', 300) * 1000,
        },
        controller: {
          classifier: c.get<ClassifierName>('controller.classifier', 'adaptive'),
          targetError: c.get<number>('controller.targetError', 0),
          adaptive: { iterationCostTests: c.get<number>('controller.iterationCostTests', 0.05) },
        },
      }),
  };
}
