import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faults, startFakeLlmServer, type FakeLlmServer } from '../../../../test/support/fakeLlmServer';
import { FixerError, type FixRequest } from '../fixer';
import { createOpenAiFixer, type OpenAiFixerOptions } from './openaiFixer';

const EDIT = { kind: 'search-replace', path: 'src/calc.ts', search: 'a - b', replace: 'a + b' };
const BLOCKS = 'Use addition.\n\n```edit\nsearch-replace: src/calc.ts\n<<<<<<< SEARCH\na - b\n=======\na + b\n>>>>>>> REPLACE\n```\n';
const NO_TOOLS = { type: 'status', status: 400, message: 'registry.ollama.ai/library/tiny:latest does not support tools' } as const;

const request = (): FixRequest => ({
  goal: 'Make the tests pass',
  iteration: 1,
  attempt: 1,
  failingTests: [],
  sources: [{ path: 'src/calc.ts', startLine: 1, text: 'const add = (a, b) => a - b;\n', wholeFile: true, totalLines: 1 }],
  diffSoFar: '',
  failedApproaches: [],
  history: [],
  previousRejections: [],
  budget: { remainingTokens: 20_000, maxOutputTokens: 900 },
  signal: new AbortController().signal,
});

let server: FakeLlmServer;
beforeEach(async () => {
  server = await startFakeLlmServer();
});
afterEach(async () => {
  await server.close();
});

const fixer = (options: Partial<OpenAiFixerOptions> = {}) => createOpenAiFixer({ baseURL: server.openaiBaseURL, model: 'tiny', timeoutMs: 1_000, maxRetries: 0, ...options });
const bodyAt = (i: number): Record<string, unknown> => (server.requests[i]?.body ?? {}) as Record<string, unknown>;
const fail = async (p: Promise<unknown>): Promise<FixerError> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FixerError);
  return error as FixerError;
};

describe('createOpenAiFixer', () => {
  it('is named after the model', () => {
    expect(fixer().id).toBe('openai:tiny');
  });

  it('in text mode sends no tools, teaches the edit-block format, and parses it', async () => {
    server.enqueue({ type: 'text', text: BLOCKS, usage: { input: 50, output: 20 } });
    const proposal = await fixer({ toolMode: 'text' }).propose(request());
    expect(proposal).toEqual({ edits: [EDIT], rationale: 'Use addition.', usage: { inputTokens: 50, outputTokens: 20 } });
    expect(bodyAt(0).tools).toBeUndefined();
    expect(server.requests[0]?.rawBody).toContain('<<<<<<< SEARCH');
  });

  it('in text mode gives malformed-response with the parser’s reason and the usage', async () => {
    server.enqueue({ type: 'text', text: '```edit\nsearch-replace: src/calc.ts\na + b\n```', usage: { input: 50, output: 9 } });
    const error = await fail(fixer({ toolMode: 'text' }).propose(request()));
    expect(error.code).toBe('malformed-response');
    expect(error.message).toMatch(/expected "<<<<<<< SEARCH"/);
    expect(error.usage).toEqual({ inputTokens: 50, outputTokens: 9 });
  });

  it('in auto mode falls back to text when the server refuses tools, and stays there', async () => {
    server.enqueue(NO_TOOLS, { type: 'text', text: BLOCKS }, { type: 'text', text: BLOCKS });
    const f = fixer();
    expect((await f.propose(request())).edits).toEqual([EDIT]);
    expect(bodyAt(0).tools).toBeDefined();
    expect(bodyAt(1).tools).toBeUndefined();
    expect((await f.propose(request())).edits).toEqual([EDIT]);
    expect(server.requests).toHaveLength(3);
    expect(bodyAt(2).tools).toBeUndefined();
  });

  it('in tools mode, or for a 400 about something else, does not fall back', async () => {
    server.enqueue(NO_TOOLS, { type: 'status', status: 400, message: 'max_tokens is too large' });
    expect((await fail(fixer({ toolMode: 'tools' }).propose(request()))).code).toBe('bad-request');
    expect((await fail(fixer({ toolMode: 'auto' }).propose(request()))).code).toBe('bad-request');
    expect(server.requests).toHaveLength(2);
  });

  it('clamps output with max_tokens by default and max_completion_tokens when asked', async () => {
    server.enqueue(faults.outsideWorkspace(), faults.outsideWorkspace());
    await fixer().propose(request());
    await fixer({ tokenLimitParam: 'max_completion_tokens' }).propose(request());
    expect(bodyAt(0).max_tokens).toBe(900);
    expect(bodyAt(0).max_completion_tokens).toBeUndefined();
    expect(bodyAt(1).max_completion_tokens).toBe(900);
    expect(bodyAt(1).max_tokens).toBeUndefined();
  });

  it('sends no authorization header to a local server when no key is set', async () => {
    server.enqueue(faults.outsideWorkspace());
    await fixer().propose(request());
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('gives malformed-response with usage for tool arguments that are not JSON, and says when the answer was cut off', async () => {
    server.enqueue({ type: 'tool-arguments', raw: '{"edits": [{"kind": "search-re', usage: { input: 70, output: 900 } });
    const error = await fail(fixer().propose(request()));
    expect(error.code).toBe('malformed-response');
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.usage).toEqual({ inputTokens: 70, outputTokens: 900 });

    server.enqueue({ type: 'text', text: 'Let me think', truncated: true });
    expect((await fail(fixer({ toolMode: 'text' }).propose(request()))).message).toMatch(/cut off at the output limit of 900 tokens/);
  });

  it('estimates the usage when the server reports none', async () => {
    const body = { choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: BLOCKS } }] };
    server.enqueue({ type: 'status', status: 200, body });
    const proposal = await fixer({ toolMode: 'text' }).propose(request());
    expect(proposal.usage.inputTokens).toBeGreaterThan(100);
    expect(proposal.usage.outputTokens).toBe(Math.ceil(BLOCKS.length / 4));
  });
});
