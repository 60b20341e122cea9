import type { LoopEvent } from './events';
import type { IterationRecord, RunState } from './runState';
import { STATUS_INFO } from './statuses';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const num = (e: number): string => (Number.isFinite(e) ? String(e) : 'no verdict');

/**
 * "Why did it stop?" as markdown: the status and what to do next, the decision chain that led
 * there (controller verdicts, regressions, guards, approvals), the signals, and the iteration table.
 */
export function renderExplain(state: RunState, events: readonly LoopEvent[] = []): string {
  const stop = state.stop;
  const lines: string[] = [`# LoopGain run ${state.id}`, ''];
  if (stop) {
    const info = STATUS_INFO[stop.status];
    lines.push(
      `**${stop.status}** — ${info.meaning}.`,
      '',
      `- **Why:** ${stop.reason}`,
      `- **Best iteration:** ${stop.bestIteration} (${num(state.iterations[stop.bestIteration]?.error ?? Number.NaN)} failing); after the final check: ${num(stop.finalError)} failing`,
      `- **Resumable:** ${(stop.resumable ?? info.resumable) ? 'yes' : 'no'}`,
      `- **Next:** ${info.recommendedAction}`,
    );
    if (stop.controllerReason) lines.push(`- **Controller:** ${stop.controllerReason}`);
  } else {
    lines.push('**Still running, or stopped without a record** (a crash): `loopgain resume` continues from the last saved iteration.');
  }
  const spent = state.spent;
  const limits = state.config.limits;
  lines.push(
    '',
    '## Budget',
    '',
    `- Iterations: ${state.iterations.length} of ${limits.maxIterations}`,
    `- Tokens: ${(spent.inputTokens + spent.outputTokens).toLocaleString('en-US')} of ${limits.tokenLimit.toLocaleString('en-US')} (${spent.inputTokens.toLocaleString('en-US')} in, ${spent.outputTokens.toLocaleString('en-US')} out)`,
    `- Wall clock: ${Math.round(spent.activeMs / 1000)} s of ${Math.round(limits.wallClockMs / 1000)} s` + (spent.usd > 0 ? `; ~$${spent.usd.toFixed(4)} estimated` : ''),
    '',
    '## Decision chain',
    '',
    ...decisionChain(state, events),
    '',
    '## Iterations',
    '',
    '| # | failing | tests run | fixed | newly broken | controller | Aβ | edits | note |',
    '|---|---|---|---|---|---|---|---|---|',
    ...state.iterations.map(row),
  );
  if (state.failedApproaches.length > 0) {
    lines.push('', '## Approaches that made things worse', '', ...state.failedApproaches.map((a) => `- iteration ${a.iteration}: ${a.change} → ${a.effect}`));
  }
  return `${lines.join('\n')}\n`;
}

function row(i: IterationRecord): string {
  return `| ${i.iteration} | ${num(i.error)} | ${i.scope} | ${i.fixed.length} | ${i.newlyBroken.length} | ${i.controllerState} | ${i.gain === undefined ? '' : i.gain.toFixed(2)} | ${cell(i.edits.join('; '))} | ${cell(i.suspect ? `suspect: ${i.suspect}` : '')} |`;
}

/** The events that explain the path to the stop, one line each, in order. */
function decisionChain(state: RunState, events: readonly LoopEvent[]): string[] {
  const chain: string[] = [];
  for (const e of events) {
    switch (e.kind) {
      case 'controller':
        chain.push(`- iteration ${e.iteration}: controller **${e.state}**${e.terminal ? ' (stop)' : ''} — ${e.reason}`);
        break;
      case 'signal':
        if (e.regression) chain.push(`- iteration ${e.iteration}: regression — newly broken: ${e.newlyBroken.join(', ')}`);
        if (e.suspect) chain.push(`- iteration ${e.iteration}: verifier guard — ${e.suspect} (never counted as the best)`);
        break;
      case 'progress':
        chain.push(`- iteration ${e.iteration}: no progress ${e.stalled}/${e.window} — ${e.why}`);
        break;
      case 'edits.rejected':
        chain.push(`- iteration ${e.iteration}, attempt ${e.attempt}: edits rejected — ${e.rejections.map((r) => r.reason).join('; ')}`);
        break;
      case 'approval.decided':
        chain.push(`- iteration ${e.iteration}: approval ${e.requestId} **${e.decision}**${e.by ? ` by ${e.by}` : ''}${e.why ? ` — ${e.why}` : ''}`);
        break;
      case 'restore':
        chain.push(`- restored iteration ${e.iteration}: ${e.reason}`);
        break;
      case 'warning':
        chain.push(`- warning: ${e.message}`);
        break;
      case 'run.stop':
        chain.push(`- **stop: ${e.status}** — ${e.reason}`);
        break;
      default:
        break;
    }
  }
  if (chain.length === 0) {
    for (const i of state.iterations) chain.push(`- iteration ${i.iteration}: ${num(i.error)} failing, controller ${i.controllerState}`);
  }
  return chain;
}
