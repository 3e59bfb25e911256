import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import { demoCookie, startServeProcess } from './helpers/serve-process';

// The `parley` bin runs the esbuild-compiled CLI, whose engine threads once looked for a file that
// the build did not write: every analysis and simulation in `parley serve` and `parley worker`
// failed while the sources (and so every in-process test) worked. This runs the real bin.

it('the compiled `parley serve` answers an analysis and lays out a PDF export in its pool threads', async () => {
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

    // Exports are laid out in the same threads (#14), from a chunk the thread loads on first use.
    const pdf = await fetch(`${url}/api/negotiations/${DEMO_NEGOTIATION.id}/exports`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ versionId: demoPlanId('geneva-19'), format: 'pdf' }),
    });
    const copy = (await pdf.json()) as { downloadUrl?: string };
    expect(pdf.status, JSON.stringify(copy)).toBe(201);
    const file = await fetch(`${url}${copy.downloadUrl ?? ''}`, { headers: { cookie } });
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
