import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { FixProposal, Fixer, FixRequest, TokenUsage } from '../fixer';
import { buildContext } from './contextBuilder';
import { EDIT_TOOL_DESCRIPTION, EDIT_TOOL_NAME, EDIT_TOOL_SCHEMA } from './editTool';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, outputLimit, type LlmFixerOptions } from './llmOptions';
import { fixerErrorFrom, isToolsRejection, safeError, withDeadline, type SdkFailure } from './providerCall';
import type { AnswerMode } from './promptTemplate';
import { readAnswer } from './readAnswer';
import { estimateTokens } from './tokenEstimate';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAiFixerOptions extends LlmFixerOptions {
  /** Defaults to OpenAI's own endpoint; Ollama, LM Studio and vLLM serve the same API at their own. */
  readonly baseURL?: string;
  /**
   * 'tools' always sends the propose_edits tool; 'text' never does, and parses the edit-block format;
   * 'auto' (the default) sends tools and switches to text for good when the server answers 400 about them.
   */
  readonly toolMode?: 'auto' | 'tools' | 'text';
  /** The output limit's field: OpenAI's own API wants max_completion_tokens, most local servers max_tokens. */
  readonly tokenLimitParam?: 'max_tokens' | 'max_completion_tokens';
}

/** A fixer on any OpenAI-compatible chat-completions endpoint. */
export function createOpenAiFixer(options: OpenAiFixerOptions): Fixer {
  const id = `openai:${options.model}`;
  const secrets = [options.apiKey];
  const baseURL = options.baseURL ?? OPENAI_BASE_URL;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tokenParam = options.tokenLimitParam ?? (new URL(baseURL).hostname === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens');
  const client = new OpenAI({
    baseURL,
    // Local servers need no key; the SDK insists on one, so a placeholder is given and its header removed.
    apiKey: options.apiKey ?? 'none',
    defaultHeaders: options.apiKey ? undefined : { Authorization: null },
    // Explicit nulls: nothing is read from OPENAI_* environment variables and sent to a server we did not choose.
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    logLevel: 'off',
  });
  let toolsRejected = options.toolMode === 'text';

  const failureOf = (error: unknown): SdkFailure => {
    if (error instanceof APIConnectionTimeoutError) return { kind: 'timeout' };
    if (error instanceof APIConnectionError) return { kind: 'connection', message: error.message };
    if (error instanceof APIError && error.status !== undefined) return { kind: 'status', status: error.status, message: error.message, body: error.error };
    if (error instanceof SyntaxError) return { kind: 'unparseable', message: error.message };
    return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  };

  const call = async (request: FixRequest, mode: AnswerMode, signal: AbortSignal): Promise<FixProposal> => {
    const context = buildContext(request, { mode, historyVerbatim: options.historyVerbatim, maxInputTokens: options.maxInputTokens });
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: options.model,
      messages: [
        { role: 'system', content: context.system },
        { role: 'user', content: context.user },
      ],
      [tokenParam]: outputLimit(request),
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      ...(mode === 'tools'
        ? {
            tools: [{ type: 'function' as const, function: { name: EDIT_TOOL_NAME, description: EDIT_TOOL_DESCRIPTION, parameters: EDIT_TOOL_SCHEMA } }],
            tool_choice: 'required' as const,
          }
        : {}),
    };
    const completion = await client.chat.completions.create(body, { signal });
    return readCompletion(completion, mode, estimateTokens(context.system) + estimateTokens(context.user), request);
  };

  const readCompletion = (completion: ChatCompletion, mode: AnswerMode, promptEstimate: number, request: FixRequest): FixProposal => {
    const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
    const content = typeof choice?.message?.content === 'string' ? choice.message.content : '';
    const calls = (choice?.message?.tool_calls ?? []).flatMap((c) => (c.type === 'function' ? [c.function] : []));
    // Some local servers report no usage: fall back to the estimate so budgets still hold.
    const usage: TokenUsage = {
      inputTokens: completion?.usage?.prompt_tokens ?? promptEstimate,
      outputTokens: completion?.usage?.completion_tokens ?? estimateTokens(content + calls.map((c) => c.arguments ?? '').join('')),
    };
    const malformed = (reason: string) => {
      const cut = choice?.finish_reason === 'length' ? ` (the answer was cut off at the output limit of ${outputLimit(request)} tokens)` : '';
      return safeError('malformed-response', `${id}: ${reason}${cut}`, secrets, usage);
    };
    if (!choice?.message) throw malformed('the response has no message');
    const answer = readAnswer(mode, content, calls.map((c) => ({ name: c.name, input: c.arguments })));
    if (typeof answer === 'string') throw malformed(answer);
    return { edits: answer.edits, usage, ...(answer.rationale ? { rationale: answer.rationale } : {}) };
  };

  return {
    id,
    async propose(request: FixRequest): Promise<FixProposal> {
      return withDeadline(
        { signal: request.signal, timeoutMs },
        id,
        async (signal) => {
          if (toolsRejected) return call(request, 'text', signal);
          try {
            return await call(request, 'tools', signal);
          } catch (error) {
            if (options.toolMode === 'tools' || !isToolsRejection(failureOf(error))) throw error;
            toolsRejected = true;
            return call(request, 'text', signal);
          }
        },
        (error) => fixerErrorFrom(failureOf(error), id, secrets),
      );
    },
  };
}
