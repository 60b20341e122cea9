/** What a scrubbed secret is replaced with. */
export const REDACTED = '[redacted]';

// Key shapes worth scrubbing even when we were not told the key: OpenAI/Anthropic-style `sk-…`
// (servers often echo a masked or partial key), bearer tokens, and `api_key=…`-style pairs.
const SK_KEY = /\bsk-[A-Za-z0-9_*-]{6,}/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=*-]{6,}/gi;
const KEY_PAIR = /\b((?:x-)?api[_-]?key|authorization|access[_-]?token)(["']?\s*[:=]\s*["']?)[^\s"',;}&]{6,}/gi;

/**
 * Scrubs the given secrets, and anything shaped like a key, from a string that is about to leave a
 * provider (an error message, a log line, a trace entry). Secrets shorter than 4 characters are
 * ignored: replacing them would mangle ordinary text and they protect nothing.
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) out = out.split(form).join(REDACTED);
  }
  return out.replace(SK_KEY, REDACTED).replace(BEARER, `$1 ${REDACTED}`).replace(KEY_PAIR, `$1$2${REDACTED}`);
}
