import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_PASSWORD } from '../src/demo';
import { DATABASE_KINDS } from './helpers/each-database';

// Issue #15: the deployment of docs/deployment.md (and docker-compose.yml) without containers —
// two `parley serve` processes and a `parley worker` on one PostgreSQL. Sessions, realtime and
// the audit chain must be shared by the processes.

const BIN = join(import.meta.dirname, '..', 'bin', 'parley.js');
const POSTGRES_URL = process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function run(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match !== null) resolve({ child, match });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`parley ${args[0]} exited with ${code}: ${output}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe.runIf(DATABASE_KINDS.includes('postgres'))('two servers and a worker on one PostgreSQL', () => {
  it('share sessions, realtime events and one intact audit chain, and all stop on SIGTERM', async () => {
    const name = `parley_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const database = ['--database-url', url.toString()];
    const children: ChildProcess[] = [];
    try {
      const serving = /Parley is serving (http:\/\/\S+)/;
      const first = await run(['serve', '--port', '0', ...database], serving);
      children.push(first.child);
      const [second, worker] = await Promise.all([
        run(['serve', '--port', '0', '--no-demo', ...database], serving),
        run(['worker', ...database], /worker ready/),
      ]);
      children.push(second.child, worker.child);
      const [a, b] = [first.match[1], second.match[1]];

      // A session opened on one server is accepted by the other.
      const login = await fetch(`${a}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_ACCOUNTS.mediator.email, password: DEMO_PASSWORD }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      expect((await fetch(`${b}/api/me`, { headers: { cookie } })).status).toBe(200);

      // A change written through one server reaches a stream on the other.
      const stream = await fetch(`${a}/api/negotiations/${DEMO_NEGOTIATION.id}/events`, {
        headers: { cookie, accept: 'text/event-stream' },
      });
      const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
      let text = '';
      const readUntil = async (needle: string) => {
        while (!text.includes(needle)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += new TextDecoder().decode(value);
        }
      };
      await readUntil('event: ready');
      const write = (base: string | undefined, quote: string) =>
        fetch(`${base}/api/negotiations/${DEMO_NEGOTIATION.id}/plan/statements`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({
            person: 'Spokesperson',
            partyId: DEMO_PARTIES.unitedStates.id,
            date: '2025-12-01',
            source: 'briefing',
            quote,
            pointIds: [],
          }),
        });
      expect((await write(b, 'through the second server')).status).toBe(201);
      await readUntil('event: statement.created');
      expect(text).toContain('event: statement.created');
      await reader.cancel();

      // Concurrent writes through both servers: one chain, no fork.
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => write(i % 2 === 0 ? a : b, `concurrent ${i}`)),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 201));
      const verified = await run(['audit', 'verify', '--json', ...database], /\{.*\}/);
      expect(JSON.parse(verified.match[0])).toMatchObject({ ok: true });

      expect(await Promise.all(children.map(stop))).toEqual([0, 0, 0]);
    } finally {
      for (const child of children) child.kill('SIGKILL');
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 240_000);
});
