import { availableParallelism } from 'node:os';
import type { ProposedEdit } from '../../edits/edit';
import { isNoVerdict } from '../../tests/model';
import type { Workspace } from '../../workspace/workspace';
import { FixerError, type FixProposal, type Fixer, type FixRequest } from '../fixer';
import { generateCandidates, type Candidate } from './candidates';
import { localise } from './localise';
import { makeScratchCopy, removeScratchCopy } from './scratchCopy';
import { pickBest, screenCandidates, type ScratchTestRunner, type ScreeningReport } from './screenCandidates';
import { SourceParser } from './sourceParser';

export interface OfflineFixerOptions {
  readonly workspace: Workspace;
  /** Runs the workspace's tests in a scratch folder (same framework and command as the loop). */
  readonly runTests: ScratchTestRunner;
  /** The workspace's non-test source files (JavaScript/TypeScript and Python), relative paths. */
  readonly listSourceFiles: () => Promise<readonly string[]>;
  /** The interpreter used to parse Python (the workspace's own). */
  readonly python?: string;
  /** Scratch copies screening at once; default: cores − 1, at least 1. */
  readonly parallel?: number;
  /** Time the fixer may spend per iteration. Default 3 minutes. */
  readonly timeBudgetMs?: number;
  /** Upper bound for one test run (the loop's configured test timeout). Default 2 minutes. */
  readonly testTimeoutMs?: number;
  /** Candidates screened at most per iteration. */
  readonly maxCandidates?: number;
  /** Stop screening this many candidates after the last improvement (see screenCandidates). Default 30. */
  readonly plateauAfter?: number;
}

/** What the last proposal cost, for the trace and the benchmark. */
export interface OfflineFixerStats {
  readonly suspiciousLines: number;
  readonly candidates: number;
  readonly screened: number;
  readonly testRuns: number;
  readonly timeouts: number;
  readonly runsToFirstPass?: number;
  readonly stoppedBy: ScreeningReport['stoppedBy'];
  readonly elapsedMs: number;
  readonly skippedFiles: readonly string[];
}

/** Candidates screened per iteration unless told otherwise: the most suspicious lines' mutations, cheap families first. */
const MAX_CANDIDATES = 400;

/** Timeouts adapt to the suite: five times its measured duration, with a floor. */
const TIMEOUT_FACTOR = 5;
const TIMEOUT_FLOOR_MS = 5_000;
/**
 * When the tests give no verdict at all (they hang, or do not load), nothing can be measured
 * first: each patched copy runs the whole suite with this limit, and any verdict beats none.
 */
const NO_VERDICT_SCREEN_MS = 15_000;

/**
 * The fixer that needs no model: search-based repair of one-edit bugs. It ranks source lines by the
 * failing tests' stack frames (or the functions they call), mutates them with operator families
 * found by a real parser, screens the candidates by running the tests in private copies of the
 * workspace, and proposes the patch that leaves the fewest failing tests. Deterministic; never
 * touches tests or the user's files.
 */
