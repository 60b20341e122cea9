import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 (random port) that speaks just enough of the OpenAI chat-completions
 * and Anthropic Messages APIs for the provider fixers: it plays a script, one step per request, and
 * records every request (headers included) so tests can assert what was sent.
 */

export interface FakeUsage {
  readonly input: number;
  readonly output: number;
}

export type FakeStep =
  /** A well-formed answer calling propose_edits with these edits (OpenAI tool_calls / Anthropic tool_use). */
  | { readonly type: 'edits'; readonly edits: readonly unknown[]; readonly rationale?: string; readonly usage?: FakeUsage }
  /** A well-formed answer whose tool arguments are this raw string (OpenAI only: Anthropic's input is an object). */
  | { readonly type: 'tool-arguments'; readonly raw: string; readonly usage?: FakeUsage }
  /** A plain-text answer, no tool call. */
  | { readonly type: 'text'; readonly text: string; readonly usage?: FakeUsage; readonly truncated?: boolean }
  /** An error status with a JSON body in the endpoint's shape (or `body` as given). */
  | { readonly type: 'status'; readonly status: number; readonly message?: string; readonly errorType?: string; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> }
  /** Accepts the request and never answers. */
  | { readonly type: 'hang' }
  /** 200 with a JSON content type and a body that is not JSON. */
  | { readonly type: 'malformed-json' }
  /** 200, then body bytes forever (until the client goes away, or a safety cap). */
  | { readonly type: 'endless' };

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  /** The parsed JSON body, or undefined when it was not JSON. */
  readonly body: unknown;
}

export interface FakeLlmServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** baseURL for the OpenAI SDK. */
  readonly openaiBaseURL: string;
  /** baseURL for the Anthropic SDK (it appends /v1/messages). */
  readonly anthropicBaseURL: string;
  readonly requests: RecordedRequest[];
  /** Appends steps to the script. */
  enqueue(...steps: FakeStep[]): void;
  /** Steps not yet played. */
  remaining(): number;
  close(): Promise<void>;
}

const DEFAULT_USAGE: FakeUsage = { input: 120, output: 30 };
/** An endless answer stops by itself after this long, so a broken test cannot leave it running. */
const ENDLESS_CAP_MS = 15_000;

/** Ready-made faults. The last four are valid HTTP with bad content, for validation or the deadline to catch. */
export const faults = {
  rateLimited: (retryAfterMs = 10): FakeStep => ({
    type: 'status',
    status: 429,
    message: 'Rate limit reached, please retry',
    errorType: 'rate_limit_error',
    headers: { 'retry-after-ms': String(retryAfterMs), 'retry-after': String(retryAfterMs / 1000) },
  }),
  serverError: (retryAfterMs = 10): FakeStep => ({ type: 'status', status: 500, message: 'Internal server error', errorType: 'api_error', headers: { 'retry-after-ms': String(retryAfterMs) } }),
  unauthorized: (message = 'Invalid API key'): FakeStep => ({ type: 'status', status: 401, message, errorType: 'authentication_error' }),
  timeout: (): FakeStep => ({ type: 'hang' }),
  malformedJson: (): FakeStep => ({ type: 'malformed-json' }),
  outsideWorkspace: (): FakeStep => ({ type: 'edits', edits: [{ kind: 'create-file', path: '../../etc/passwd', content: 'root::0:0::/:/bin/sh\n' }] }),
  hallucinatedFile: (): FakeStep => ({ type: 'edits', edits: [{ kind: 'search-replace', path: 'src/doesNotExist.ts', search: 'a', replace: 'b' }] }),
  missingSnippet: (path: string): FakeStep => ({ type: 'edits', edits: [{ kind: 'search-replace', path, search: 'this text is nowhere in the file', replace: 'x' }] }),
  endless: (): FakeStep => ({ type: 'endless' }),
};

type Endpoint = 'openai' | 'anthropic';

