import { describe, expect, it } from 'vitest';
import { Budget, NO_SPEND } from './budget';
import type { Limits } from './config';
import type { CostPlan } from './pricing';

const limits = (over: Partial<Limits> = {}): Limits => ({
  maxIterations: 5,
  tokenLimit: 10_000,
  wallClockMs: 60_000,
  pricingStaleness: 'warn',
  maxOutputTokensPerCall: 4096,
  ...over,
});

// Prices chosen so that every USD figure below is exact in binary floating point.
const PRICE = { inputPerMTok: 1, outputPerMTok: 100 };
const TOKENS_ONLY: CostPlan = { enforceUsd: false, warnings: [] };
const USD: CostPlan = { price: PRICE, enforceUsd: true, warnings: [] };
const USD_NOT_ENFORCED: CostPlan = { price: PRICE, enforceUsd: false, warnings: [] };

const clock = (start = 1000): { now: () => number; advance: (ms: number) => void } => {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
};

describe('Budget.exhausted', () => {
  it('trips on iterations', () => {
    const b = new Budget(limits(), TOKENS_ONLY, NO_SPEND, clock().now);
    expect(b.exhausted(4)).toBeUndefined();
    expect(b.exhausted(5)).toBe('max iterations (5) reached');
    expect(b.exhausted(6)).toBe('max iterations (5) reached');
  });

  it('trips on tokens (input + output)', () => {
    const b = new Budget(limits(), TOKENS_ONLY, NO_SPEND, clock().now);
    b.add({ inputTokens: 6000, outputTokens: 3999 });
    expect(b.tokensUsed).toBe(9999);
    expect(b.exhausted(0)).toBeUndefined();
    b.add({ inputTokens: 0, outputTokens: 1 });
    expect(b.exhausted(0)).toBe('token limit (10,000) reached: 10,000 used');
  });

  it('trips on wall clock, with an injected clock', () => {
    const c = clock();
    const b = new Budget(limits(), TOKENS_ONLY, NO_SPEND, c.now);
    c.advance(59_999);
    expect(b.elapsedMs).toBe(59_999);
    expect(b.exhausted(0)).toBeUndefined();
    c.advance(1);
    expect(b.exhausted(0)).toBe('wall-clock limit (60 s) reached');
  });

  it('trips on USD when enforced', () => {
    const b = new Budget(limits({ tokenLimit: 1_000_000, costLimitUsd: 0.5 }), USD, NO_SPEND, clock().now);
    b.add({ inputTokens: 250_000, outputTokens: 0 }); // $0.25
    expect(b.exhausted(0)).toBeUndefined();
    b.add({ inputTokens: 0, outputTokens: 2500 }); // + 2500 × 100 / 1e6 = $0.25
    expect(b.snapshot().usd).toBe(0.5);
    expect(b.exhausted(0)).toBe('cost limit ($0.50) reached: ~$0.5000 estimated');
  });

  it('does not trip on USD when not enforced, though it still estimates it', () => {
    const b = new Budget(limits({ tokenLimit: 1_000_000, costLimitUsd: 0.5 }), USD_NOT_ENFORCED, NO_SPEND, clock().now);
    b.add({ inputTokens: 1_000_000 - 1, outputTokens: 0 });
    expect(b.snapshot().usd).toBeCloseTo(1, 5);
    expect(b.exhausted(0)).toBeUndefined();
  });

  it('without a price, no USD is counted', () => {
    const b = new Budget(limits({ costLimitUsd: 0.5 }), TOKENS_ONLY, NO_SPEND, clock().now);
    b.add({ inputTokens: 5000, outputTokens: 4000 });
    expect(b.snapshot().usd).toBe(0);
  });

  it('reports iterations first when several ceilings are reached', () => {
    const c = clock();
    const b = new Budget(limits(), TOKENS_ONLY, NO_SPEND, c.now);
    b.add({ inputTokens: 10_000, outputTokens: 0 });
    c.advance(60_000);
    expect(b.exhausted(5)).toBe('max iterations (5) reached');
    expect(b.exhausted(0)).toMatch(/^token limit/);
  });
});

