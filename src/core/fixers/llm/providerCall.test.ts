import { describe, expect, it } from 'vitest';
import { FixerError } from '../fixer';
import { codeForStatus, fixerErrorFrom, isToolsRejection, withDeadline } from './providerCall';

describe('codeForStatus', () => {
  it.each([
    [401, {}, 'auth'],
    [403, {}, 'permission'],
    [429, { message: 'slow down' }, 'rate-limit'],
    [429, { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' }, 'quota'],
    [400, { type: 'error', error: { type: 'billing_error', message: 'Your credit balance is too low' } }, 'quota'],
    [402, {}, 'quota'],
    [408, {}, 'timeout'],
    [500, {}, 'server'],
    [529, { type: 'overloaded_error' }, 'server'],
    [400, {}, 'bad-request'],
    [404, {}, 'bad-request'],
    [422, {}, 'bad-request'],
  ] as const)('%i %j → %s', (status, body, code) => {
    expect(codeForStatus(status, body)).toBe(code);
  });
});

describe('fixerErrorFrom', () => {
  it('keeps the server message, without the key', () => {
    const error = fixerErrorFrom({ kind: 'status', status: 401, message: 'raw', body: { message: 'Incorrect API key provided: my-secret-key-value' } }, 'openai:m', ['my-secret-key-value']);
    expect(error.code).toBe('auth');
    expect(error.message).toContain('Incorrect API key provided');
    expect(error.message).not.toContain('my-secret-key-value');
  });

  it('maps connection failures and unparseable bodies', () => {
    expect(fixerErrorFrom({ kind: 'connection', message: 'ECONNREFUSED' }, 'x', []).code).toBe('network');
    expect(fixerErrorFrom({ kind: 'timeout' }, 'x', []).code).toBe('timeout');
    expect(fixerErrorFrom({ kind: 'unparseable', message: 'Unexpected end' }, 'x', []).code).toBe('malformed-response');
  });
});

describe('isToolsRejection', () => {
  it('is a 400 that talks about tools, nothing else', () => {
    expect(isToolsRejection({ kind: 'status', status: 400, message: '400 registry.ollama.ai/library/x does not support tools', body: undefined })).toBe(true);
    expect(isToolsRejection({ kind: 'status', status: 400, message: '400', body: { message: '"tool_choice" is not supported' } })).toBe(true);
    expect(isToolsRejection({ kind: 'status', status: 400, message: '400 max_tokens too large', body: {} })).toBe(false);
    expect(isToolsRejection({ kind: 'status', status: 500, message: 'tools crashed', body: {} })).toBe(false);
  });
});

describe('withDeadline', () => {
  const never = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted late')), { once: true }));
  const classify = () => new FixerError('network', 'classified');

  it('turns the deadline into a timeout, and aborts the work', async () => {
    let seen: AbortSignal | undefined;
    const started = Date.now();
    const error = await withDeadline({ signal: new AbortController().signal, timeoutMs: 50 }, 'x', (s) => ((seen = s), never(s)), classify).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(seen?.aborted).toBe(true);
  });

  it('turns the caller’s abort into cancelled, even when the work ignores the signal', async () => {
    const caller = new AbortController();
    setTimeout(() => caller.abort(), 20);
    const error = await withDeadline({ signal: caller.signal, timeoutMs: 5_000 }, 'x', () => new Promise<never>(() => undefined), classify).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled' });
  });

  it('refuses to start when already cancelled, and classifies other failures', async () => {
    const caller = new AbortController();
    caller.abort();
    let ran = false;
    await expect(withDeadline({ signal: caller.signal, timeoutMs: 100 }, 'x', async () => (ran = true), classify)).rejects.toMatchObject({ code: 'cancelled' });
    expect(ran).toBe(false);
    await expect(withDeadline({ signal: new AbortController().signal, timeoutMs: 100 }, 'x', async () => Promise.reject(new Error('boom')), classify)).rejects.toMatchObject({ code: 'network' });
    await expect(withDeadline({ signal: new AbortController().signal, timeoutMs: 100 }, 'x', async () => 7, classify)).resolves.toBe(7);
  });
});
