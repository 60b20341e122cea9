import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { NodeWorkspace } from '../workspace/nodeWorkspace';
import { applyToContent, validateEdits } from './validateEdits';

let ws: NodeWorkspace;
beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'loopgain-edits-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/calc.py'), 'def add(a, b):\n    return a - b\n\ndef sub(a, b):\n    return a - b\n');
  writeFileSync(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
  const outside = mkdtempSync(join(tmpdir(), 'loopgain-outside-'));
  symlinkSync(outside, join(root, 'escape'));
  ws = new NodeWorkspace(root);
});

const codes = async (edits: unknown[]): Promise<string[]> => (await validateEdits(edits, ws)).rejected.map((r) => r.code);

describe('validateEdits: paths', () => {
  it('refuses paths that leave the workspace or touch what the loop never edits', async () => {
    expect(
      await codes([
        { kind: 'create-file', path: '/etc/passwd', content: 'x' },
        { kind: 'create-file', path: '../outside.txt', content: 'x' },
        { kind: 'create-file', path: 'src/../../x', content: 'x' },
        { kind: 'create-file', path: 'C:\\Windows\\x', content: 'x' },
        { kind: 'create-file', path: 'escape/owned.txt', content: 'x' },
        { kind: 'create-file', path: '.git/config', content: 'x' },
        { kind: 'create-file', path: 'web/node_modules/lib/index.js', content: 'x' },
        { kind: 'create-file', path: '', content: 'x' },
      ]),
    ).toEqual([
      'path-outside-workspace',
      'path-outside-workspace',
      'path-outside-workspace',
      'path-outside-workspace',
      'path-outside-workspace',
      'path-forbidden',
      'path-forbidden',
      'path-invalid',
    ]);
  });

  it('normalises backslashes and "./" and accepts a new file in a new folder', async () => {
    const v = await validateEdits([{ kind: 'create-file', path: '.\\tests\\new_test.py', content: 'x = 1\n' }], ws);
    expect(v.rejected).toEqual([]);
    expect(v.valid[0]?.path).toBe('tests/new_test.py');
  });
});

describe('validateEdits: content', () => {
  it('requires a search snippet to occur exactly once', async () => {
    const once = { kind: 'search-replace', path: 'src/calc.py', search: 'def add(a, b):\n    return a - b', replace: 'def add(a, b):\n    return a + b' };
    const twice = { kind: 'search-replace', path: 'src/calc.py', search: 'return a - b', replace: 'return a + b' };
    const never = { kind: 'search-replace', path: 'src/calc.py', search: 'return a * b', replace: 'return a + b' };
    const v = await validateEdits([once], ws);
    expect(v.valid[0]?.after).toBe('def add(a, b):\n    return a + b\n\ndef sub(a, b):\n    return a - b\n');
    const bad = await validateEdits([twice, never], ws);
    expect(bad.rejected.map((r) => r.code)).toEqual(['snippet-ambiguous', 'snippet-not-found']);
    expect(bad.rejected[0]?.reason).toMatch(/occurs 2 times/);
    // edits to one file apply in order: once the first is fixed, the snippet is unique
    expect((await validateEdits([once, twice], ws)).rejected).toEqual([]);
  });

  it('rejects edits that change nothing, hallucinated files, binary files and bad shapes', async () => {
    expect(
      await codes([
        { kind: 'search-replace', path: 'src/calc.py', search: 'def add(a, b)', replace: 'def add(a, b)' },
        { kind: 'replace-range', path: 'src/calc.py', startLine: 2, endLine: 2, newText: '    return a - b' },
        { kind: 'search-replace', path: 'src/nowhere.py', search: 'x', replace: 'y' },
        { kind: 'search-replace', path: 'logo.png', search: 'P', replace: 'Q' },
        { kind: 'replace-range', path: 'src/calc.py', startLine: 4, endLine: 99, newText: 'x' },
        { kind: 'rename', path: 'src/calc.py' },
        'not an edit',
      ]),
    ).toEqual(['no-change', 'no-change', 'file-missing', 'file-unreadable', 'range-invalid', 'malformed', 'malformed']);
  });

  it('applies several edits to one file in order and reports the file once, before and after all of them', async () => {
    const v = await validateEdits(
      [
        { kind: 'replace-range', path: 'src/calc.py', startLine: 2, endLine: 2, newText: '    return a + b' },
        { kind: 'search-replace', path: 'src/calc.py', search: 'def sub', replace: 'def subtract' },
      ],
      ws,
    );
    expect(v.rejected).toEqual([]);
    expect(v.files.get('src/calc.py')).toEqual({
      before: 'def add(a, b):\n    return a - b\n\ndef sub(a, b):\n    return a - b\n',
      after: 'def add(a, b):\n    return a + b\n\ndef subtract(a, b):\n    return a - b\n',
    });
  });

  it('keeps create and delete honest', async () => {
    expect(await codes([{ kind: 'create-file', path: 'src/calc.py', content: '' }, { kind: 'delete-file', path: 'src/gone.py' }])).toEqual(['file-exists', 'file-missing']);
  });
});

describe('applyToContent: replace-range', () => {
  const text = 'a\nb\nc\n';
  it('replaces, inserts (empty range) and deletes lines, keeping the final newline', () => {
    expect(applyToContent({ kind: 'replace-range', path: 'f', startLine: 2, endLine: 2, newText: 'B1\nB2\n' }, 'f', text)).toEqual({ after: 'a\nB1\nB2\nc\n' });
    expect(applyToContent({ kind: 'replace-range', path: 'f', startLine: 2, endLine: 1, newText: 'new' }, 'f', text)).toEqual({ after: 'a\nnew\nb\nc\n' });
    expect(applyToContent({ kind: 'replace-range', path: 'f', startLine: 1, endLine: 2, newText: '' }, 'f', text)).toEqual({ after: 'c\n' });
  });
});
