import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLlmServer, type FakeLlmServer } from '../../../../test/support/fakeLlmServer';
import type { FixRequest } from '../fixer';
import { createAnthropicFixer } from './anthropicFixer';

const request = (): FixRequest => ({
  goal: 'Make the tests pass',
  iteration: 1,
  attempt: 1,
  failingTests: [],
  sources: [],
  diffSoFar: '',
  failedApproaches: [],
  history: [],
  previousRejections: [],
  budget: { remainingTokens: 20_000, maxOutputTokens: 640 },
  signal: new AbortController().signal,
});

let server: FakeLlmServer;
beforeEach(async () => {
  server = await startFakeLlmServer();
});
afterEach(async () => {
  await server.close();
});

const fixer = (apiKey?: string) =>
  createAnthropicFixer({ baseURL: server.anthropicBaseURL, model: 'claude-test', apiKey, timeoutMs: 1_000, maxRetries: 0 });

describe('createAnthropicFixer', () => {
  it('sends the system prompt apart and forces the propose_edits tool', async () => {
    server.enqueue({ type: 'edits', edits: [{ kind: 'delete-file', path: 'a.ts' }] });
    const f = fixer('test-key-value');
    expect(f.id).toBe('anthropic:claude-test');
    await f.propose(request());
    const body = server.requests[0]?.body as { system: string; messages: { role: string; content: string }[]; tool_choice: unknown; tools: { name: string; input_schema: { type: string } }[]; max_tokens: number };
    expect(body.system).toMatch(/Fix the code under test, not the tests/);
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]?.content).toContain('Make the tests pass');
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'propose_edits' });
    expect(body.tools[0]?.input_schema.type).toBe('object');
    expect(body.max_tokens).toBe(640);
  });

  it('counts cached prompt tokens as input', async () => {
    const body = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-test',
      content: [{ type: 'tool_use', id: 'toolu_1', name: 'propose_edits', input: { edits: [{ kind: 'delete-file', path: 'a.ts' }] } }],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 10, cache_creation_input_tokens: 100, cache_read_input_tokens: 1000, output_tokens: 7 },
    };
    server.enqueue({ type: 'status', status: 200, body });
    expect((await fixer('test-key-value').propose(request())).usage).toEqual({ inputTokens: 1110, outputTokens: 7 });
  });

  it('says when an answer without edits was cut off at the output limit', async () => {
    server.enqueue({ type: 'text', text: 'Looking at the code, the', truncated: true, usage: { input: 80, output: 640 } });
    await expect(fixer('test-key-value').propose(request())).rejects.toMatchObject({ code: 'malformed-response', usage: { inputTokens: 80, outputTokens: 640 }, message: expect.stringMatching(/cut off at the output limit of 640/) });
  });

  it('gives auth without calling anything when no key is set', async () => {
    await expect(fixer().propose(request())).rejects.toMatchObject({ code: 'auth' });
    expect(server.requests).toHaveLength(0);
  });
});
