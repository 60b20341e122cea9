import type { FixBudget, TokenUsage } from '../fixers/fixer';
import type { Limits } from './config';
import { estimateUsd, type CostPlan } from './pricing';

/** What a run has spent, carried across resumes. `activeMs` excludes time spent stopped. */
export interface Spend {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly usd: number;
  readonly activeMs: number;
}

export const NO_SPEND: Spend = Object.freeze({ inputTokens: 0, outputTokens: 0, usd: 0, activeMs: 0 });

/** A call is not worth making with fewer output tokens than this left. */
const MIN_OUTPUT_TOKENS = 256;

/**
 * The hard ceilings, checked before every fixer call and every edit. They cannot be switched off;
 * a resume may only extend them.
 */
export class Budget {
  private tokensIn: number;
  private tokensOut: number;
  private usd: number;
  private readonly activeBefore: number;
  private readonly sessionStart: number;

  constructor(
    readonly limits: Limits,
    private readonly cost: CostPlan,
    spent: Spend,
    private readonly now: () => number = Date.now,
  ) {
    this.tokensIn = spent.inputTokens;
    this.tokensOut = spent.outputTokens;
    this.usd = spent.usd;
    this.activeBefore = spent.activeMs;
    this.sessionStart = now();
  }

  get tokensUsed(): number {
    return this.tokensIn + this.tokensOut;
  }

  get elapsedMs(): number {
    return this.activeBefore + (this.now() - this.sessionStart);
  }

  add(usage: TokenUsage): void {
    this.tokensIn += usage.inputTokens;
    this.tokensOut += usage.outputTokens;
    if (this.cost.price) this.usd += estimateUsd(this.cost.price, usage);
  }

  /** The first ceiling reached, in words, or undefined while every one has room. */
  exhausted(iterationsDone: number): string | undefined {
    const l = this.limits;
    if (iterationsDone >= l.maxIterations) return `max iterations (${l.maxIterations}) reached`;
    if (this.tokensUsed >= l.tokenLimit) return `token limit (${l.tokenLimit.toLocaleString('en-US')}) reached: ${this.tokensUsed.toLocaleString('en-US')} used`;
    if (this.elapsedMs >= l.wallClockMs) return `wall-clock limit (${Math.round(l.wallClockMs / 1000)} s) reached`;
    if (this.cost.enforceUsd && l.costLimitUsd !== undefined && this.usd >= l.costLimitUsd) return `cost limit ($${l.costLimitUsd.toFixed(2)}) reached: ~$${this.usd.toFixed(4)} estimated`;
    return undefined;
  }

  /** The budget for one more fixer call, output clamped to what remains; undefined when no call fits. */
  forCall(): FixBudget | undefined {
    const remainingTokens = this.limits.tokenLimit - this.tokensUsed;
    let maxOutputTokens = Math.min(this.limits.maxOutputTokensPerCall, remainingTokens);
    if (this.cost.enforceUsd && this.cost.price && this.limits.costLimitUsd !== undefined) {
      const usdLeft = this.limits.costLimitUsd - this.usd;
      maxOutputTokens = Math.min(maxOutputTokens, Math.floor((usdLeft * 1_000_000) / this.cost.price.outputPerMTok));
    }
    if (maxOutputTokens < MIN_OUTPUT_TOKENS) return undefined;
    return { remainingTokens, maxOutputTokens };
  }

  snapshot(): Spend {
    return { inputTokens: this.tokensIn, outputTokens: this.tokensOut, usd: this.usd, activeMs: this.elapsedMs };
  }
}
