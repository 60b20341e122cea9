import type { FixRequest } from '../fixer';

/** Options every LLM provider fixer takes. */
export interface LlmFixerOptions {
  readonly model: string;
  /** Never logged, traced or put in a message: see redact.ts. Optional for local OpenAI-compatible servers. */
  readonly apiKey?: string;
  /** Deadline of one propose() call, retries and the whole answer included. */
  readonly timeoutMs?: number;
  /** SDK retries on 408/409/429/5xx and connection errors, with backoff (or the server's retry-after). */
  readonly maxRetries?: number;
  readonly temperature?: number;
  /** Earlier iterations kept verbatim in the prompt (contextBuilder's K). */
  readonly historyVerbatim?: number;
  /** The model's input limit, when smaller than what the run's budget allows. */
  readonly maxInputTokens?: number;
}

/** A slow local model on a CPU may need minutes for one answer. */
export const DEFAULT_TIMEOUT_MS = 180_000;
export const DEFAULT_MAX_RETRIES = 3;

/** The call's output cap: the engine's clamp, as a positive integer the APIs accept. */
export function outputLimit(request: FixRequest): number {
  return Math.max(1, Math.floor(request.budget.maxOutputTokens));
}
