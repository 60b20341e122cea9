import { parseEditBlocks } from './editBlocks';
import { EDIT_TOOL_NAME, parseToolArguments, type ParsedAnswer } from './editTool';
import type { AnswerMode } from './promptTemplate';

/** A tool call as both APIs give it: OpenAI's arguments are JSON text, Anthropic's input an object. */
export interface ToolCall {
  readonly name: string;
  readonly input: unknown;
}

/**
 * The edits in a model's answer, or why there are none. In text mode the text must be edit blocks.
 * In tools mode every call must be propose_edits (several are merged); a model that answered in text
 * instead is given the benefit of the doubt if its text happens to be valid edit blocks.
 */
export function readAnswer(mode: AnswerMode, text: string, calls: readonly ToolCall[]): ParsedAnswer | string {
  if (mode === 'text') return parseEditBlocks(text);
  if (calls.length === 0) {
    const fromText = parseEditBlocks(text);
    return typeof fromText === 'string' ? `the answer did not call the ${EDIT_TOOL_NAME} tool` : fromText;
  }
  const parsed = calls.map((c) => (c.name === EDIT_TOOL_NAME ? parseToolArguments(c.input) : `the answer called an unknown tool ${JSON.stringify(c.name)}`));
  const bad = parsed.find((p): p is string => typeof p === 'string');
  if (bad !== undefined) return bad;
  const answers = parsed as readonly ParsedAnswer[];
  const edits = answers.flatMap((a) => a.edits);
  // The tool's rationale first; prose the model wrote beside the call is a fair stand-in.
  const rationale = answers.flatMap((a) => (a.rationale ? [a.rationale] : [])).join('\n\n') || text.trim();
  return rationale === '' ? { edits } : { edits, rationale };
}
