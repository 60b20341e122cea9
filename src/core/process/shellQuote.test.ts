import { describe, expect, it } from 'vitest';
import { shellLine, shellQuote } from './shellQuote';

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest on POSIX', () => {
    expect(shellQuote('--junitxml=/tmp/r.xml', 'linux')).toBe('--junitxml=/tmp/r.xml');
    expect(shellQuote("it's a test[1-2]", 'linux')).toBe(`'it'\\''s a test[1-2]'`);
  });

  it('double-quotes for cmd.exe and doubles inner quotes', () => {
    expect(shellQuote('C:\\a\\b.xml', 'win32')).toBe('C:\\a\\b.xml');
    expect(shellQuote('say "hi"', 'win32')).toBe('"say ""hi"""');
  });

  it('appends quoted arguments to a user command', () => {
    expect(shellLine(' poetry run pytest ', ['-q', 'tests/a b.py'], 'linux')).toBe("poetry run pytest -q 'tests/a b.py'");
  });
});
