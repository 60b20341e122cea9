import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headlessApprovalRunner } from '../../src/core/engine/approvals/approvalRunners';
import { DEFAULT_LIMITS, defaultRunConfig } from '../../src/core/engine/config';
import { startRun } from '../../src/core/engine/loopEngine';
import type { FixRequest, Fixer } from '../../src/core/fixers/fixer';
import { createOfflineFixer, type OfflineFixerStats } from '../../src/core/fixers/offline/offlineFixer';
import { RunStore } from '../../src/core/persistence/runStore';
import { detectTestSetup } from '../../src/core/tests/detectFramework';
import { FRAMEWORK_ADAPTERS } from '../../src/core/tests/frameworks/registry';
import { runTests } from '../../src/core/tests/runTests';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';
import { listSourceFiles } from '../../src/core/workspace/listSourceFiles';
import { NodeWorkspace } from '../../src/core/workspace/nodeWorkspace';

export const CORPUS_DIR = 'bench/repair-corpus';

interface BugEdit {
  readonly line: number;
  readonly buggy: string;
  readonly fixed: string;
}

export interface CorpusProgram {
  readonly language: 'python' | 'javascript';
  readonly name: string;
  readonly dir: string;
  readonly family: string;
  readonly file: string;
  readonly edits: readonly BugEdit[];
  readonly hangs: boolean;
}

export function loadCorpus(filter?: (p: CorpusProgram) => boolean): CorpusProgram[] {
  const programs: CorpusProgram[] = [];
  for (const language of ['python', 'javascript'] as const) {
    const base = join(CORPUS_DIR, language);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const bugPath = join(base, name, 'bug.json');
      if (!existsSync(bugPath)) continue;
      const bug = JSON.parse(readFileSync(bugPath, 'utf8')) as BugEdit & { file: string; family: string; hangs?: boolean; fix?: BugEdit[] };
      const program: CorpusProgram = { language, name, dir: join(base, name), family: bug.family, file: bug.file, edits: bug.fix ?? [bug], hangs: bug.hangs === true };
      if (!filter || filter(program)) programs.push(program);
    }
  }
  return programs;
}

/** The bug's file as the seeded fix would make it (see the corpus README for deletions/insertions). */
export function seededFix(program: CorpusProgram): string {
  const lines = readFileSync(join(program.dir, program.file), 'utf8').split('\n');
  for (const e of [...program.edits].sort((a, b) => b.line - a.line)) {
    if (lines[e.line - 1] !== e.buggy) throw new Error(`${program.name}: bug.json does not match line ${e.line}`);
    lines.splice(e.line - 1, 1, ...(e.fixed === '' ? [] : e.fixed.split('\n')));
  }
  return lines.join('\n');
}

export interface RepairResult {
  readonly program: CorpusProgram;
  readonly status: string;
  readonly fixed: boolean;
  /** The fixed file is exactly the seeded fix (else another patch made the tests pass). */
  readonly exact: boolean;
  readonly testsUntouched: boolean;
  readonly iterations: number;
  readonly wallMs: number;
  readonly stats: readonly OfflineFixerStats[];
  readonly reason: string;
}

/**
 * One corpus program through the product: a fresh copy, the real engine, the offline fixer, the
 * workspace's own test runner. "Fixed" means the final full run passes and no test file changed.
 */
export async function repairProgram(program: CorpusProgram, options: { maxIterations?: number; fixerBudgetMs?: number } = {}): Promise<RepairResult> {
  const work = mkdtempSync(join(tmpdir(), `loopgain-corpus-${program.name}-`));
  try {
    cpSync(program.dir, work, { recursive: true, filter: (src) => !src.endsWith('bug.json') });
    const testFiles = readdirSync(work).filter((f) => /test/.test(f));
    const testsBefore = new Map(testFiles.map((f) => [f, readFileSync(join(work, f), 'utf8')]));
    const workspace = new NodeWorkspace(work);
    const setup = detectTestSetup(readWorkspaceFacts(work), FRAMEWORK_ADAPTERS);
    const offline = createOfflineFixer({
      workspace,
      runTests: (cwd, focus, timeoutMs, signal) => runTests({ setup, cwd, focus, timeoutMs, signal, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }),
      listSourceFiles: () => listSourceFiles(work),
      timeBudgetMs: options.fixerBudgetMs ?? 120_000,
    });
    const stats: OfflineFixerStats[] = [];
    const fixer: Fixer = {
      id: offline.id,
      propose: async (request: FixRequest) => {
        try {
          return await offline.propose(request);
        } finally {
          if (offline.lastStats) stats.push(offline.lastStats);
        }
      },
    };
    const started = Date.now();
    const result = await startRun(
      { workspace, fixer, testSetup: setup, approvals: headlessApprovalRunner, store: RunStore.forWorkspace(work), testEnv: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } },
      { config: defaultRunConfig({ fixer: fixer.id, limits: { ...DEFAULT_LIMITS, maxIterations: options.maxIterations ?? 4 } }) },
    );
    const wallMs = Date.now() - started;
    const testsUntouched = [...testsBefore].every(([f, text]) => readFileSync(join(work, f), 'utf8') === text);
    const fixed = result.status === 'SUCCESS' && result.finalError === 0 && testsUntouched;
    const exact = fixed && readFileSync(join(work, program.file), 'utf8') === seededFix(program);
    return { program, status: result.status, fixed, exact, testsUntouched, iterations: result.iterations, wallMs, stats, reason: result.reason };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
