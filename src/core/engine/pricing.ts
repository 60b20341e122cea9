import type { TokenUsage } from '../fixers/fixer';

/** What to do when the pricing table is older than `STALE_AFTER_DAYS`. */
export type StalenessPolicy = 'warn' | 'token-only' | 'refuse';

export interface ModelPrice {
  /** USD per million input tokens. */
  readonly inputPerMTok: number;
  /** USD per million output tokens. */
  readonly outputPerMTok: number;
}

/** Prices change; the table says when it was true. Tokens are always the authoritative budget. */
export interface PricingTable {
  /** YYYY-MM-DD: the day these list prices were read off the providers' pages. */
  readonly asOf: string;
  readonly models: Readonly<Record<string, ModelPrice>>;
}

export const STALE_AFTER_DAYS = 90;

/**
 * Public list prices of a few common models as of the date given. It is old by design the day it
 * ships: pass your own table (`--pricing FILE`, or the `loopgain.pricingTable` setting) for money limits you rely on.
 */
export const DEFAULT_PRICING: PricingTable = {
  asOf: '2025-06-01',
  models: {
    'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
    'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
    'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
    'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
    'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
    'claude-opus-4': { inputPerMTok: 15, outputPerMTok: 75 },
    'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4 },
  },
};

export function pricingAgeDays(table: PricingTable, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${table.asOf}T00:00:00Z`)) / 86_400_000);
}

/** The price of a model, matched by exact name or by the longest known prefix (dated model names). */
export function priceOf(table: PricingTable, model: string | undefined): ModelPrice | undefined {
  if (!model) return undefined;
  const name = model.toLowerCase().replace(/^.*\//, '');
  if (Object.hasOwn(table.models, name)) return table.models[name];
  const prefix = Object.keys(table.models)
    .filter((k) => name.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? table.models[prefix] : undefined;
}

export function estimateUsd(price: ModelPrice, usage: TokenUsage): number {
  return (usage.inputTokens * price.inputPerMTok + usage.outputTokens * price.outputPerMTok) / 1_000_000;
}

export interface CostPlan {
  /** Estimate USD with this price (undefined: no USD estimate at all). */
  readonly price?: ModelPrice;
  /** Enforce the USD ceiling (false when the table is stale under token-only, or the model is unknown). */
  readonly enforceUsd: boolean;
  readonly warnings: readonly string[];
  /** Set when the run must not start (refuse policy with a stale table and a USD ceiling). */
  readonly refusal?: string;
}

/** Decides, once per run, how money is estimated and limited given the table's age and the policy. */
export function planCost(table: PricingTable, model: string | undefined, costLimitUsd: number | undefined, policy: StalenessPolicy, now: Date): CostPlan {
  const price = priceOf(table, model);
  const age = pricingAgeDays(table, now);
  const stale = age > STALE_AFTER_DAYS;
  const warnings: string[] = [];
  if (model && !price) warnings.push(`no price for model "${model}" in the pricing table (as of ${table.asOf}): spend is limited by tokens only`);
  if (!stale || !price) return { price, enforceUsd: costLimitUsd !== undefined && price !== undefined, warnings };
  const staleNote = `the pricing table is ${age} days old (as of ${table.asOf})`;
  switch (policy) {
    case 'warn':
      warnings.push(`${staleNote}: USD figures are estimates at those prices`);
      return { price, enforceUsd: costLimitUsd !== undefined, warnings };
    case 'token-only':
      warnings.push(`${staleNote}: USD is neither estimated nor limited (policy token-only); tokens are the budget`);
      return { enforceUsd: false, warnings };
    case 'refuse':
      if (costLimitUsd !== undefined) return { price, enforceUsd: false, warnings, refusal: `${staleNote} and a USD ceiling is set with staleness policy "refuse": update the table or choose "warn"/"token-only"` };
      warnings.push(`${staleNote}: no USD ceiling is set, so the run proceeds`);
      return { price, enforceUsd: false, warnings };
  }
}
