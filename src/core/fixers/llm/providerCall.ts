import { FixerError, type FixerErrorCode, type TokenUsage } from '../fixer';
import { redact } from './redact';

/** An SDK failure in SDK-neutral terms: each provider maps its own error classes into this. */
export type SdkFailure =
  | { readonly kind: 'status'; readonly status: number; readonly message: string; readonly body: unknown }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'connection'; readonly message: string }
  | { readonly kind: 'unparseable'; readonly message: string }
  | { readonly kind: 'other'; readonly message: string };

const MAX_MESSAGE_CHARS = 300;
const NO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0 };

/** Bodies that say the account is out of money rather than momentarily throttled. */
const QUOTA_MARKERS = /insufficient_quota|billing_error|credit balance|exceeded your current quota/i;

export function codeForStatus(status: number, body: unknown): FixerErrorCode {
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
  if (status === 402 || QUOTA_MARKERS.test(text)) return 'quota';
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'bad-request';
}

const STATUS_WORDS: Partial<Record<FixerErrorCode, string>> = {
  auth: 'the API key was refused',
  permission: 'the API key may not use this model or endpoint',
  quota: 'the account is out of quota or credit',
  'rate-limit': 'rate-limited, and still so after the retries',
  server: 'the server failed, and still did after the retries',
  timeout: 'the server timed the request out',
  'bad-request': 'the server refused the request',
};

const clip = (text: string): string => (text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text);

/**
 * A FixerError for a failed call. Every message that leaves a provider goes through here or
 * `safeError`, so the key (and anything shaped like one) is scrubbed; the SDK error itself is never
 * attached, since it carries headers and request options.
 */
export function fixerErrorFrom(failure: SdkFailure, fixerId: string, secrets: readonly (string | undefined)[]): FixerError {
  switch (failure.kind) {
    case 'status': {
      const code = codeForStatus(failure.status, failure.body);
      return safeError(code, `${fixerId}: ${STATUS_WORDS[code] ?? 'request failed'} (HTTP ${failure.status}): ${serverMessage(failure.body) ?? failure.message}`, secrets);
    }
    case 'timeout':
      return safeError('timeout', `${fixerId}: the request timed out`, secrets);
    case 'connection':
      return safeError('network', `${fixerId}: could not reach the server: ${failure.message}`, secrets);
    case 'unparseable':
      return safeError('malformed-response', `${fixerId}: the response is not valid JSON: ${failure.message}`, secrets);
    case 'other':
      return safeError('bad-request', `${fixerId}: ${failure.message}`, secrets);
  }
}

/** The server's own words in an error body: OpenAI's `{ message }` / Anthropic's `{ error: { message } }`. */
function serverMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { message?: unknown; error?: { message?: unknown } };
  if (typeof b.message === 'string') return b.message;
  return typeof b.error?.message === 'string' ? b.error.message : undefined;
}

/** A FixerError whose message is redacted and clipped. */
export function safeError(code: FixerErrorCode, message: string, secrets: readonly (string | undefined)[], usage: TokenUsage = NO_USAGE): FixerError {
  return new FixerError(code, clip(redact(message, secrets)), usage);
}

/** A 400 that says the server or model does not do tool calling: the cue for the text fallback. */
export function isToolsRejection(failure: SdkFailure): boolean {
  if (failure.kind !== 'status' || failure.status !== 400) return false;
  return /\btools?\b|tool_choice|function.?call/i.test(`${failure.message} ${JSON.stringify(failure.body) ?? ''}`);
}

export interface CallLimits {
  /** The caller's cancellation. */
  readonly signal: AbortSignal;
  /** The deadline of the whole call, retries and body included. */
  readonly timeoutMs: number;
}

/**
 * Runs an SDK call under the caller's signal and an overall deadline. The SDKs' own timeout covers
 * one attempt up to the response headers, and their backoff sleeps do not all listen to the signal,
 * so the call is raced against the abort: a cancelled or overdue call settles at once (the SDK's
 * late rejection is swallowed), and an endless body is cut off with the connection.
 */
export async function withDeadline<T>(limits: CallLimits, fixerId: string, run: (signal: AbortSignal) => Promise<T>, classify: (error: unknown) => FixerError): Promise<T> {
  if (limits.signal.aborted) throw new FixerError('cancelled', `${fixerId}: cancelled before the call`);
  const controller = new AbortController();
  let timedOut = false;
  const cancel = (): void => controller.abort(new Error('cancelled'));
  limits.signal.addEventListener('abort', cancel, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('deadline'));
  }, limits.timeoutMs);
  const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
  try {
    const work = run(controller.signal);
    work.catch(() => undefined);
    return await Promise.race([work, stopped]);
  } catch (error) {
    if (limits.signal.aborted) throw new FixerError('cancelled', `${fixerId}: cancelled`);
    if (timedOut) throw new FixerError('timeout', `${fixerId}: no complete answer within ${limits.timeoutMs} ms`);
    throw error instanceof FixerError ? error : classify(error);
  } finally {
    clearTimeout(timer);
    limits.signal.removeEventListener('abort', cancel);
  }
}
