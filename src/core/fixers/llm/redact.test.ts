import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from './redact';

const KEY = 'sk-loopgain-test-SECRET-1234';

describe('redact', () => {
  it('scrubs a given secret everywhere, also URL-encoded', () => {
    const secret = 'my key/with+odd=chars';
    const out = redact(`a ${secret} b ${encodeURIComponent(secret)} c ${secret}`, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`);
  });

  it('scrubs key shapes it was not told about: sk- keys, masked keys, bearer tokens, key pairs', () => {
    expect(redact(`Incorrect API key provided: ${KEY}.`)).toBe(`Incorrect API key provided: ${REDACTED}.`);
    expect(redact('Incorrect API key provided: sk-proj-abc1*****wxyz')).not.toMatch(/abc1|wxyz/);
    expect(redact('Authorization: Bearer abcdef123456')).not.toContain('abcdef123456');
    expect(redact('url?api_key=abcdef123456&x=1')).toBe(`url?api_key=${REDACTED}&x=1`);
    expect(redact('{"x-api-key": "abcdef123456"}')).not.toContain('abcdef123456');
  });

  it('leaves ordinary text alone and ignores secrets too short to matter', () => {
    const text = 'HTTP 401: invalid api key; see https://example.invalid/docs (sk- prefix expected)';
    expect(redact(text, ['', undefined, 'ab'])).toBe(text);
  });

  it('scrubs a secret given twice, or found by both rules, without leaving a trace', () => {
    const out = redact(`401 ${KEY} / Bearer ${KEY}`, [KEY, KEY]);
    expect(out).not.toContain('SECRET');
    expect(out).not.toContain('1234');
  });
});
