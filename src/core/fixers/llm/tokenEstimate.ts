/**
 * Estimated tokens of a text: characters / 4, rounded up. The BPE tokenizers of OpenAI and Anthropic
 * models average 3.5–4.5 characters per token on English and code, so this is a budget estimate,
 * not a count; the provider's reported usage is what gets charged. No tokenizer package is bundled:
 * they are large, model-specific, and the estimate only has to decide what to trim.
 */
export const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}
