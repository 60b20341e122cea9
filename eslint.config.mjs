// Lint rules that hold the architecture: only src/host may import 'vscode'; the webview sees
// nothing of the extension but src/protocol.ts. Files past 400 lines are a hint to split.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  name: 'vscode',
  message: "Only src/host may use the VS Code API: keep this layer pure and pass what it needs through an interface.",
};

export default tseslint.config(
  // Fixture projects, the repair corpus and the sample workspace are the user's kind of code (often
  // CommonJS, some deliberately buggy), not ours: they are linted by nobody.
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'out/**', '.vscode-test/**', '.e2e/**', 'bench/repair-corpus/python/**', 'bench/repair-corpus/javascript/**', 'samples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/core/**', 'src/cli/**', 'src/protocol.ts', 'bench/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    files: ['webview/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [{ group: ['**/src/core/**', '**/src/host/**', '**/src/cli/**'], message: 'The webview talks to the host only through src/protocol.ts.' }],
        },
      ],
    },
  },
  {
    // Tool configs are loaded through their default export; text-file modules are declared with one.
    files: ['*.config.mts', '*.config.mjs', 'src/types/*.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
