import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING, estimateUsd, planCost, priceOf, pricingAgeDays, type PricingTable, type StalenessPolicy } from './pricing';

const GPT_4O = { inputPerMTok: 2.5, outputPerMTok: 10 };
const GPT_4O_MINI = { inputPerMTok: 0.15, outputPerMTok: 0.6 };
const SONNET = { inputPerMTok: 3, outputPerMTok: 15 };

// DEFAULT_PRICING is as of 2025-06-01: day 90 is 2025-08-30, day 91 is 2025-08-31.
const FRESH = new Date('2025-08-30T12:00:00Z');
const STALE = new Date('2025-08-31T00:00:00Z');

describe('priceOf', () => {
  it('matches an exact name, case-insensitively', () => {
    expect(priceOf(DEFAULT_PRICING, 'gpt-4o')).toEqual(GPT_4O);
    expect(priceOf(DEFAULT_PRICING, 'GPT-4o')).toEqual(GPT_4O);
    expect(priceOf(DEFAULT_PRICING, 'claude-sonnet-4')).toEqual(SONNET);
  });

  it('matches dated model names by the longest known prefix', () => {
    expect(priceOf(DEFAULT_PRICING, 'gpt-4o-2024-08-06')).toEqual(GPT_4O);
    // Both gpt-4o and gpt-4o-mini are prefixes: the longer one wins.
    expect(priceOf(DEFAULT_PRICING, 'gpt-4o-mini-2024-07-18')).toEqual(GPT_4O_MINI);
    expect(priceOf(DEFAULT_PRICING, 'claude-sonnet-4-20250514')).toEqual(SONNET);
  });

  it('drops a provider prefix', () => {
    expect(priceOf(DEFAULT_PRICING, 'openai/gpt-4o')).toEqual(GPT_4O);
    expect(priceOf(DEFAULT_PRICING, 'openrouter/anthropic/claude-sonnet-4-20250514')).toEqual(SONNET);
  });

  it('answers undefined for an unknown model, a shorter name, or no model', () => {
    expect(priceOf(DEFAULT_PRICING, 'llama-3-70b')).toBeUndefined();
    expect(priceOf(DEFAULT_PRICING, 'gpt-4')).toBeUndefined();
    expect(priceOf(DEFAULT_PRICING, undefined)).toBeUndefined();
    expect(priceOf(DEFAULT_PRICING, '')).toBeUndefined();
  });

  // Regression test (bug found by these tests, since fixed): the lookup `table.models[name]` also finds Object.prototype members, so a model called
  // "constructor" (or "toString", "__proto__", …) gets a function or object as its "price":
  // estimateUsd then yields NaN and `NaN >= costLimitUsd` never trips the USD ceiling.
  it('does not take Object.prototype members for prices', () => {
    expect(priceOf(DEFAULT_PRICING, 'constructor')).toBeUndefined();
    expect(priceOf(DEFAULT_PRICING, 'toString')).toBeUndefined();
  });
});

describe('estimateUsd', () => {
  it('prices input and output tokens per million', () => {
    // (1000 × 2.5 + 500 × 10) / 1e6 = 7500 / 1e6
    expect(estimateUsd(GPT_4O, { inputTokens: 1000, outputTokens: 500 })).toBeCloseTo(0.0075, 12);
    // 1M in × $15 + 1M out × $75
    expect(estimateUsd({ inputPerMTok: 15, outputPerMTok: 75 }, { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(90);
    expect(estimateUsd(GPT_4O, { inputTokens: 0, outputTokens: 0 })).toBe(0);
  });
});

describe('pricingAgeDays', () => {
  const table: PricingTable = { asOf: '2025-06-01', models: {} };
  it('counts whole days since the table date (UTC midnight)', () => {
    expect(pricingAgeDays(table, new Date('2025-06-01T00:00:00Z'))).toBe(0);
    expect(pricingAgeDays(table, new Date('2025-06-01T23:59:59Z'))).toBe(0);
    expect(pricingAgeDays(table, new Date('2025-06-02T00:00:00Z'))).toBe(1);
    expect(pricingAgeDays(table, FRESH)).toBe(90);
    expect(pricingAgeDays(table, STALE)).toBe(91);
    expect(pricingAgeDays(table, new Date('2026-06-01T00:00:00Z'))).toBe(365);
  });
});

describe('planCost', () => {
  const policies: StalenessPolicy[] = ['warn', 'token-only', 'refuse'];

  it.each(policies)('with a table 90 days old (not stale), policy %s is irrelevant: estimate, and enforce a ceiling if set', (policy) => {
    expect(planCost(DEFAULT_PRICING, 'gpt-4o', 5, policy, FRESH)).toEqual({ price: GPT_4O, enforceUsd: true, warnings: [] });
    expect(planCost(DEFAULT_PRICING, 'gpt-4o', undefined, policy, FRESH)).toEqual({ price: GPT_4O, enforceUsd: false, warnings: [] });
  });

  const staleNote = 'the pricing table is 91 days old (as of 2025-06-01)';

  it('warn, stale: estimates and enforces the ceiling, with a warning', () => {
    const warning = `${staleNote}: USD figures are estimates at those prices`;
    expect(planCost(DEFAULT_PRICING, 'gpt-4o', 5, 'warn', STALE)).toEqual({ price: GPT_4O, enforceUsd: true, warnings: [warning] });
    expect(planCost(DEFAULT_PRICING, 'gpt-4o', undefined, 'warn', STALE)).toEqual({ price: GPT_4O, enforceUsd: false, warnings: [warning] });
  });

  it('token-only, stale: neither estimates nor enforces, with or without a ceiling', () => {
    const warning = `${staleNote}: USD is neither estimated nor limited (policy token-only); tokens are the budget`;
    for (const ceiling of [5, undefined]) {
      const plan = planCost(DEFAULT_PRICING, 'gpt-4o', ceiling, 'token-only', STALE);
      expect(plan).toEqual({ enforceUsd: false, warnings: [warning] });
      expect(plan.price).toBeUndefined();
      expect(plan.refusal).toBeUndefined();
    }
  });

  it('refuse, stale, with a ceiling: the run must not start', () => {
    const plan = planCost(DEFAULT_PRICING, 'gpt-4o', 5, 'refuse', STALE);
    expect(plan.enforceUsd).toBe(false);
    expect(plan.warnings).toEqual([]);
    expect(plan.refusal).toBe(`${staleNote} and a USD ceiling is set with staleness policy "refuse": update the table or choose "warn"/"token-only"`);
  });

  it('refuse, stale, without a ceiling: proceeds with estimates and a warning', () => {
    expect(planCost(DEFAULT_PRICING, 'gpt-4o', undefined, 'refuse', STALE)).toEqual({
      price: GPT_4O,
      enforceUsd: false,
      warnings: [`${staleNote}: no USD ceiling is set, so the run proceeds`],
    });
  });

  it('an unknown model: tokens only, never refused, whatever the age and policy', () => {
    const warning = 'no price for model "llama-3" in the pricing table (as of 2025-06-01): spend is limited by tokens only';
    for (const now of [FRESH, STALE]) {
      for (const policy of policies) {
        const plan = planCost(DEFAULT_PRICING, 'llama-3', 5, policy, now);
        expect(plan).toEqual({ price: undefined, enforceUsd: false, warnings: [warning] });
      }
    }
  });

  it('no model at all: no estimate and no warning', () => {
    expect(planCost(DEFAULT_PRICING, undefined, 5, 'refuse', STALE)).toEqual({ price: undefined, enforceUsd: false, warnings: [] });
  });
});
