import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PASSWORD } from '../src/demo';
import { LOCK_FILE_NAME } from '../src/storage/data-folder-lock';

// Issue #15: the process never exited while a subscriber was connected, and on PGlite a
// supervisor's next instance then opened the same folder. SIGTERM now ends streams and exits.

const BIN = join(import.meta.dirname, '..', 'bin', 'parley.js');

it('exits on SIGTERM within 10 s with an event stream open, ending the stream and freeing the folder', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-sigterm-'));
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Parley is serving (http:\/\/\S+)/.exec(output);
        if (match?.[1] !== undefined) resolve(match[1]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then((code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ACCOUNTS.russia.email, password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const stream = await fetch(`${url}/api/negotiations/${DEMO_NEGOTIATION.id}/events`, {
      headers: { cookie, accept: 'text/event-stream' },
    });
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: ready');

    const signalled = performance.now();
    child.kill('SIGTERM');
    // The stream ends (done, or cut) rather than hanging.
    const end = await reader.read().then(
      (result) => result.done,
      () => true,
    );
    expect(end).toBe(true);
    expect(await exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
