import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import type { Message, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import { FixerError, type FixProposal, type Fixer, type FixRequest, type TokenUsage } from '../fixer';
import { buildContext } from './contextBuilder';
import { EDIT_TOOL_DESCRIPTION, EDIT_TOOL_NAME, EDIT_TOOL_SCHEMA } from './editTool';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, outputLimit, type LlmFixerOptions } from './llmOptions';
import { fixerErrorFrom, safeError, withDeadline, type SdkFailure } from './providerCall';
import { readAnswer } from './readAnswer';
import { estimateTokens } from './tokenEstimate';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

export interface AnthropicFixerOptions extends LlmFixerOptions {
  /** Defaults to Anthropic's own endpoint (a proxy or gateway may serve the same API elsewhere). */
  readonly baseURL?: string;
}

/** A fixer on the Anthropic Messages API, answering through the propose_edits tool. */
export function createAnthropicFixer(options: AnthropicFixerOptions): Fixer {
  const id = `anthropic:${options.model}`;
  const secrets = [options.apiKey];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Without a key the SDK would look in ANTHROPIC_* variables and profile files; the caller decides instead.
  const client = options.apiKey
    ? new Anthropic({
        baseURL: options.baseURL ?? ANTHROPIC_BASE_URL,
        apiKey: options.apiKey,
        timeout: timeoutMs,
        maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
        logLevel: 'off',
        // The SDK's own spans would record errors and prompts beside ours: LoopGain keeps its own trace.
        openTelemetry: false,
      })
    : undefined;

  const failureOf = (error: unknown): SdkFailure => {
    if (error instanceof APIConnectionTimeoutError) return { kind: 'timeout' };
    if (error instanceof APIConnectionError) return { kind: 'connection', message: error.message };
    if (error instanceof APIError && error.status !== undefined) return { kind: 'status', status: error.status, message: error.message, body: error.error };
    if (error instanceof SyntaxError) return { kind: 'unparseable', message: error.message };
    return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  };

  const readMessage = (message: Message, promptEstimate: number, request: FixRequest): FixProposal => {
    const blocks = Array.isArray(message?.content) ? message.content : [];
    const text = blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n');
    const calls = blocks.flatMap((b) => (b.type === 'tool_use' ? [{ name: b.name, input: b.input }] : []));
    const reported = message?.usage;
    // Cached prompt tokens are input too: the budget counts everything the model read.
    const usage: TokenUsage = {
      inputTokens: reported ? (reported.input_tokens ?? 0) + (reported.cache_creation_input_tokens ?? 0) + (reported.cache_read_input_tokens ?? 0) : promptEstimate,
      outputTokens: reported?.output_tokens ?? estimateTokens(text + JSON.stringify(calls)),
    };
    if (blocks.length === 0) throw safeError('malformed-response', `${id}: the response has no content`, secrets, usage);
    const answer = readAnswer('tools', text, calls);
    if (typeof answer === 'string') {
      const cut = message.stop_reason === 'max_tokens' ? ` (the answer was cut off at the output limit of ${outputLimit(request)} tokens)` : '';
      throw safeError('malformed-response', `${id}: ${answer}${cut}`, secrets, usage);
    }
    return { edits: answer.edits, usage, ...(answer.rationale ? { rationale: answer.rationale } : {}) };
  };

  return {
    id,
    async propose(request: FixRequest): Promise<FixProposal> {
      if (!client) throw new FixerError('auth', `${id}: no API key is set`);
      return withDeadline(
        { signal: request.signal, timeoutMs },
        id,
        async (signal) => {
          const context = buildContext(request, { mode: 'tools', historyVerbatim: options.historyVerbatim, maxInputTokens: options.maxInputTokens });
          const body: MessageCreateParamsNonStreaming = {
            model: options.model,
            max_tokens: outputLimit(request),
            system: context.system,
            messages: [{ role: 'user', content: context.user }],
            tools: [{ name: EDIT_TOOL_NAME, description: EDIT_TOOL_DESCRIPTION, input_schema: EDIT_TOOL_SCHEMA }],
            tool_choice: { type: 'tool', name: EDIT_TOOL_NAME },
            ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
          };
          const message = await client.messages.create(body, { signal });
          return readMessage(message, estimateTokens(context.system) + estimateTokens(context.user), request);
        },
        (error) => fixerErrorFrom(failureOf(error), id, secrets),
      );
    },
  };
}
