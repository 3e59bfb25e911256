import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './helpers/each-database';
import { PARLEY_BIN, demoCookie, streamEndAfterSigterm } from './helpers/serve-process';

// Issue #15: one Node process serves from one core; `parley serve --workers N` runs N behind one
// port on PostgreSQL. The primary replaces a worker that dies and stops them all on SIGTERM.

const POSTGRES_URL = process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const childrenOf = (pid: number | undefined): number[] =>
  spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)])
    .stdout.toString()
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((child) => child > 0);

async function until<T>(probe: () => T | undefined, what: () => string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('refuses --workers on a PGlite folder, which has a single owner, with a usage error', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-workers-'));
  try {
    const result = spawnSync(
      process.execPath,
      [PARLEY_BIN, 'serve', '--port', '0', '--workers', '2', '--data', dataDir],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--workers needs PostgreSQL');
    const invalid = spawnSync(process.execPath, [PARLEY_BIN, 'serve', '--workers', 'many'], {
      encoding: 'utf8',
    });
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('--workers must be an integer');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);

describe.runIf(DATABASE_KINDS.includes('postgres'))('parley serve --workers 2 on PostgreSQL', () => {
  it('serves from two processes, replaces one killed, and all stop on SIGTERM with a stream open', async () => {
    const name = `parley_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const databaseUrl = new URL(POSTGRES_URL);
    databaseUrl.pathname = `/${name}`;
    let primary: ChildProcess | undefined;
    try {
      primary = spawn(
        process.execPath,
        [PARLEY_BIN, 'serve', '--port', '0', '--workers', '2', '--database-url', databaseUrl.toString()],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const exited = new Promise<number | null>((resolve) => primary?.once('exit', resolve));
      let output = '';
      primary.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      primary.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const url = await until(
        () => /Parley is serving (http:\/\/\S+)/.exec(output)?.[1],
        () => `serving: ${output}`,
      );
      expect(output).toContain('2 workers');
      const workers = childrenOf(primary.pid);
      expect(workers).toHaveLength(2);

      // A session opened on one connection is good on fresh connections, whichever worker takes them.
      const cookie = await demoCookie(url, 'russia');
      const answers = await Promise.all(
        Array.from({ length: 12 }, () =>
          fetch(`${url}/api/me`, { headers: { cookie, connection: 'close' } }).then((r) => r.status),
        ),
      );
      expect(answers).toEqual(Array.from({ length: 12 }, () => 200));

      // A worker killed outright is replaced, and the port keeps answering meanwhile.
      process.kill(workers[0] ?? 0, 'SIGKILL');
      const replaced = await until(
        () => {
          const now = childrenOf(primary?.pid);
          return now.length === 2 && !now.includes(workers[0] ?? 0) ? now : undefined;
        },
        () => `a replacement worker: ${output}`,
      );
      expect(replaced).toContain(workers[1]);
      await until(
        () => (output.split('Parley listening on').length === 4 ? true : undefined),
        () => `the replacement to listen: ${output}`,
      );
      expect(output).toContain('exited (SIGKILL); starting another');
      expect((await fetch(`${url}/api/health`, { headers: { connection: 'close' } })).status).toBe(200);

      const stopped = await streamEndAfterSigterm({ url, cookie, child: primary });
      expect(stopped.firstEvent).toContain('event: ready');
      expect(await exited).toBe(0);
      expect(stopped.msAfterSignal).toBeLessThan(10_000);
      for (const worker of replaced) expect(() => process.kill(worker, 0)).toThrow();
    } finally {
      primary?.kill('SIGKILL');
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);
});
