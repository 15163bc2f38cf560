// ESLint flat config: typescript-eslint's strict, type-aware rules for the TypeScript sources;
// formatting is Prettier's (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'data/', 'models/', 'corpus/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // With noUncheckedIndexedAccess, `xs[i]!` is how this code states an index it has checked is in range.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in messages and figures are the norm here; objects, undefined and null are still caught.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Async methods implement async contracts (Store, CorpusChange) over synchronous code such as better-sqlite3;
      // `async` keeps a throw a rejection, as callers expect.
      '@typescript-eslint/require-await': 'off',
      // Destructuring a property away to omit it (`const { score: _score, ...span } = w`) is deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `a || b` on strings deliberately treats '' as missing (a reference with no title, an empty field).
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // `(err) => settle(...)`: a shorthand arrow returning a void call is this code's idiom for callbacks.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // `let app: App` is set in beforeAll; `app?.stop()` in afterAll is deliberate, as setup may have failed.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Tests read the CLIs' JSON output (JSON.parse: any) and use vitest's asymmetric matchers (expect.any: any);
      // the fake Discord handles raw payloads whose numbers are discord-api-types enums. The assertions are the check.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
    },
  },
  { files: ['**/*.{js,mjs}'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);
