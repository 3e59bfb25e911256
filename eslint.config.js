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
    files: ['packages/server/bin/**', 'packages/engine/scripts/**'],
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
    // Layers inside the server: routes -> services -> storage. A route parses, asks the policy,
    // calls a service and answers through a presenter; it never reaches storage itself.
    files: ['packages/server/src/http/**'],
    ignores: ['packages/server/src/http/start-server.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'kysely', allowTypeImports: true, message: 'SQL lives in src/storage.' }],
          patterns: [
            {
              group: ['**/storage/*', '!**/storage/database'],
              allowTypeImports: true,
              message: 'Routes call services; services call storage.',
            },
          ],
        },
      ],
    },
  },
  {
    // Presenters pick fields: pure functions of loaded data, no I/O and no policy decisions.
    files: ['packages/server/src/presenters/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/*', '**/services/*', '**/http/*', '**/realtime/*', '**/jobs/*', 'kysely'],
              allowTypeImports: true,
              message: 'Presenters are pure: the service loads and decides, the presenter shapes.',
            },
          ],
          paths: [
            {
              name: '@parley/core',
              importNames: ['can'],
              message: 'Decide access in the service (or route); presenters only shape what they are given.',
            },
          ],
        },
      ],
    },
  },
  {
    // The CLI is a thin entry point over the same services as the HTTP API.
    files: ['packages/server/src/cli/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'kysely', allowTypeImports: true, message: 'SQL lives in src/storage.' }],
          patterns: [
            {
              group: ['**/storage/*', '!**/storage/database', '!**/storage/data-folder-lock'],
              allowTypeImports: true,
              message: 'CLI commands go through services, as routes do.',
            },
          ],
        },
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
