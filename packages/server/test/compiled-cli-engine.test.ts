import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo';

// The `parley` bin runs the esbuild-compiled CLI, whose engine threads once looked for a file that
// the build did not write: every analysis and simulation in `parley serve` and `parley worker`
// failed while the sources (and so every in-process test) worked. This runs the real bin.

const BIN = join(import.meta.dirname, '..', 'bin', 'parley.js');

it('the compiled `parley serve` answers an analysis from its engine threads', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-compiled-engine-'));
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
    const me = (await (await fetch(`${url}/api/me`, { headers: { cookie } })).json()) as {
      csrfToken: string;
    };
    const example = (await (await fetch(`${url}/api/analysis/example`, { headers: { cookie } })).json()) as {
      scenario: unknown;
    };
    const analysis = await fetch(`${url}/api/analysis`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ scenario: example.scenario }),
    });
    const body = (await analysis.json()) as { frontier?: { size: number; exact: boolean } };
    expect(analysis.status, JSON.stringify(body)).toBe(200);
    expect(body.frontier?.exact).toBe(true);
    expect(body.frontier?.size).toBeGreaterThan(0);
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
