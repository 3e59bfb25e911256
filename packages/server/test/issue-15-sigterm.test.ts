import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../src/storage/data-folder-lock';
import { demoCookie, startServeProcess, streamEndAfterSigterm } from './helpers/serve-process';

// Issue #15: the process never exited while a subscriber was connected, and on PGlite a
// supervisor's next instance then opened the same folder. SIGTERM now ends streams and exits.

it('exits on SIGTERM within 10 s with an event stream open, ending the stream and freeing the folder', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-sigterm-'));
  const server = await startServeProcess(dataDir);
  const { child, url, exited } = server;
  try {
    const cookie = await demoCookie(url, 'russia');
    const stopped = await streamEndAfterSigterm({ url, cookie, child });
    expect(stopped.firstEvent).toContain('event: ready');
    expect(await exited).toBe(0);
    expect(stopped.msAfterSignal).toBeLessThan(10_000);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
