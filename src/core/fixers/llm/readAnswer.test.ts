import { describe, expect, it } from 'vitest';
import { parseToolArguments } from './editTool';
import { readAnswer } from './readAnswer';

const edit = { kind: 'delete-file', path: 'a.py' };

describe('parseToolArguments', () => {
  it('accepts an object or its JSON text, keeping the edits untyped for validation', () => {
    expect(parseToolArguments({ edits: [edit, 42], rationale: 'why' })).toEqual({ edits: [edit, 42], rationale: 'why' });
    expect(parseToolArguments(JSON.stringify({ edits: [edit] }))).toEqual({ edits: [edit] });
  });

  it.each([
    ['{"edits": [', /not valid JSON/],
    ['[1, 2]', /must be an object/],
    ['{"changes": []}', /no "edits" array/],
    ['{"edits": [], "rationale": 3}', /"rationale" must be a string/],
  ])('refuses %s', (raw, reason) => {
    expect(parseToolArguments(raw)).toMatch(reason);
  });
});

describe('readAnswer', () => {
  it('merges several propose_edits calls and falls back to the prose for a rationale', () => {
    const answer = readAnswer('tools', 'Fixing both.', [
      { name: 'propose_edits', input: { edits: [edit] } },
      { name: 'propose_edits', input: '{"edits": [{"kind": "delete-file", "path": "b.py"}]}' },
    ]);
    expect(answer).toEqual({ edits: [edit, { kind: 'delete-file', path: 'b.py' }], rationale: 'Fixing both.' });
  });

  it('refuses an unknown tool, and an answer that called no tool and wrote no edit blocks', () => {
    expect(readAnswer('tools', '', [{ name: 'run_shell', input: {} }])).toMatch(/unknown tool "run_shell"/);
    expect(readAnswer('tools', 'I think the bug is in calc.py.', [])).toMatch(/did not call the propose_edits tool/);
  });

  it('takes edit blocks from a tools-mode answer that wrote them instead of calling the tool', () => {
    expect(readAnswer('tools', '```edit\ndelete-file: a.py\n```', [])).toEqual({ edits: [edit] });
  });

  it('in text mode reads only the text', () => {
    expect(readAnswer('text', 'no blocks', [{ name: 'propose_edits', input: { edits: [edit] } }])).toMatch(/no ```edit blocks/);
  });
});
