import type { EditRejection } from '../../edits/edit';
import type { StackFrame, TestCase } from '../../tests/model';
import type { FailedApproach, FixRequest, IterationNote, SourceExcerpt } from '../fixer';
import { renderPrompt, type AnswerMode } from './promptTemplate';
import { estimateTokens } from './tokenEstimate';

export interface ContextOptions {
  readonly mode: AnswerMode;
  /** Earlier iterations kept in full; older ones get one line each. */
  readonly historyVerbatim?: number;
  /** The model's own input limit (context window less the output), when smaller than the run's budget. */
  readonly maxInputTokens?: number;
  /** Another template, for tests. */
  readonly template?: string;
}

/**
 * Estimated tokens (see tokenEstimate.ts) per part of the prompt. `pinned` is everything that is
 * never trimmed: the instructions, the goal, the failed approaches and the rejections; it is
 * `total` less the other parts, so the parts add up to the total exactly.
 */
export interface TokenAccounting {
  readonly pinned: number;
  readonly sources: number;
  readonly failingTests: number;
  readonly diff: number;
  readonly historyVerbatim: number;
  readonly historySummarised: number;
  readonly total: number;
  /** What the prompt may cost: the run's remaining tokens less this call's output, capped by maxInputTokens. */
  readonly budget: number;
}

export interface DroppedSource {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly wholeFile: boolean;
  readonly tokens: number;
}

export interface BuiltContext {
  readonly system: string;
  readonly user: string;
  readonly promptVersion: number;
  readonly tokens: TokenAccounting;
  /** Source excerpts left out to fit the budget, in the order they were dropped. */
  readonly dropped: readonly DroppedSource[];
  /** False when even without any source the prompt is over budget (the engine decides what then). */
  readonly fits: boolean;
}

export const DEFAULT_HISTORY_VERBATIM = 3;
/** Failing tests shown in full; the rest are counted. A few failures say enough about a bug. */
export const MAX_TESTS_SHOWN = 25;
const MAX_FRAMES_SHOWN = 5;
const MAX_MESSAGE_CHARS = 2_000;

/**
 * Turns a fix request into the prompt. The goal, the failed approaches and the rejections are always
 * kept; the last K iterations are kept verbatim and older ones summarised in a line each; when the
 * estimate exceeds the budget, source excerpts are dropped — whole files before line windows, the
 * least relevant (last) first — and the prompt says which.
 */
export function buildContext(request: FixRequest, options: ContextOptions): BuiltContext {
  const keep = Math.max(0, options.historyVerbatim ?? DEFAULT_HISTORY_VERBATIM);
  const cut = Math.max(0, request.history.length - keep);
  const summarised = request.history.slice(0, cut);
  const verbatim = request.history.slice(cut);
  const parts = {
    failingTests: renderFailingTests(request.failingTests),
    diff: request.diffSoFar.trim() === '' ? '(no changes yet)' : fence(request.diffSoFar.replace(/\n$/, ''), 'diff'),
    historySummarised: summarised.map(summariseIteration).join('\n'),
    historyVerbatim: verbatim.map(renderIteration).join('\n\n'),
  };
  const budget = Math.max(0, Math.min(request.budget.remainingTokens - request.budget.maxOutputTokens, options.maxInputTokens ?? Infinity));

  const kept = [...request.sources];
  const dropped: DroppedSource[] = [];
  const order = dropOrder(request.sources);
  for (;;) {
    const sources = renderSources(kept, dropped);
    const rendered = renderPrompt(
      {
        goal: request.goal.trim(),
        iteration: String(request.iteration),
        attempt: String(request.attempt),
        failingTests: parts.failingTests,
        sources,
        diffSoFar: parts.diff,
        failedApproaches: renderFailedApproaches(request.failedApproaches),
        history: renderHistory(parts.historySummarised, parts.historyVerbatim),
        previousRejections: renderRejections(request.previousRejections, request.attempt),
      },
      options.mode,
      options.template,
    );
    const total = estimateTokens(rendered.system) + estimateTokens(rendered.user);
    const next = order.shift();
    if (total <= budget || next === undefined) {
      const measured = {
        sources: estimateTokens(sources),
        failingTests: estimateTokens(parts.failingTests),
        diff: estimateTokens(parts.diff),
        historyVerbatim: estimateTokens(parts.historyVerbatim),
        historySummarised: estimateTokens(parts.historySummarised),
      };
      const others = Object.values(measured).reduce((a, b) => a + b, 0);
      return {
        system: rendered.system,
        user: rendered.user,
        promptVersion: rendered.version,
        tokens: { pinned: Math.max(0, total - others), ...measured, total, budget },
        dropped,
        fits: total <= budget,
      };
    }
    kept.splice(kept.indexOf(next), 1);
    dropped.push({ path: next.path, startLine: next.startLine, endLine: endLine(next), wholeFile: next.wholeFile, tokens: estimateTokens(renderExcerpt(next)) });
  }
}

