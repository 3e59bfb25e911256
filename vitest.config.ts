import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.{ts,tsx}'],
    // PGlite instances are heavy (a WASM Postgres each): two cores do better with few workers.
    maxWorkers: 2,
    // A worker's test files share its loaded modules: each file importing the server and engine
    // afresh cost 290 s of a 1,100 s run. No suite leaves global state behind (env stubs undone).
    isolate: false,
    globalSetup: ['packages/web/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for what a browser or server shows next; its default of one second is
    // shorter than a loaded CI machine takes to refetch a page (a register poll failed there).
    expect: { poll: { timeout: 15_000 } },
  },
});
