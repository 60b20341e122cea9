import * as vscode from 'vscode';
import { FixerError, type FixProposal, type Fixer, type FixRequest } from '../../core/fixers/fixer';
import { buildContext } from '../../core/fixers/llm/contextBuilder';
import { EDIT_TOOL_DESCRIPTION, EDIT_TOOL_NAME, EDIT_TOOL_SCHEMA } from '../../core/fixers/llm/editTool';
import { readAnswer, type ToolCall } from '../../core/fixers/llm/readAnswer';

/**
 * A fixer on VS Code's Language Model API: the user's own chat models, their consent, their quota.
 * Same prompt and answer format as the other model fixers; tokens are counted with the model's own
 * `countTokens`; cancellation goes through a CancellationToken tied to the run's AbortSignal.
 */
export function createLanguageModelFixer(model: vscode.LanguageModelChat): Fixer {
  return {
    id: `vscode-lm:${model.vendor}/${model.family}`,
    async propose(request: FixRequest): Promise<FixProposal> {
      const context = buildContext(request, { mode: 'tools', maxInputTokens: model.maxInputTokens });
      const messages = [vscode.LanguageModelChatMessage.User(`${context.system}\n\n${context.user}`)];
      const cancel = new vscode.CancellationTokenSource();
      const onAbort = (): void => cancel.cancel();
      request.signal.addEventListener('abort', onAbort, { once: true });
      let text = '';
      const calls: ToolCall[] = [];
      let inputTokens = 0;
      try {
        inputTokens = await model.countTokens(messages[0] as vscode.LanguageModelChatMessage, cancel.token);
        const response = await model.sendRequest(
          messages,
          {
            justification: 'LoopGain asks the model for edits that make your failing tests pass.',
            tools: [{ name: EDIT_TOOL_NAME, description: EDIT_TOOL_DESCRIPTION, inputSchema: EDIT_TOOL_SCHEMA }],
            toolMode: vscode.LanguageModelChatToolMode.Required,
            modelOptions: { max_tokens: request.budget.maxOutputTokens },
          },
          cancel.token,
        );
        for await (const part of response.stream) {
          if (part instanceof vscode.LanguageModelTextPart) text += part.value;
          else if (part instanceof vscode.LanguageModelToolCallPart) calls.push({ name: part.name, input: part.input });
        }
      } catch (error) {
        throw toFixerError(error, request.signal, inputTokens);
      } finally {
        request.signal.removeEventListener('abort', onAbort);
        cancel.dispose();
      }
      const answered = text + JSON.stringify(calls.map((c) => c.input));
      const outputTokens = await Promise.resolve(model.countTokens(answered)).catch(() => Math.ceil(answered.length / 4));
      const usage = { inputTokens, outputTokens };
      const answer = readAnswer('tools', text, calls);
      if (typeof answer === 'string') throw new FixerError('malformed-response', answer, usage);
      return { edits: answer.edits, usage, rationale: answer.rationale };
    },
  };
}

/** Consent, quota and a vanished model end the iteration with a clear status, never a crash. */
function toFixerError(error: unknown, signal: AbortSignal, inputTokens: number): FixerError {
  const usage = { inputTokens, outputTokens: 0 };
  if (signal.aborted || error instanceof vscode.CancellationError) return new FixerError('cancelled', 'the model request was cancelled', usage);
  if (error instanceof vscode.LanguageModelError) {
    if (error.code === vscode.LanguageModelError.NoPermissions.name) return new FixerError('permission', 'the Language Model API was not allowed to use this model (no consent given)', usage);
    if (error.code === vscode.LanguageModelError.Blocked.name) return new FixerError('quota', `the model refused the request (blocked or over quota): ${error.message}`, usage);
    if (error.code === vscode.LanguageModelError.NotFound.name) return new FixerError('unavailable', 'the selected chat model is no longer available', usage);
    return new FixerError('server', `the Language Model API failed: ${error.message}`, usage);
  }
  return new FixerError('server', `the model request failed: ${(error as Error).message ?? String(error)}`, usage);
}

/** The chat model the settings name (id or family), or the first available one. */
export async function pickChatModel(preferred: string | undefined): Promise<vscode.LanguageModelChat | undefined> {
  const all = await vscode.lm.selectChatModels();
  if (all.length === 0) return undefined;
  return all.find((m) => m.id === preferred || m.family === preferred) ?? all[0];
}
