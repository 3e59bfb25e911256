import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.{ts,tsx}'],
    // PGlite instances are heavy (a WASM Postgres each): two cores do better with few workers.
    maxWorkers: 2,
    globalSetup: ['packages/web/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