export function createOfflineFixer(options: OfflineFixerOptions): Fixer & { readonly lastStats?: OfflineFixerStats } {
  const state: { lastStats?: OfflineFixerStats } = {};
  return {
    id: 'offline',
    get lastStats() {
      return state.lastStats;
    },
    async propose(request: FixRequest): Promise<FixProposal> {
      const started = Date.now();
      const failing = request.failingTests;
      if (failing.length === 0) throw new FixerError('unavailable', 'there are no failing tests to fix');
      const root = options.workspace.root;
      const parser = new SourceParser({ cwd: root, python: options.python, signal: request.signal });
      const readText = (path: string): Promise<string | undefined> => options.workspace.readText(path);
      const suspicious = await localise({ failing, parser, readText, sourceFiles: await options.listSourceFiles() });
      const generated = await generateCandidates(suspicious, parser, readText, options.maxCandidates ?? MAX_CANDIDATES);
      const candidates = generated.candidates;

      const limit = options.testTimeoutMs ?? 120_000;
      // No verdict (a hang, or tests that do not load): the frames its output left (pytest prints
      // the line it was interrupted on) localise; every candidate runs the whole suite.
      const noVerdict = failing.every(isNoVerdict);
      const currentError = noVerdict ? Number.POSITIVE_INFINITY : failing.length;
      const timeouts = noVerdict
        ? { focused: Math.min(limit, NO_VERDICT_SCREEN_MS), full: Math.min(limit, NO_VERDICT_SCREEN_MS) }
        : await calibrate(root, options.runTests, failing, limit, request.signal).then(({ focusedMs }) => ({ focused: adaptive(focusedMs, limit), full: adaptive(focusedMs * 3, limit) }));
      const report = await screenCandidates(candidates, {
        workspaceRoot: root,
        runTests: options.runTests,
        failing: noVerdict ? [] : failing,
        currentError,
        parallel: options.parallel ?? Math.max(1, availableParallelism() - 1),
        focusedTimeoutMs: timeouts.focused,
        fullTimeoutMs: timeouts.full,
        deadline: started + (options.timeBudgetMs ?? 180_000),
        plateauAfter: options.plateauAfter ?? 30,
        signal: request.signal,
      });
      const { best, alternatives } = pickBest(report, currentError);
      state.lastStats = {
        suspiciousLines: suspicious.length,
        candidates: candidates.length,
        screened: report.screened.length,
        testRuns: report.testRuns + (noVerdict ? 0 : 1),
        timeouts: report.timeouts,
        runsToFirstPass: report.runsToFirstPass === undefined ? undefined : report.runsToFirstPass + (noVerdict ? 0 : 1),
        stoppedBy: report.stoppedBy,
        elapsedMs: Date.now() - started,
        skippedFiles: generated.skipped,
      };
      if (request.signal.aborted) throw new FixerError('cancelled', 'the offline fixer was cancelled');
      if (!best) {
        const skipped = generated.skipped.length > 0 ? `; not parsed: ${generated.skipped.join('; ')}` : '';
        throw new FixerError(
          'unavailable',
          `no single-edit patch lowered the failing tests: ${suspicious.length} suspicious lines, ${candidates.length} candidates, ` +
            `${report.screened.length} screened in ${report.testRuns} test runs (${report.timeouts} timed out, stopped: ${report.stoppedBy})${skipped}`,
        );
      }
      const c = best.candidate;
      return {
        edits: [toEdit(c)],
        usage: { inputTokens: 0, outputTokens: 0 },
        rationale:
          `${c.mutation.family}: ${c.mutation.description} at ${c.path}:${c.mutation.line} leaves ${best.fullFailing} failing ` +
          `(now ${noVerdict ? 'no verdict' : failing.length}); screened ${report.screened.length} of ${candidates.length} candidates in ${report.testRuns} test runs` +
          (alternatives.length > 0 ? `; ${alternatives.length} other patch(es) did as well` : ''),
        alternatives: alternatives.map((a) => ({ description: `${a.candidate.mutation.description} at ${a.candidate.path}:${a.candidate.mutation.line}`, edits: [toEdit(a.candidate)] })),
      };
    },
  };
}

const adaptive = (measuredMs: number, limit: number): number => Math.min(limit, Math.max(TIMEOUT_FLOOR_MS, measuredMs * TIMEOUT_FACTOR));

/**
 * One run of the failing tests on an untouched copy: measures how long they take (for adaptive
 * timeouts) and checks that they fail there too, so a broken copy is reported, not mistaken for "no fix".
 */
async function calibrate(root: string, runTests: ScratchTestRunner, failing: FixRequest['failingTests'], limit: number, signal: AbortSignal): Promise<{ focusedMs: number }> {
  const scratch = await makeScratchCopy(root);
  try {
    const run = await runTests(scratch, failing, limit, signal);
    if (run.outcome === 'timed-out') throw new FixerError('timeout', `the failing tests did not finish within ${Math.round(limit / 1000)} s even before any patch`);
    if (run.outcome !== 'completed') throw new FixerError('unavailable', `the failing tests could not be run in a scratch copy: ${run.problem ?? run.outcome}`);
    return { focusedMs: run.durationMs };
  } finally {
    await removeScratchCopy(scratch);
  }
}

/** The patch as a replace-range over the lines it touches: always valid against the file it was made from. */
export function toEdit(candidate: Candidate): ProposedEdit {
  const { original, patched, mutation } = candidate;
  const first = Math.min(...mutation.splices.map((s) => s.start));
  const last = Math.max(...mutation.splices.map((s) => s.end));
  const lineStart = original.lastIndexOf('\n', first - 1) + 1;
  const nextBreak = original.indexOf('\n', last);
  const lineEnd = nextBreak === -1 ? original.length : nextBreak;
  const delta = patched.length - original.length;
  const startLine = original.slice(0, lineStart).split('\n').length;
  const endLine = startLine + original.slice(lineStart, lineEnd).split('\n').length - 1;
  return { kind: 'replace-range', path: candidate.path, startLine, endLine, newText: patched.slice(lineStart, lineEnd + delta) };
}
