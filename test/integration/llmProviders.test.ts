import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FixerError, type Fixer, type FixRequest } from '../../src/core/fixers/fixer';
import { gatherSources } from '../../src/core/fixers/gatherSources';
import { createAnthropicFixer } from '../../src/core/fixers/llm/anthropicFixer';
import { createOpenAiFixer } from '../../src/core/fixers/llm/openaiFixer';
import { proposeValidated, type ProposeOptions } from '../../src/core/fixers/proposeValidated';
import type { TestCase } from '../../src/core/tests/model';
import { NodeWorkspace } from '../../src/core/workspace/nodeWorkspace';
import { faults, startFakeLlmServer, type FakeLlmServer, type FakeStep, type RecordedRequest } from '../support/fakeLlmServer';

/**
 * Both provider fixers against a real HTTP server on 127.0.0.1, with a real workspace on disk:
 * every fault the fake server can inject, each with one clear outcome.
 */

const KEY = 'sk-loopgain-test-SECRET-1234';
const TIMEOUT_MS = 400;
const OUTPUT_LIMIT = 777;

const CALC = 'export function add(a: number, b: number): number {\n  return a - b;\n}\n';
const GOOD_EDIT = { kind: 'search-replace', path: 'src/calc.ts', search: '  return a - b;', replace: '  return a + b;' };
const good = (usage = { input: 120, output: 30 }): FakeStep => ({ type: 'edits', edits: [GOOD_EDIT], rationale: 'add, not subtract', usage });

const failingTest: TestCase = {
  id: 'tests/calc.test.ts::add › adds',
  file: 'tests/calc.test.ts',
  suitePath: ['add'],
  name: 'adds',
  status: 'failed',
  message: 'expected -1 to be 3',
  stack: [{ file: 'src/calc.ts', line: 2, inWorkspace: true }],
};

type Provider = 'openai' | 'anthropic';
interface FixerOverrides {
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  readonly baseURL?: string;
}

function makeFixer(provider: Provider, server: FakeLlmServer, overrides: FixerOverrides = {}): Fixer {
  const common = { model: `${provider}-test-model`, apiKey: KEY, timeoutMs: TIMEOUT_MS, maxRetries: 2, ...overrides };
  return provider === 'openai'
    ? createOpenAiFixer({ baseURL: server.openaiBaseURL, toolMode: 'tools', ...common })
    : createAnthropicFixer({ baseURL: server.anthropicBaseURL, ...common });
}

let server: FakeLlmServer;
let workspace: NodeWorkspace;
let captured: string[];

beforeEach(async () => {
  server = await startFakeLlmServer();
  const root = mkdtempSync(join(tmpdir(), 'loopgain-llm-'));
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'tests'));
  writeFileSync(join(root, 'src/calc.ts'), CALC);
  writeFileSync(join(root, 'tests/calc.test.ts'), "import { add } from '../src/calc';\nit('adds', () => expect(add(1, 2)).toBe(3));\n");
  workspace = new NodeWorkspace(root);
  // Everything printed during a test, to prove the key never reaches a console.
  captured = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void captured.push(args.map(String).join(' ')));
  }
});

afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
});

async function fixRequest(overrides: Partial<FixRequest> = {}): Promise<FixRequest> {
  return {
    goal: 'Make tests/calc.test.ts pass',
    iteration: 1,
    attempt: 1,
    failingTests: [failingTest],
    sources: await gatherSources([failingTest], workspace),
    diffSoFar: '',
    failedApproaches: [],
    history: [],
    previousRejections: [],
    budget: { remainingTokens: 50_000, maxOutputTokens: OUTPUT_LIMIT },
    signal: new AbortController().signal,
    ...overrides,
  };
}

async function proposeOptions(fixer: Fixer): Promise<ProposeOptions> {
  const { attempt: _a, previousRejections: _p, budget: _b, ...request } = await fixRequest();
  return { fixer, request, workspace, budgetFor: () => ({ remainingTokens: 50_000, maxOutputTokens: OUTPUT_LIMIT }) };
}

async function failure(promise: Promise<unknown>): Promise<FixerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FixerError);
  return error as FixerError;
}

const bodyOf = (r: RecordedRequest | undefined): Record<string, unknown> => (r?.body ?? {}) as Record<string, unknown>;

