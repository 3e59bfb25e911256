import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { demoCookie, startServeProcess } from './helpers/serve-process';

// The `parley` bin runs the esbuild-compiled CLI, whose engine threads once looked for a file that
// the build did not write: every analysis and simulation in `parley serve` and `parley worker`
// failed while the sources (and so every in-process test) worked. This runs the real bin.

it('the compiled `parley serve` answers an analysis from its engine threads', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-compiled-engine-'));
  const server = await startServeProcess(dataDir);
  const { url } = server;
  try {
    const cookie = await demoCookie(url, 'russia');
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
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
