import { describe, expect, it } from 'vitest';
import { optionWords, scriptRuns, splitArguments, tokenize, toolArguments, wordMatcher } from './testScript';

describe('tokenize', () => {
  it('splits words and keeps quoted globs whole', () => {
    expect(tokenize(`mocha --require ts-node/register 'test/**/*.spec.ts'`)).toEqual(['mocha', '--require', 'ts-node/register', 'test/**/*.spec.ts']);
    expect(tokenize('tsc && jest --ci')).toEqual(['tsc', '&&', 'jest', '--ci']);
  });

  it('refuses scripts that need a shell to mean what they say', () => {
    expect(tokenize('jest $JEST_ARGS')).toBeUndefined();
    expect(tokenize('jest > out.txt')).toBeUndefined();
    expect(tokenize('jest "unclosed')).toBeUndefined();
  });
});

describe('toolArguments', () => {
  const jest = wordMatcher('jest');
  it('returns the arguments of the tool up to the end of its command', () => {
    expect(toolArguments('tsc -p . && jest --config jest.unit.js src && echo done', jest)).toEqual(['--config', 'jest.unit.js', 'src']);
    expect(toolArguments('./node_modules/.bin/jest', jest)).toEqual([]);
    expect(toolArguments('ts-jest-runner', jest)).toBeUndefined();
  });

  it('counts a script it cannot tokenize as evidence, word by word', () => {
    expect(scriptRuns('FOO=$BAR jest', jest)).toBe(true);
    expect(scriptRuns('eslint .', jest)).toBe(false);
  });
});

describe('splitArguments / optionWords', () => {
  it('keeps options with their values and drops the ones LoopGain sets', () => {
    const split = splitArguments(['--require', 'tsx', 'test/', '--reporter', 'spec', '--recursive', '--timeout=5000'], new Set(['--require', '--reporter']));
    expect(split.positionals).toEqual(['test/']);
    expect(optionWords(split.options, new Set(['--reporter']))).toEqual(['--require', 'tsx', '--recursive', '--timeout=5000']);
  });
});
