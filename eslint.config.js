import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-params': ['error', 3],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'Do not commit focused tests.' },
        { object: 'describe', property: 'only', message: 'Do not commit focused tests.' },
        { object: 'test', property: 'only', message: 'Do not commit focused tests.' },
      ],
    },
  },
  {
    // Plain Node scripts (the CLI launcher, build helpers).
    files: ['packages/server/bin/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Property tests take one parameter per generated value.
    files: ['**/*.test.ts'],
    rules: { 'max-params': 'off' },
  },
  {
    files: ['packages/{engine,core}/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'pg', '@electric-sql/*', 'kysely', 'hono', 'fastify', 'react'],
              message: 'engine/core are pure: pass data in, return data out.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'fetch', 'setTimeout', 'setInterval', 'process', 'console'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Take an rng parameter.' },
        { object: 'Date', property: 'now', message: 'Take `now` as a parameter.' },
      ],
    },
  },
  {
    files: ['packages/server/src/**'],
    ignores: ['packages/server/src/storage/**', 'packages/server/src/jobs/**', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', allowTypeImports: true, message: 'SQL lives in src/storage.' }] },
      ],
    },
  },
  {
    files: ['packages/web/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@parley/server', '@parley/server/*'],
              message: 'The web app talks to the server only through src/api.',
            },
          ],
        },
      ],
    },
  },
);
