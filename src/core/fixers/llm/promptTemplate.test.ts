import { describe, expect, it } from 'vitest';
import template from './fixPrompt.md';
import { promptVersion, renderPrompt } from './promptTemplate';

const values = {
  goal: 'GOAL',
  iteration: '2',
  attempt: '1',
  failingTests: 'TESTS',
  sources: 'const x = "{{goal}}";',
  diffSoFar: 'DIFF',
  failedApproaches: 'FAILED',
  history: 'HISTORY',
  previousRejections: 'REJECTIONS',
};

describe('the fix prompt template', () => {
  it('is versioned and loads as text', () => {
    expect(template.startsWith('<!-- prompt-version: 1 -->')).toBe(true);
    expect(promptVersion()).toBe(1);
  });

  it('tells the model to fix the code, never the tests', () => {
    const { system } = renderPrompt(values, 'tools');
    expect(system).toMatch(/Fix the code under test, not the tests/);
    expect(system).toMatch(/Never skip, delete/);
  });

  it('keeps only the answer format of the mode, and no comments', () => {
    const tools = renderPrompt(values, 'tools');
    const text = renderPrompt(values, 'text');
    expect(tools.system).toContain('call the `propose_edits` tool');
    expect(tools.system).not.toContain('<<<<<<< SEARCH');
    expect(text.system).toContain('<<<<<<< SEARCH');
    expect(text.system).not.toContain('propose_edits');
    for (const p of [tools, text]) expect(`${p.system}${p.user}`).not.toMatch(/<!--|\{\{[#/]/);
  });

  it('fills every placeholder once, leaving braces inside values as they are', () => {
    const { user } = renderPrompt(values, 'tools');
    for (const v of ['GOAL', 'TESTS', 'DIFF', 'FAILED', 'HISTORY', 'REJECTIONS', 'Iteration 2, attempt 1']) expect(user).toContain(v);
    expect(user).toContain('const x = "{{goal}}";');
  });

  it('refuses a template with a placeholder that has no value, or no user section', () => {
    expect(() => renderPrompt({}, 'tools', '<!-- prompt-version: 3 -->\nsys\n<!-- section: user -->\n{{nope}}')).toThrow(/\{\{nope\}\}/);
    expect(() => renderPrompt({}, 'tools', '<!-- prompt-version: 3 -->\nonly system')).toThrow(/section: user/);
    expect(() => promptVersion('no header')).toThrow(/prompt-version/);
  });
});
