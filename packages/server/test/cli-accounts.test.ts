import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/storage/database';
import { runCli } from './helpers/run-cli';

const run = runCli;

describe('parley users / tokens / audit commands', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates an account, then a token that authenticates as it, and both are audited', async () => {
    const created = await run(
      'users create',
      '--email',
      'clerk@example.org',
      '--name',
      'Clerk',
      '--password',
      'a long enough password',
      '--data',
      dataDir,
    );
    expect(created).toMatchObject({
      code: 0,
      out: expect.stringContaining('created account clerk@example.org'),
    });
    const token = await run(
      'tokens',
      'create',
      '--email',
      'clerk@example.org',
      '--label',
      'scripts',
      '--data',
      dataDir,
    );
    expect(token.code).toBe(0);
    expect(token.out.trim()).toMatch(/^pt_\S{20,}$/);
    const verified = await run('audit', 'verify', '--data', dataDir, '--json');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toEqual({ ok: true, entries: 2 });
  });

  it('refuses a second account with the same email without touching the first', async () => {
    const again = await run(
      'users',
      'create',
      '--email',
      'clerk@example.org',
      '--name',
      'Other',
      '--password',
      'another long password',
      '--data',
      dataDir,
    );
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/account with this email exists/);
    expect((await run('audit', 'verify', '--data', dataDir)).out).toContain('intact: 2 entries');
  });

  it('names the flag that is wrong', async () => {
    const badEmail = await run(
      'users',
      'create',
      '--email',
      'not-an-email',
      '--name',
      'X',
      '--password',
      'a long enough password',
      '--data',
      dataDir,
    );
    expect(badEmail).toMatchObject({ code: 2, err: expect.stringContaining('--email') });
    const unknown = await run('audit', 'verify', '--frobnicate');
    expect(unknown).toMatchObject({ code: 2, err: expect.stringContaining('--frobnicate') });
    const noAccount = await run('tokens', 'create', '--email', 'nobody@example.org', '--data', dataDir);
    expect(noAccount).toMatchObject({ code: 1, err: expect.stringContaining('nobody@example.org') });
    expect(await run('tokens', 'create', '--data', dataDir)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--email is required'),
    });
    expect(await run('serve', '--port', 'eighty')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--port'),
    });
    expect(await run('audit', 'verify', '--database-url', 'mysql://x')).toMatchObject({
      code: 2,
      err: expect.stringContaining('postgres://'),
    });
  });

  it('prints help for every command', async () => {
    for (const name of ['serve', 'demo', 'users create', 'tokens create', 'audit verify']) {
      const help = await run(...name.split(' '), '--help');
      expect(help.code).toBe(0);
      expect(help.out).toContain(`Usage: parley ${name}`);
    }
    expect((await run('--help')).out).toContain('audit verify');
    expect(await run('no-such-command')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command'),
    });
  });

  it('exits 1 and names the entry when the audit log was tampered with', async () => {
    const handle = await openDatabase({ dataDir });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(handle.db);
    await sql`UPDATE audit_log SET action = 'token.revoke' WHERE seq = 2`.execute(handle.db);
    await handle.close();
    const verified = await run('audit', 'verify', '--data', dataDir);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain('BROKEN at entry 2');
  });

  it('creates an administrator of the server with --admin (#11)', async () => {
    const created = await run(
      'users create',
      '--email',
      'chief@example.org',
      '--name',
      'Chief',
      '--password',
      'a long enough password',
      '--admin',
      '--data',
      dataDir,
    );
    expect(created).toMatchObject({ code: 0, out: expect.stringContaining('created administrator chief@') });
    const handle = await openDatabase({ dataDir });
    try {
      const rows = await handle.db
        .selectFrom('users')
        .select(['email', 'is_admin'])
        .orderBy('email')
        .execute();
      expect(rows.filter((row) => row.is_admin).map((row) => row.email)).toEqual(['chief@example.org']);
    } finally {
      await handle.close();
    }
  });

  it('creates a token that ends after --days, and refuses a lifetime over a year (#13)', async () => {
    const token = await run(
      'tokens',
      'create',
      '--email',
      'clerk@example.org',
      '--days',
      '30',
      '--data',
      dataDir,
    );
    expect(token.code).toBe(0);
    const expiresAt = /expires (\S+);/.exec(token.err)?.[1] ?? '';
    const handle = await openDatabase({ dataDir });
    try {
      const rows = await handle.db.selectFrom('api_tokens').select(['created_at', 'expires_at']).execute();
      const stored = rows.find((row) => row.expires_at.toISOString() === expiresAt);
      expect(stored).toBeDefined();
      const days = ((stored?.expires_at.getTime() ?? 0) - (stored?.created_at.getTime() ?? 0)) / 86_400_000;
      expect(days).toBe(30);
    } finally {
      await handle.close();
    }
    for (const days of ['400', '0', 'soon'])
      expect(
        await run('tokens', 'create', '--email', 'clerk@example.org', '--days', days, '--data', dataDir),
      ).toMatchObject({ code: 2, err: expect.stringContaining('--days') });
  });
});
