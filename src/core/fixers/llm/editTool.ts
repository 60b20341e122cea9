/** The one tool a model is given. Its arguments are `{ edits, rationale? }`; validateEdits has the last word. */
export const EDIT_TOOL_NAME = 'propose_edits';

export const EDIT_TOOL_DESCRIPTION =
  'Propose the complete set of edits that fixes the failing tests. All edits are validated and applied together, or not at all.';

const str = (description: string) => ({ type: 'string', description });
const line = (description: string) => ({ type: 'integer', minimum: 1, description });
const kind = (name: string) => ({ type: 'string', enum: [name] });

/** The JSON Schema of a tool's input, in the shape both SDKs accept. */
export interface ToolInputSchema {
  [key: string]: unknown;
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
}

/** JSON Schema of the tool's input. `enum` of one value instead of `const`: older local servers only know `enum`. */
export const EDIT_TOOL_SCHEMA: ToolInputSchema = {
  type: 'object',
  properties: {
    edits: {
      type: 'array',
      minItems: 1,
      items: {
        anyOf: [
          {
            type: 'object',
            properties: { kind: kind('search-replace'), path: str('Workspace-relative path'), search: str('Exact existing text, whole lines, occurring once'), replace: str('Its new text') },
            required: ['kind', 'path', 'search', 'replace'],
            additionalProperties: false,
          },
          {
            type: 'object',
            properties: { kind: kind('replace-range'), path: str('Workspace-relative path'), startLine: line('First line replaced, 1-based'), endLine: line('Last line replaced, inclusive'), newText: str('The new text of those lines') },
            required: ['kind', 'path', 'startLine', 'endLine', 'newText'],
            additionalProperties: false,
          },
          {
            type: 'object',
            properties: { kind: kind('create-file'), path: str('Workspace-relative path of a file that does not exist yet'), content: str('The whole file') },
            required: ['kind', 'path', 'content'],
            additionalProperties: false,
          },
          {
            type: 'object',
            properties: { kind: kind('delete-file'), path: str('Workspace-relative path') },
            required: ['kind', 'path'],
            additionalProperties: false,
          },
        ],
      },
    },
    rationale: str('One paragraph: what was wrong and why these edits fix it'),
  },
  required: ['edits'],
  additionalProperties: false,
};

export interface ParsedAnswer {
  readonly edits: readonly unknown[];
  readonly rationale?: string;
}

/**
 * Checks the tool's arguments (an object, or the JSON text of one) have the tool's outer shape.
 * The edits themselves stay untyped: checkShape in validateEdits rejects a bad one with a reason
 * the model is shown, which is more useful than refusing the whole answer here.
 * Returns the answer, or why it is malformed.
 */
export function parseToolArguments(raw: unknown): ParsedAnswer | string {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return `the ${EDIT_TOOL_NAME} arguments are not valid JSON (${(error as Error).message})`;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `the ${EDIT_TOOL_NAME} arguments must be an object with an "edits" array`;
  const args = value as Record<string, unknown>;
  if (!Array.isArray(args.edits)) return `the ${EDIT_TOOL_NAME} arguments have no "edits" array`;
  if (args.rationale !== undefined && typeof args.rationale !== 'string') return '"rationale" must be a string';
  return typeof args.rationale === 'string' ? { edits: args.edits, rationale: args.rationale } : { edits: args.edits };
}