describe.each<Provider>(['openai', 'anthropic'])('%s fixer against the fake server', (provider) => {
  it('sends the prompt and the propose_edits tool, clamps the output, and reports the usage', async () => {
    server.enqueue(good({ input: 321, output: 54 }));
    const proposal = await makeFixer(provider, server).propose(await fixRequest());
    expect(proposal.edits).toEqual([GOOD_EDIT]);
    expect(proposal.rationale).toBe('add, not subtract');
    expect(proposal.usage).toEqual({ inputTokens: 321, outputTokens: 54 });

    const body = bodyOf(server.requests[0]);
    expect(server.requests[0]?.path).toBe(provider === 'openai' ? '/v1/chat/completions' : '/v1/messages');
    expect(body.max_tokens).toBe(OUTPUT_LIMIT);
    expect(body.model).toBe(`${provider}-test-model`);
    const tools = body.tools as { name?: string; function?: { name: string } }[];
    expect(tools.map((t) => t.function?.name ?? t.name)).toEqual(['propose_edits']);
    const raw = server.requests[0]?.rawBody ?? '';
    expect(raw).toContain('Make tests/calc.test.ts pass');
    expect(raw).toContain('return a - b;');
    expect(raw).toContain('expected -1 to be 3');
  });

  it('puts the key only in the auth header: not in the body, the URL or another header', async () => {
    server.enqueue(good());
    await makeFixer(provider, server).propose(await fixRequest());
    const request = server.requests[0]!;
    expect(request.rawBody).not.toContain(KEY);
    expect(request.path).not.toContain(KEY);
    const carrying = Object.entries(request.headers).filter(([, v]) => String(v).includes(KEY));
    expect(carrying).toHaveLength(1);
    expect(['authorization', 'x-api-key']).toContain(carrying[0]?.[0]);
  });

  it('retries a 429 (with retry-after) and then succeeds; the server saw both attempts', async () => {
    server.enqueue(faults.rateLimited(10), good());
    const proposal = await makeFixer(provider, server).propose(await fixRequest());
    expect(proposal.edits).toEqual([GOOD_EDIT]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('gives rate-limit when the 429s outlast the retries', async () => {
    server.enqueue(faults.rateLimited(10), faults.rateLimited(10), faults.rateLimited(10));
    const error = await failure(makeFixer(provider, server).propose(await fixRequest()));
    expect(error.code).toBe('rate-limit');
    expect(server.requests).toHaveLength(3);
  });

  it('gives quota for an insufficient_quota body', async () => {
    server.enqueue({ type: 'status', status: 429, message: 'You exceeded your current quota', errorType: 'insufficient_quota' });
    const error = await failure(makeFixer(provider, server, { maxRetries: 0 }).propose(await fixRequest()));
    expect(error.code).toBe('quota');
  });

  it('retries a 500 and then fails as server', async () => {
    server.enqueue(faults.serverError(), faults.serverError(), faults.serverError());
    const error = await failure(makeFixer(provider, server).propose(await fixRequest()));
    expect(error.code).toBe('server');
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    [403, 'permission'],
    [400, 'bad-request'],
    [404, 'bad-request'],
  ] as const)('does not retry a %i, which gives %s', async (status, code) => {
    server.enqueue({ type: 'status', status, message: 'no' }, good());
    const error = await failure(makeFixer(provider, server).propose(await fixRequest()));
    expect(error.code).toBe(code);
    expect(server.requests).toHaveLength(1);
  });

  it('gives timeout within the configured timeoutMs when the server never answers', async () => {
    server.enqueue(faults.timeout(), faults.timeout(), faults.timeout());
    const started = Date.now();
    const error = await failure(makeFixer(provider, server).propose(await fixRequest()));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 600);
  });

  it('cuts off an endless answer at the deadline', async () => {
    server.enqueue(faults.endless());
    const started = Date.now();
    const error = await failure(makeFixer(provider, server).propose(await fixRequest()));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 600);
  });

  it('gives cancelled quickly when the signal is aborted mid-call', async () => {
    server.enqueue(faults.timeout());
    const controller = new AbortController();
    const fixer = makeFixer(provider, server, { timeoutMs: 10_000 });
    const pending = fixer.propose(await fixRequest({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await failure(pending);
    expect(error.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('gives malformed-response for a body that is not JSON', async () => {
    server.enqueue(faults.malformedJson());
    const error = await failure(makeFixer(provider, server).propose(await fixRequest()));
    expect(error.code).toBe('malformed-response');
  });

  it('gives malformed-response, with the usage billed, for an answer without edits', async () => {
    server.enqueue({ type: 'text', text: 'I believe the bug is in add().', usage: { input: 200, output: 12 } });
    const error = await failure(makeFixer(provider, server).propose(await fixRequest()));
    expect(error.code).toBe('malformed-response');
    expect(error.message).toMatch(/did not call the propose_edits tool/);
    expect(error.usage).toEqual({ inputTokens: 200, outputTokens: 12 });
  });

  it('gives network when nothing listens at the address', async () => {
    const port = await freePort();
    const fixer = makeFixer(provider, server, { baseURL: provider === 'openai' ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`, maxRetries: 0 });
    const error = await failure(fixer.propose(await fixRequest()));
    expect(error.code).toBe('network');
  });

  it('gives auth for a 401, with the key nowhere: message, JSON, or console', async () => {
    // A hostile or careless server echoes the key back in its error.
    server.enqueue(faults.unauthorized(`Incorrect API key provided: ${KEY}. Authorization: Bearer ${KEY}`));
    const error = await failure(makeFixer(provider, server).propose(await fixRequest()));
    expect(error.code).toBe('auth');
    expect(server.requests).toHaveLength(1);
    expect(error.message).toContain('Incorrect API key provided');
    for (const text of [error.message, JSON.stringify(error), String(error), error.stack ?? '', captured.join('\n')]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('SECRET-1234');
    }
  });

  describe('through proposeValidated', () => {
    it('rejects an edit outside the workspace and feeds the reason back in the next request', async () => {
      server.enqueue(faults.outsideWorkspace(), good());
      const outcome = await proposeValidated(await proposeOptions(makeFixer(provider, server)));
      expect(outcome.status).toBe('ok');
      expect(outcome.attempts).toBe(2);
      const [rejection] = outcome.rejected[0] ?? [];
      expect(rejection?.code).toBe('path-outside-workspace');
      expect(server.requests).toHaveLength(2);
      expect(server.requests[0]?.rawBody).not.toContain('[path-outside-workspace]');
      const second = server.requests[1]?.rawBody ?? '';
      expect(second).toContain('[path-outside-workspace]');
      expect(second).toContain(JSON.stringify(rejection?.reason ?? 'missing').slice(1, -1));
      expect(second).toContain('attempt 2');
    });

    it('rejects an edit to a hallucinated file as file-missing', async () => {
      server.enqueue(faults.hallucinatedFile(), good());
      const outcome = await proposeValidated(await proposeOptions(makeFixer(provider, server)));
      expect(outcome.status).toBe('ok');
      expect(outcome.rejected[0]?.map((r) => r.code)).toEqual(['file-missing']);
      expect(server.requests[1]?.rawBody).toContain('[file-missing]');
    });

    it('rejects a search snippet that is not in the file as snippet-not-found', async () => {
      server.enqueue(faults.missingSnippet('src/calc.ts'), good());
      const outcome = await proposeValidated(await proposeOptions(makeFixer(provider, server)));
      expect(outcome.status).toBe('ok');
      expect(outcome.rejected[0]?.map((r) => r.code)).toEqual(['snippet-not-found']);
      expect(server.requests[1]?.rawBody).toContain('[snippet-not-found]');
    });

    it('gives plan-invalid after three bad attempts, with the usage of all three', async () => {
      server.enqueue(faults.outsideWorkspace(), faults.hallucinatedFile(), faults.malformedJson());
      const outcome = await proposeValidated(await proposeOptions(makeFixer(provider, server)));
      expect(outcome.status).toBe('plan-invalid');
      expect(outcome.attempts).toBe(3);
      expect(outcome.rejected.map((r) => r[0]?.code)).toEqual(['path-outside-workspace', 'file-missing', 'malformed']);
      expect(outcome.usage).toEqual({ inputTokens: 240, outputTokens: 60 });
      expect(server.requests).toHaveLength(3);
    });
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}