/** Whole files go before line windows; within each kind the last (least relevant) goes first. */
function dropOrder(sources: readonly SourceExcerpt[]): SourceExcerpt[] {
  const reversed = [...sources].reverse();
  return [...reversed.filter((s) => s.wholeFile), ...reversed.filter((s) => !s.wholeFile)];
}

const lineCount = (text: string): number => (text === '' ? 0 : text.replace(/\n$/, '').split('\n').length);
const endLine = (s: SourceExcerpt): number => s.startLine + Math.max(0, lineCount(s.text) - 1);

/** A fence longer than any backtick run in the text, so the text cannot close it. */
function fence(text: string, info = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${info}\n${text}\n${ticks}`;
}

export function renderExcerpt(source: SourceExcerpt): string {
  const lines = source.text.replace(/\n$/, '').split('\n');
  const last = source.startLine + lines.length - 1;
  const width = String(last).length;
  const numbered = lines.map((line, i) => `${String(source.startLine + i).padStart(width)} | ${line}`).join('\n');
  const span = source.wholeFile ? `whole file, ${source.totalLines} lines` : `lines ${source.startLine}-${last} of ${source.totalLines}`;
  return `### ${source.path} (${span})\n${fence(numbered)}`;
}

function renderSources(kept: readonly SourceExcerpt[], dropped: readonly DroppedSource[]): string {
  const shown = kept.length === 0 ? '(no source excerpts)' : kept.map(renderExcerpt).join('\n\n');
  if (dropped.length === 0) return shown;
  const list = dropped.map((d) => (d.wholeFile ? `${d.path} (whole file)` : `${d.path} lines ${d.startLine}-${d.endLine}`)).join(', ');
  return `${shown}\n\n(Left out to fit the token budget: ${list}.)`;
}

function renderFrames(frames: readonly StackFrame[]): string {
  return frames
    .slice(0, MAX_FRAMES_SHOWN)
    .map((f) => `${f.file}:${f.line}${f.inWorkspace ? '' : ' (outside the workspace)'}`)
    .join(', ');
}

function renderFailingTests(tests: readonly TestCase[]): string {
  if (tests.length === 0) return '(none reported)';
  const shown = tests.slice(0, MAX_TESTS_SHOWN).map((t) => {
    const lines = [`- ${t.id}${t.status === 'error' ? ' (error)' : ''}`];
    if (t.message) {
      const message = t.message.length > MAX_MESSAGE_CHARS ? `${t.message.slice(0, MAX_MESSAGE_CHARS)}…` : t.message;
      lines.push(`  message: ${message.trim().replace(/\n/g, '\n    ')}`);
    }
    if (t.stack.length > 0) lines.push(`  at: ${renderFrames(t.stack)}`);
    return lines.join('\n');
  });
  const more = tests.length - shown.length;
  return more > 0 ? `${shown.join('\n')}\n- …and ${more} more failing tests` : shown.join('\n');
}

function renderFailedApproaches(approaches: readonly FailedApproach[]): string {
  if (approaches.length === 0) return '(none)';
  return approaches.map((a) => `- iteration ${a.iteration}: ${a.change} → ${a.effect}`).join('\n');
}

const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));

/** One line for an iteration that is no longer among the last K. */
export function summariseIteration(note: IterationNote): string {
  return `- iteration ${note.iteration}: ${note.edits.length} edit(s), fixed ${note.fixed.length}, newly broke ${note.newlyBroken.length}, ${note.failing} failing after it`;
}

function renderIteration(note: IterationNote): string {
  return [
    `### Iteration ${note.iteration} (${note.failing} failing after it)`,
    `Edits:${note.edits.length === 0 ? ' none' : `\n${note.edits.map((e) => `- ${e}`).join('\n')}`}`,
    `Fixed: ${list(note.fixed)}`,
    `Newly broken: ${list(note.newlyBroken)}`,
  ].join('\n');
}

function renderHistory(summarised: string, verbatim: string): string {
  if (summarised === '' && verbatim === '') return '(this is the first iteration)';
  if (summarised === '') return verbatim;
  return verbatim === '' ? `Older iterations, in one line each:\n${summarised}` : `Older iterations, in one line each:\n${summarised}\n\n${verbatim}`;
}

function describeRejected(edit: unknown): string {
  if (typeof edit === 'object' && edit !== null) {
    const e = edit as Record<string, unknown>;
    if (typeof e.kind === 'string' && typeof e.path === 'string') return `${e.kind} ${e.path}`;
  }
  const json = JSON.stringify(edit) ?? String(edit);
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}

function renderRejections(rejections: readonly EditRejection[], attempt: number): string {
  if (rejections.length === 0) return '(nothing rejected: this is the first attempt of the iteration)';
  const lines = rejections.map((r) => `- [${r.code}] ${r.reason}${r.edit === undefined ? '' : ` (edit: ${describeRejected(r.edit)})`}`);
  return `Attempt ${attempt - 1} was rejected as a whole and nothing was applied. Propose the complete set of edits again, corrected:\n${lines.join('\n')}`;
}
