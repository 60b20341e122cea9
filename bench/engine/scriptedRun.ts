import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headlessApprovalRunner } from '../../src/core/engine/approvals/approvalRunners';
import { DEFAULT_APPROVAL_POLICY } from '../../src/core/engine/approvals/policies';
import { DEFAULT_LIMITS, defaultRunConfig } from '../../src/core/engine/config';
import type { LoopEvent } from '../../src/core/engine/events';
import { startRun } from '../../src/core/engine/loopEngine';
import type { RunResult } from '../../src/core/engine/engineDeps';
import type { Fixer } from '../../src/core/fixers/fixer';
import { RunStore } from '../../src/core/persistence/runStore';
import { ReportError, type FrameworkAdapter } from '../../src/core/tests/frameworks/adapter';
import { NodeWorkspace } from '../../src/core/workspace/nodeWorkspace';

/**
 * A run where the test "suite" is a tiny node script that reports as many failing tests as a
 * counter file says, and the fixer is scripted: it sets the counter from a planned trajectory and
 * edits some source files. The engine does all its real work (measurement, controller,
 * checkpoints, atomic state, trace); only the tests and the fixer are stand-ins.
 */
export async function scriptedRun(root: string, trajectory: readonly number[], filesPerIteration: readonly string[][], maxIterations: number): Promise<{ result: RunResult; events: LoopEvent[] }> {
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'failing.txt'), String(trajectory[0]));
  writeFileSync(
    join(root, 'runner.cjs'),
    "const fs=require('fs');const n=+fs.readFileSync('failing.txt','utf8');const lines=[];for(let i=0;i<20;i++)lines.push(`t${i} ${i<n?'failed':'passed'}`);fs.writeFileSync(process.argv[2],lines.join('\\n'));",
  );
  const adapter: FrameworkAdapter = {
    framework: 'node-test',
    detect: () => undefined,
    plan: (ctx) => ({ invocation: [process.execPath, join(root, 'runner.cjs')], args: [join(ctx.reportDir, 'r.txt')], reportFiles: [join(ctx.reportDir, 'r.txt')] }),
    parse: ({ reports }) => {
      const text = [...reports.values()][0];
      if (text === undefined) throw new ReportError('no report');
      return {
        tests: text.split('\n').map((l) => {
          const [name, status] = l.split(' ') as [string, 'passed' | 'failed'];
          return { id: `t.js::${name}`, file: 't.js', suitePath: [], name, status, stack: [] };
        }),
      };
    },
  };
  const workspace = new NodeWorkspace(root);
  let step = 0;
  const fixer: Fixer = {
    id: 'scripted',
    async propose() {
      step++;
      const next = trajectory[Math.min(step, trajectory.length - 1)] as number;
      const edits: unknown[] = [{ kind: 'replace-range', path: 'failing.txt', startLine: 1, endLine: 1, newText: String(next) }];
      for (const path of filesPerIteration[(step - 1) % filesPerIteration.length] ?? []) {
        const text = (await workspace.readText(path)) ?? '';
        edits.push({ kind: 'replace-range', path, startLine: 1, endLine: 1, newText: `// edited in step ${step}` });
        void text;
      }
      return { edits, usage: { inputTokens: 1000, outputTokens: 100 } };
    },
  };
  const events: LoopEvent[] = [];
  const result = await startRun(
    {
      workspace,
      fixer,
      testSetup: { kind: 'framework', adapter, detection: { framework: 'node-test', evidence: 'bench', confidence: 1 } },
      approvals: headlessApprovalRunner,
      store: RunStore.forWorkspace(root),
      onEvent: (e) => events.push(e),
    },
    {
      config: defaultRunConfig({
        fixer: fixer.id,
        focusedReruns: false,
        limits: { ...DEFAULT_LIMITS, maxIterations },
        approvals: { ...DEFAULT_APPROVAL_POLICY, configFiles: false, maxChangedLines: 1_000_000 },
        noProgressWindow: 1000,
        controller: { classifier: 'adaptive', targetError: 0 },
      }),
    },
  );
  return { result, events };
}
