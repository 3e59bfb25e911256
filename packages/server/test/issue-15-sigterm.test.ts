import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import { LOCK_FILE_NAME } from '../src/storage/data-folder-lock';
import { demoCookie, startServeProcess } from './helpers/serve-process';

// Issue #15: the process never exited while a subscriber was connected, and on PGlite a
// supervisor's next instance then opened the same folder. SIGTERM now ends streams and exits.

it('exits on SIGTERM within 10 s with an event stream open, ending the stream and freeing the folder', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-sigterm-'));
  const server = await startServeProcess(dataDir);
  const { child, url, exited } = server;
  try {
    const cookie = await demoCookie(url, 'russia');
    const stream = await fetch(`${url}/api/negotiations/${DEMO_NEGOTIATION.id}/events`, {
      headers: { cookie, accept: 'text/event-stream' },
    });
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: ready');

    const signalled = performance.now();
    child.kill('SIGTERM');
    // The stream ends (done, or cut) rather than hanging; events already on their way (the signed
    // checkpoint that follows `ready`, a keep-alive) may come first.
    for (;;) {
      const ended = await reader.read().then(
        (result) => result.done,
        () => true,
      );
      if (ended) break;
    }
    expect(await exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
