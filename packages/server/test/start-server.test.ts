import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_PASSWORD } from '../src/demo';
import { startServer, type RunningServer } from '../src/http/start-server';
import { openDatabase } from '../src/storage/database';
import { listPlanEventsAfter } from '../src/storage/plan-events';
import { demoSession } from './helpers/serve-process';

// The real server on a real port over a fresh PGlite folder: what `npm start` does on first start.

describe('startServer on an empty data folder', () => {
  let server: RunningServer;
  let dataDir: string;
  const lines: string[] = [];
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'parley-data-'));
    server = await startServer({ port: 0, dataDir, log: (line) => lines.push(line) });
  }, 180_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the demo and prints its credentials', () => {
    expect(server.demo?.negotiationId).toBe(DEMO_NEGOTIATION.id);
    expect(lines.join('\n')).toContain(`password for all: ${DEMO_PASSWORD}`);
    expect(lines.join('\n')).toContain(`listening on ${server.url}`);
  });

  it('logs an invitation it cannot mail without its one-time link, which would seat whoever reads the log', async () => {
    const { cookie, csrfToken } = await demoSession(server.url, 'ukraine');
    const created = await fetch(
      `${server.url}/api/negotiations/${DEMO_NEGOTIATION.id}/parties/${DEMO_PARTIES.ukraine.id}/invitations`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ email: 'logged@example.org', function: 'delegate', title: '' }),
      },
    );
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const mail = lines.find((line) => line.includes('mail (not sent; no SMTP) to logged@example.org'));
    expect(mail).toContain('/invitation#… (the link, shown to the inviter, is not logged)');
    expect(lines.join('\n')).not.toContain(token);
  });

  it('says when each step of start-up ended, in order (where start-up time goes)', () => {
    const { modules, database, demo, jobs, listening } = server.startup;
    expect(modules).toBeGreaterThan(0);
    // Each step ends after the one before it; a fresh folder is migrated and seeded, which takes time.
    expect([modules, database, demo, jobs, listening]).toEqual(
      [modules, database, demo, jobs, listening].toSorted((a, b) => a - b),
    );
    expect(demo).toBeGreaterThan(database);
  });

  it('answers health and lets a demo party sign in over HTTP with a cookie', async () => {
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'ok' });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'russia@demo.parley', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const negotiations = (await (
      await fetch(`${server.url}/api/negotiations`, { headers: { cookie } })
    ).json()) as { items: { id: string }[] };
    expect(negotiations.items.map((item) => item.id)).toEqual([DEMO_NEGOTIATION.id]);
  });

  it('refuses to start a second server on a port that is taken', async () => {
    const second = mkdtempSync(path.join(tmpdir(), 'parley-data-'));
    await expect(
      startServer({ port: server.port, dataDir: second, loadDemoOnEmpty: false, log: () => undefined }),
    ).rejects.toThrow(/EADDRINUSE/);
    rmSync(second, { recursive: true, force: true });
  }, 180_000);
});

describe('closing a server just after a write', () => {
  it('logs the event of a write answered just before it closes the database', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-data-'));
    try {
      const server = await startServer({ port: 0, dataDir, log: () => undefined, runJobs: false });
      const { cookie, csrfToken } = await demoSession(server.url, 'mediator');
      const created = await fetch(`${server.url}/api/negotiations/${DEMO_NEGOTIATION.id}/plan/statements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          person: 'Spokesperson',
          partyId: DEMO_PARTIES.unitedStates.id,
          date: '2025-11-30',
          source: 'shutdown test',
          quote: 'Said just before the server stopped.',
          pointIds: [],
        }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      // A supervisor's SIGTERM right after the answer: what a reconnecting stream replays must hold it.
      await server.close();

      const reopened = await openDatabase({ dataDir });
      try {
        const events = await listPlanEventsAfter<{ type: string; statementId?: string }>(reopened.db, {
          afterId: 0,
          negotiationId: DEMO_NEGOTIATION.id,
          limit: 1_000,
        });
        expect(events.map(({ event }) => event)).toContainEqual(
          expect.objectContaining({ type: 'statement.created', statementId: id }),
        );
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
