import type { ParsedAnswer } from './editTool';

/**
 * The plain-text answer format, for OpenAI-compatible models without tool calling (fixPrompt.md
 * teaches it). One fenced block per edit, opened by three or more backticks and the word `edit`,
 * closed by the same number of backticks; its first line is a header `KIND: PATH`
 * (`replace-range: PATH START-END`). A search-replace body is one or more
 * `<<<<<<< SEARCH` / `=======` / `>>>>>>> REPLACE` sections; the other bodies are the new text.
 * Text outside the blocks is the rationale. Anything else is refused with the reason, which the
 * model is shown on its next attempt.
 */

const OPEN = /^(`{3,})\s*edit\s*$/;
const OPEN_WITH_TRAILER = /^`{3,}\s*edit\b/;
const HEADER = /^(search-replace|replace-range|create-file|delete-file)\s*:\s*(.*?)\s*$/;
const RANGE = /^(.+?)\s+(\d+)\s*-\s*(\d+)$/;
const SEARCH = /^<<<<<<< SEARCH\s*$/;
const DIVIDER = /^=======\s*$/;
const REPLACE = /^>>>>>>> REPLACE\s*$/;

/** Parses an answer in the edit-block format: the edits and rationale, or why it is malformed. */
export function parseEditBlocks(answer: string): ParsedAnswer | string {
  const lines = answer.replace(/\r\n?/g, '\n').split('\n');
  const edits: unknown[] = [];
  const prose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const open = OPEN.exec(line);
    if (!open) {
      if (OPEN_WITH_TRAILER.test(line)) return `"${line.trim()}": put the header on its own line after \`\`\`edit`;
      prose.push(line);
      continue;
    }
    const close = open[1] ?? '```';
    const end = lines.findIndex((l, j) => j > i && l.trimEnd() === close);
    if (end === -1) return `the edit block opened on line ${i + 1} is not closed by a line of ${close}`;
    const parsed = parseBlock(lines.slice(i + 1, end), i + 1);
    if (typeof parsed === 'string') return parsed;
    edits.push(...parsed);
    i = end;
  }
  if (edits.length === 0) return 'the answer has no ```edit blocks: answer with edit blocks in the format described';
  const rationale = prose.join('\n').trim();
  return rationale === '' ? { edits } : { edits, rationale };
}

function unquote(path: string): string {
  const match = /^([`'"])(.*)\1$/.exec(path);
  return match?.[2] ?? path;
}

function parseBlock(block: readonly string[], openLine: number): unknown[] | string {
  const header = HEADER.exec(block[0] ?? '');
  if (!header) {
    return `the edit block on line ${openLine} must start with a header such as "search-replace: path/to/file", not ${JSON.stringify(block[0] ?? '')}`;
  }
  const kind = header[1] ?? '';
  const target = header[2] ?? '';
  const body = block.slice(1);
  if (target === '') return `the ${kind} block on line ${openLine} names no file`;
  switch (kind) {
    case 'search-replace':
      return parseSearchReplace(unquote(target), body, openLine);
    case 'replace-range': {
      const range = RANGE.exec(target);
      if (!range) return `the replace-range header on line ${openLine} must be "replace-range: PATH START-END", not ${JSON.stringify(block[0])}`;
      return [{ kind, path: unquote(range[1] ?? ''), startLine: Number(range[2]), endLine: Number(range[3]), newText: body.join('\n') }];
    }
    case 'create-file':
      return [{ kind, path: unquote(target), content: body.length === 0 ? '' : `${body.join('\n')}\n` }];
    default:
      if (body.some((l) => l.trim() !== '')) return `the delete-file block on line ${openLine} must have no body`;
      return [{ kind, path: unquote(target) }];
  }
}

function parseSearchReplace(path: string, body: readonly string[], openLine: number): unknown[] | string {
  const edits: unknown[] = [];
  let i = 0;
  const where = `in the search-replace block for ${path} (line ${openLine})`;
  while (i < body.length) {
    const line = body[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (!SEARCH.test(line)) return `${where}: expected "<<<<<<< SEARCH", found ${JSON.stringify(line)}`;
    const divider = body.findIndex((l, j) => j > i && DIVIDER.test(l));
    if (divider === -1) return `${where}: a SEARCH section has no "=======" line`;
    const replace = body.findIndex((l, j) => j > divider && REPLACE.test(l));
    if (replace === -1) return `${where}: a SEARCH section has no ">>>>>>> REPLACE" line`;
    const search = body.slice(i + 1, divider);
    const inner = search.find((l) => SEARCH.test(l) || REPLACE.test(l));
    if (inner !== undefined) return `${where}: ${JSON.stringify(inner)} inside a SEARCH section`;
    edits.push({ kind: 'search-replace', path, search: search.join('\n'), replace: body.slice(divider + 1, replace).join('\n') });
    i = replace + 1;
  }
  if (edits.length === 0) return `${where}: no SEARCH/REPLACE section`;
  return edits;
}