export async function startFakeLlmServer(script: readonly FakeStep[] = []): Promise<FakeLlmServer> {
  const queue = [...script];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let served = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, rawBody, body });
      const endpoint = endpointOf(req);
      if (!endpoint) return sendJson(res, 404, { error: { message: `fake server: no route for ${req.method} ${req.url}` } });
      const step = queue.shift();
      served++;
      if (!step) return sendJson(res, 500, errorBody(endpoint, 'fake server: script exhausted', 'api_error'), { 'x-should-retry': 'false' });
      play(step, endpoint, served, body, res, timers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseURL: `${url}/v1`,
    anthropicBaseURL: url,
    requests,
    enqueue: (...steps) => queue.push(...steps),
    remaining: () => queue.length,
    close: async () => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function endpointOf(req: IncomingMessage): Endpoint | undefined {
  if (req.method !== 'POST') return undefined;
  const path = (req.url ?? '').split('?')[0];
  if (path === '/v1/chat/completions') return 'openai';
  if (path === '/v1/messages') return 'anthropic';
  return undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function errorBody(endpoint: Endpoint, message: string, type: string): unknown {
  return endpoint === 'openai' ? { error: { message, type, code: type } } : { type: 'error', error: { type, message } };
}

function play(step: FakeStep, endpoint: Endpoint, n: number, request: unknown, res: ServerResponse, timers: Set<NodeJS.Timeout>): void {
  const model = typeof request === 'object' && request !== null && typeof (request as { model?: unknown }).model === 'string' ? (request as { model: string }).model : 'fake-model';
  switch (step.type) {
    case 'edits': {
      const input = step.rationale === undefined ? { edits: step.edits } : { edits: step.edits, rationale: step.rationale };
      return sendJson(res, 200, answer(endpoint, n, model, { toolInput: input }, step.usage ?? DEFAULT_USAGE));
    }
    case 'tool-arguments':
      return sendJson(res, 200, answer(endpoint, n, model, { rawArguments: step.raw }, step.usage ?? DEFAULT_USAGE));
    case 'text':
      return sendJson(res, 200, answer(endpoint, n, model, { text: step.text, truncated: step.truncated }, step.usage ?? DEFAULT_USAGE));
    case 'status':
      return sendJson(res, step.status, step.body ?? errorBody(endpoint, step.message ?? `status ${step.status}`, step.errorType ?? 'error'), step.headers);
    case 'hang':
      return; // the request stays open until the client gives up or the server closes
    case 'malformed-json': {
      const text = '{"id": "broken", "choices": [ {"message": ';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    case 'endless': {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id": "endless", "choices": [{"message": {"role": "assistant", "content": "');
      const started = Date.now();
      const timer = setInterval(() => {
        if (res.destroyed || Date.now() - started > ENDLESS_CAP_MS) {
          clearInterval(timer);
          timers.delete(timer);
          res.destroy();
          return;
        }
        res.write('blah '.repeat(200));
      }, 10);
      timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
      return;
    }
  }
}

interface AnswerContent {
  readonly toolInput?: unknown;
  readonly rawArguments?: string;
  readonly text?: string;
  readonly truncated?: boolean;
}

function answer(endpoint: Endpoint, n: number, model: string, content: AnswerContent, usage: FakeUsage): unknown {
  const toolCalled = content.toolInput !== undefined || content.rawArguments !== undefined;
  if (endpoint === 'openai') {
    const toolCalls = toolCalled
      ? [{ id: `call_${n}`, type: 'function', function: { name: 'propose_edits', arguments: content.rawArguments ?? JSON.stringify(content.toolInput) } }]
      : undefined;
    return {
      id: `chatcmpl-fake-${n}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [
        {
          index: 0,
          finish_reason: content.truncated ? 'length' : toolCalled ? 'tool_calls' : 'stop',
          message: { role: 'assistant', content: content.text ?? null, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        },
      ],
      usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
    };
  }
  const blocks: unknown[] = [];
  if (content.text !== undefined) blocks.push({ type: 'text', text: content.text });
  if (toolCalled) blocks.push({ type: 'tool_use', id: `toolu_${n}`, name: 'propose_edits', input: content.toolInput ?? content.rawArguments });
  return {
    id: `msg_fake_${n}`,
    type: 'message',
    role: 'assistant',
    model,
    content: blocks,
    stop_reason: content.truncated ? 'max_tokens' : toolCalled ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: usage.input, output_tokens: usage.output },
  };
}
