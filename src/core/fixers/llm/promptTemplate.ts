import fixPromptTemplate from './fixPrompt.md';

/** How the model answers: through the propose_edits tool, or in the plain-text edit-block format. */
export type AnswerMode = 'tools' | 'text';

export interface RenderedPrompt {
  readonly system: string;
  readonly user: string;
  readonly version: number;
}

const USER_MARKER = /^<!--\s*section:\s*user\s*-->\s*$/m;
const VERSION = /<!--\s*prompt-version:\s*(\d+)\s*-->/;

/** The template's version header, so a trace can say which wording a model saw. */
export function promptVersion(template: string = fixPromptTemplate): number {
  const match = VERSION.exec(template);
  if (!match?.[1]) throw new Error('the prompt template has no <!-- prompt-version: N --> header');
  return Number(match[1]);
}

/**
 * Fills the template: keeps the answer-format section for `mode`, drops comments, then replaces
 * every `{{name}}` in one pass, so a value that itself contains `{{…}}` (source code) is left as it is.
 */
export function renderPrompt(values: Readonly<Record<string, string>>, mode: AnswerMode, template: string = fixPromptTemplate): RenderedPrompt {
  const version = promptVersion(template);
  const parts = template.split(USER_MARKER);
  if (parts.length !== 2) throw new Error('the prompt template needs exactly one <!-- section: user --> marker');
  const [system, user] = parts.map((part) => fill(shape(part, mode), values)) as [string, string];
  return { system, user, version };
}

function shape(part: string, mode: AnswerMode): string {
  const other: AnswerMode = mode === 'tools' ? 'text' : 'tools';
  return part
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(new RegExp(`\\{\\{#${other}\\}\\}[\\s\\S]*?\\{\\{/${other}\\}\\}`, 'g'), '')
    .replace(new RegExp(`\\{\\{[#/]${mode}\\}\\}\\n?`, 'g'), '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the prompt template uses {{${name}}}, which has no value`);
    return value;
  });
}
