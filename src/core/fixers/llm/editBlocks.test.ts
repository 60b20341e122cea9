import { describe, expect, it } from 'vitest';
import { parseEditBlocks } from './editBlocks';

describe('parseEditBlocks', () => {
  it('parses every kind of edit block and keeps the prose as the rationale', () => {
    const answer = [
      'The subtraction should be an addition.',
      '',
      '```edit',
      'search-replace: src/calc.py',
      '<<<<<<< SEARCH',
      '    return a - b',
      '=======',
      '    return a + b',
      '>>>>>>> REPLACE',
      '```',
      '```edit',
      'replace-range: src/calc.py 3-4',
      'x = 1',
      'y = 2',
      '```',
      '```edit',
      'create-file: src/util.py',
      'def f():',
      '    pass',
      '```',
      '```edit',
      'delete-file: `src/old.py`',
      '```',
    ].join('\n');
    expect(parseEditBlocks(answer)).toEqual({
      rationale: 'The subtraction should be an addition.',
      edits: [
        { kind: 'search-replace', path: 'src/calc.py', search: '    return a - b', replace: '    return a + b' },
        { kind: 'replace-range', path: 'src/calc.py', startLine: 3, endLine: 4, newText: 'x = 1\ny = 2' },
        { kind: 'create-file', path: 'src/util.py', content: 'def f():\n    pass\n' },
        { kind: 'delete-file', path: 'src/old.py' },
      ],
    });
  });

  it('takes several SEARCH/REPLACE pairs in one block, CRLF line ends, and a longer fence around backticks', () => {
    const answer = [
      '````edit',
      'search-replace: README.md',
      '<<<<<<< SEARCH',
      '```js',
      '=======',
      '```ts',
      '>>>>>>> REPLACE',
      '',
      '<<<<<<< SEARCH',
      'a',
      '=======',
      'b',
      '>>>>>>> REPLACE',
      '````',
    ].join('\r\n');
    const parsed = parseEditBlocks(answer);
    expect(parsed).toEqual({
      edits: [
        { kind: 'search-replace', path: 'README.md', search: '```js', replace: '```ts' },
        { kind: 'search-replace', path: 'README.md', search: 'a', replace: 'b' },
      ],
    });
  });

  it.each([
    ['no block at all', 'I would change the minus to a plus.', /no ```edit blocks/],
    ['an unclosed block', '```edit\ndelete-file: a.py\n', /not closed/],
    ['a block without a header', '```edit\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n```', /must start with a header/],
    ['a header on the fence line', '```edit search-replace: a.py\n```', /header on its own line/],
    ['an unknown kind', '```edit\nrename-file: a.py\n```', /must start with a header/],
    ['a missing divider', '```edit\nsearch-replace: a.py\n<<<<<<< SEARCH\na\n>>>>>>> REPLACE\n```', /no "=======" line/],
    ['a missing REPLACE marker', '```edit\nsearch-replace: a.py\n<<<<<<< SEARCH\na\n=======\nb\n```', /no ">>>>>>> REPLACE" line/],
    ['stray text in a search-replace block', '```edit\nsearch-replace: a.py\nreturn a + b\n```', /expected "<<<<<<< SEARCH"/],
    ['an empty search-replace block', '```edit\nsearch-replace: a.py\n```', /no SEARCH\/REPLACE section/],
    ['a range without numbers', '```edit\nreplace-range: a.py\nx\n```', /START-END/],
    ['a delete with a body', '```edit\ndelete-file: a.py\nsomething\n```', /no body/],
    ['a header without a path', '```edit\ncreate-file:\n```', /names no file/],
  ])('refuses %s with a reason', (_, answer, reason) => {
    const parsed = parseEditBlocks(answer);
    expect(typeof parsed).toBe('string');
    expect(parsed).toMatch(reason);
  });
});
