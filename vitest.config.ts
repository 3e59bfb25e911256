import { defineConfig } from 'vitest/config';

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.{ts,tsx}'],
    // Three workers on two cores: a worker often waits on Chromium, a spawned CLI or a server
    // subprocess, and with two the cores sat idle a third of the time (1.4 busy on average).
    // Measured from a fresh install (no duration cache), 2 December 2026: 757 s with two, 618 s
    // with three; four (543 s with the cache) gained little more for a heavier load on the cores.
    maxWorkers: 3,
    // A worker's test files share its loaded modules: each file importing the server and engine
    // afresh cost 290 s of a 1,100 s run. No suite leaves global state behind (env stubs undone).
    // Not on Node 24: its V8 aborts a worker that has made and dropped hundreds of PGlite
    // WebAssembly instances ("Check failed: jit_page_->allocations_.erase(addr) == 1" in
    // UnregisterWasmAllocation); a process per file never gets there. Node 20 and 22 run whole.
    isolate: NODE_MAJOR >= 24,
    globalSetup: ['packages/web/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for what a browser or server shows next; its default of one second is
    // shorter than a loaded CI machine takes to refetch a page (a register poll failed there).
    expect: { poll: { timeout: 15_000 } },
  },
});
