import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFolderInUseError, LOCK_FILE_NAME } from '../src/storage/data-folder-lock';
import { openDatabase } from '../src/storage/database';
import { runCli } from './helpers/run-cli';

// Issue #15: two processes on one PGlite folder silently corrupted it. The second is refused.

const BIN = join(import.meta.dirname, '..', 'bin', 'parley.js');

function startServing(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-demo', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Parley is serving')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

describe('a PGlite data folder has one owner at a time', () => {
  let dataDir: string;
  let server: ChildProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-lock-'));
    server = await startServing(dataDir);
  }, 120_000);
  afterAll(() => {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a CLI command on the folder of a running server with one line naming its process', async () => {
    const result = await runCli('audit verify', '--data', dataDir);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain(`in use by process ${server.pid}`);
  });

  it('refuses a second openDatabase in another process’s folder before touching its files', async () => {
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataFolderInUseError);
  });

  it('takes over the lock a killed server left behind', async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
    const handle = await openDatabase({ dataDir });
    const owner = JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataFolderInUseError);
    await handle.close();
    expect(() => readFileSync(join(dataDir, LOCK_FILE_NAME))).toThrow(/ENOENT/);
  }, 60_000);
});

describe('a stale lock', () => {
  it('left by our own pid in an earlier life (a restarted container) is taken over', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-lock-'));
    const stale = { pid: process.pid, host: hostname(), startedAt: 'earlier', command: 'serve' };
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify(stale));
    const handle = await openDatabase({ dataDir });
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
