// Starts `parley serve` as its own process (what a user runs), on 127.0.0.1 and a free port, over a
// fresh PGlite folder or a throwaway PostgreSQL database, and stops it with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = new URL('../../packages/server/bin/parley.js', import.meta.url).pathname;
export const POSTGRES_URL =
  process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  readyMs: number;
  /** performance.now() of this process just before the server was spawned. */
  startedAt: number;
  output: () => string;
  stop: () => Promise<number | null>;
};

export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `parley_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** `target` is a PostgreSQL URL, a PGlite folder, or undefined for a fresh temporary folder. */
export async function startServerProcess(options: {
  databaseUrl?: string;
  dataDir?: string;
  nodeFlags?: string[];
  /** More `parley serve` arguments, e.g. ['--workers', '2']. */
  serveArgs?: string[];
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const ownDir = options.databaseUrl === undefined && options.dataDir === undefined;
  const dataDir = ownDir ? mkdtempSync(join(tmpdir(), 'parley-bench-')) : options.dataDir;
  const target =
    options.databaseUrl === undefined ? ['--data', dataDir ?? ''] : ['--database-url', options.databaseUrl];
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), BIN, 'serve', '--port', '0', ...target, ...(options.serveArgs ?? [])],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Parley is serving (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1].replace('localhost', '127.0.0.1'));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  const readyMs = performance.now() - started;
  return {
    url,
    child,
    readyMs,
    startedAt: started,
    output: () => output,
    stop: async () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const code = await exited;
      if (ownDir && dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