describe('Budget.forCall', () => {
  it('gives the per-call cap while plenty remains', () => {
    const b = new Budget(limits(), TOKENS_ONLY, NO_SPEND, clock().now);
    expect(b.forCall()).toEqual({ remainingTokens: 10_000, maxOutputTokens: 4096 });
  });

  it('clamps output to the tokens that remain, and refuses below 256', () => {
    const b = new Budget(limits(), TOKENS_ONLY, NO_SPEND, clock().now);
    b.add({ inputTokens: 7000, outputTokens: 0 });
    expect(b.forCall()).toEqual({ remainingTokens: 3000, maxOutputTokens: 3000 });
    b.add({ inputTokens: 2744, outputTokens: 0 });
    expect(b.forCall()).toEqual({ remainingTokens: 256, maxOutputTokens: 256 });
    b.add({ inputTokens: 1, outputTokens: 0 });
    expect(b.forCall()).toBeUndefined();
  });

  it('clamps output to what the USD left can buy when enforced', () => {
    const b = new Budget(limits({ tokenLimit: 1_000_000, costLimitUsd: 0.5 }), USD, NO_SPEND, clock().now);
    b.add({ inputTokens: 250_000, outputTokens: 0 }); // $0.25 left → 0.25 × 1e6 / 100 = 2500 output tokens
    expect(b.forCall()).toEqual({ remainingTokens: 750_000, maxOutputTokens: 2500 });
  });

  it('returns undefined when the USD left buys fewer than 256 output tokens', () => {
    const b = new Budget(limits({ tokenLimit: 1_000_000, costLimitUsd: 0.5 }), USD, NO_SPEND, clock().now);
    b.add({ inputTokens: 484_375, outputTokens: 0 }); // $0.484375 spent, $0.015625 left → 156.25 tokens
    expect(b.exhausted(0)).toBeUndefined();
    expect(b.forCall()).toBeUndefined();
  });

  it('ignores USD when it is not enforced', () => {
    const b = new Budget(limits({ tokenLimit: 1_000_000, costLimitUsd: 0.5 }), USD_NOT_ENFORCED, NO_SPEND, clock().now);
    b.add({ inputTokens: 484_375, outputTokens: 0 });
    expect(b.forCall()).toEqual({ remainingTokens: 515_625, maxOutputTokens: 4096 });
  });
});

describe('Budget spend carry-over', () => {
  it('starts from a previous snapshot and accumulates active time across sessions', () => {
    const c1 = clock(1000);
    const first = new Budget(limits({ tokenLimit: 1_000_000, costLimitUsd: 10 }), USD, { inputTokens: 100, outputTokens: 50, usd: 0.25, activeMs: 30_000 }, c1.now);
    expect(first.tokensUsed).toBe(150);
    expect(first.elapsedMs).toBe(30_000);
    c1.advance(5000);
    first.add({ inputTokens: 250_000, outputTokens: 0 }); // + $0.25
    const snap = first.snapshot();
    expect(snap).toEqual({ inputTokens: 250_100, outputTokens: 50, usd: 0.5, activeMs: 35_000 });

    // Time between sessions (the run was stopped) does not count.
    const c2 = clock(9_999_999);
    const second = new Budget(limits({ tokenLimit: 1_000_000, wallClockMs: 60_000 }), TOKENS_ONLY, snap, c2.now);
    expect(second.elapsedMs).toBe(35_000);
    c2.advance(24_999);
    expect(second.exhausted(0)).toBeUndefined();
    c2.advance(1);
    expect(second.exhausted(0)).toBe('wall-clock limit (60 s) reached');
    expect(second.snapshot()).toEqual({ inputTokens: 250_100, outputTokens: 50, usd: 0.5, activeMs: 60_000 });
  });
});
