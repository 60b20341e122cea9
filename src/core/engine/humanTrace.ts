import type { LoopEvent } from './events';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/**
 * The trace in human words, one line per step that matters (the CLI's progress, the host's output
 * channel): the announced limits, each iteration's error, the fixer's patch, approvals, the stop.
 */
export function humanTrace(write: (line: string) => void): (event: LoopEvent) => void {
  let lastError: number | undefined;
  return (e) => {
    switch (e.kind) {
      case 'run.start': {
        const l = e.limits;
        const usd = l.costLimitUsd !== undefined ? `, $${l.costLimitUsd} cost` : '';
        write(`loopgain: ${e.resumedFrom !== undefined ? `resuming at iteration ${e.resumedFrom}` : 'starting'} | fixer ${e.fixer} | tests: ${e.testCommand}`);
        write(`loopgain: limits ${l.maxIterations} iterations, ${l.tokenLimit.toLocaleString('en-US')} tokens, ${Math.round(l.wallClockMs / 1000)}s wall clock${usd}`);
        for (const w of e.warnings) write(`loopgain: warning: ${w}`);
        return;
      }
      case 'tests.run':
        if (e.outcome !== 'completed') write(`  #${e.iteration} tests ${e.scope}: ${e.outcome}${e.problem ? ` — ${e.problem}` : ''}`);
        return;
      case 'signal': {
        const delta = lastError === undefined || !Number.isFinite(lastError) || !Number.isFinite(e.error) ? '' : ` (${e.error - lastError >= 0 ? '+' : ''}${e.error - lastError})`;
        lastError = e.error;
        const notes = [e.fixed.length > 0 ? `fixed ${e.fixed.length}` : '', e.regression ? `REGRESSION: ${e.newlyBroken.length} newly broken` : '', e.suspect ? `suspect: ${e.suspect}` : ''].filter(Boolean).join(', ');
        write(`  #${e.iteration}  E=${Number.isFinite(e.error) ? e.error : '∞'}${delta}${notes ? `  ${notes}` : ''}`);
        return;
      }
      case 'fixer.call':
        write(`      fixer: ${e.rationale ?? 'proposed edits'} [${seconds(e.durationMs)}${e.usage.inputTokens + e.usage.outputTokens > 0 ? `, ${e.usage.inputTokens + e.usage.outputTokens} tokens` : ''}]`);
        return;
      case 'edits.rejected':
        write(`      rejected (attempt ${e.attempt}): ${e.rejections.map((r) => r.reason).join('; ')}`);
        return;
      case 'approval.requested':
        write(`      approval requested: ${e.request.reasons.map((r) => r.reason).join('; ')}`);
        return;
      case 'approval.decided':
        write(`      approval ${e.decision}${e.why ? `: ${e.why}` : ''}`);
        return;
      case 'restore':
        write(`  restore: ${e.reason}`);
        return;
      case 'progress':
        write(`      no progress ${e.stalled}/${e.window}: ${e.why}`);
        return;
      case 'run.stop':
        write(`loopgain: ${e.status} — ${e.reason}`);
        write(`loopgain: best iteration ${e.bestIteration}; final check: ${Number.isFinite(e.finalError) ? e.finalError : 'no verdict'} failing. ${e.recommendedAction}`);
        return;
      default:
        return;
    }
  };
}
