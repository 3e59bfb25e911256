// Issue #13, item 4: every tampering with the audit log — by someone who controls the database,
// triggers and all — is detected against a signed checkpoint a party kept.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../src/audit';
import { loadAuditTree } from '../src/audit/audit-tree';
import { parseCheckpoint, signCheckpoint } from '../src/audit/checkpoint';
import { createEphemeralKeyring, loadAuditKeyring, rotateAuditKey } from '../src/audit/signing-keys';
import { verifyAgainstCheckpoint } from '../src/audit/verify-checkpoint';
import { main } from '../src/cli/main';
import { openDatabase, type Database, type DatabaseHandle } from '../src/storage/database';
import { asOwner as asOwnerOf, rewriteChainFrom } from './helpers/audit-owner';

const keyring = createEphemeralKeyring();

async function appendEntries(db: Database, from: number, count: number): Promise<void> {
  for (let index = from; index < from + count; index++) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, {
        at: new Date(Date.UTC(2025, 10, 20, 9, index)),
        actorId: null,
        action: 'record.read',
        subjectType: 'record',
        subjectId: `record-${index}`,
        negotiationId: null,
        detail: { classification: index % 2 === 0 ? 'parties' : 'mediator' },
      }),
    );
  }
}

/** What a party holds: the signed checkpoint text it was given when the log had `size` entries. */
async function checkpointNow(db: Database): Promise<string> {
  const tree = await loadAuditTree(db);
  return signCheckpoint(keyring, { treeSize: tree.size, rootHash: tree.root() });
}

const verify = (db: Database, text: string) => verifyAgainstCheckpoint(db, { text, keys: keyring.known });

describe('issue 13: tampering with the audit log', () => {
  let handle: DatabaseHandle;
  let held: string;

  beforeAll(async () => {
    handle = await openDatabase({ inMemory: true });
  });
  afterAll(async () => handle.close());

  // Every test starts from the same 12-entry log, checkpointed, then 3 honest entries more.
  afterEach(async () => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(handle.db);
    await sql`ALTER TABLE audit_head DISABLE TRIGGER USER`.execute(handle.db);
    await sql`DELETE FROM audit_log`.execute(handle.db);
    await sql`DELETE FROM audit_head`.execute(handle.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(handle.db);
    await sql`ALTER TABLE audit_head ENABLE TRIGGER USER`.execute(handle.db);
  });
  const start = async () => {
    await appendEntries(handle.db, 0, 12);
    held = await checkpointNow(handle.db);
    await appendEntries(handle.db, 12, 3);
    expect(await verify(handle.db, held)).toMatchObject({ ok: true, checkpointSize: 12, logSize: 15 });
  };
  const asOwner = (work: () => Promise<void>) => asOwnerOf(handle.db, work);

  it('refuses to move audit_head back or delete it while the triggers stand', async () => {
    await start();
    await expect(sql`UPDATE audit_head SET seq = 10`.execute(handle.db)).rejects.toThrow(/audit_head/);
    await expect(sql`DELETE FROM audit_head`.execute(handle.db)).rejects.toThrow(/audit_head/);
    await expect(sql`TRUNCATE audit_head`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 15`.execute(handle.db)).rejects.toThrow(/append-only/);
  });

  it('detects an edited entry (trigger disabled, hash column left alone)', async () => {
    await start();
    await asOwner(async () => {
      await sql`UPDATE audit_log SET subject_id = 'record-forged' WHERE seq = 4`.execute(handle.db);
    });
    expect((await verifyAuditChain(handle.db)).ok).toBe(false);
    expect(await verify(handle.db, held)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/rewritten/),
    });
  });

  it('detects a deleted entry', async () => {
    await start();
    await asOwner(async () => {
      await sql`DELETE FROM audit_log WHERE seq = 7`.execute(handle.db);
    });
    expect(await verify(handle.db, held)).toMatchObject({ ok: false });
  });

  it('detects a cut tail with audit_head moved back to match', async () => {
    await start();
    await asOwner(async () => {
      await sql`DELETE FROM audit_log WHERE seq > 9`.execute(handle.db);
      await sql`UPDATE audit_head SET seq = 9, hash = (SELECT hash FROM audit_log WHERE seq = 9)`.execute(
        handle.db,
      );
    });
    expect((await verifyAuditChain(handle.db)).ok).toBe(true); // the hash chain alone is fooled…
    expect(await verify(handle.db, held)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/9 entries .* commits to 12: entries were removed/),
    });
  });

  it('detects an edit followed by a full recomputation of every later hash and the head', async () => {
    await start();
    await rewriteChainFrom(handle.db, 5, 'record-forged');
    expect((await verifyAuditChain(handle.db)).ok).toBe(true); // …and so is it here
    expect(await verify(handle.db, held)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/rewritten/),
    });
  });

  it('refuses a checkpoint signed with a key nobody trusts, and one altered after signing', async () => {
    await start();
    const stranger = createEphemeralKeyring();
    const tree = await loadAuditTree(handle.db);
    const forged = signCheckpoint(stranger, { treeSize: tree.size, rootHash: tree.root() });
    expect(await verify(handle.db, forged)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/signature/),
    });
    expect(await verify(handle.db, held.replace(/\n12\n/, '\n11\n'))).toMatchObject({ ok: false });
  });
});

describe('issue 13: signing keys and `parley audit verify --checkpoint`', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'parley-audit-keys-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps verifying checkpoints signed before a key rotation', async () => {
    const keyDir = path.join(dataDir, 'audit-keys');
    const first = loadAuditKeyring({ keyDir });
    const old = signCheckpoint(first, { treeSize: 1, rootHash: new Uint8Array(32) });
    rotateAuditKey(keyDir);
    const rotated = loadAuditKeyring({ keyDir });
    expect(rotated.signer.keyId).not.toBe(first.signer.keyId);
    expect(rotated.known.map((key) => key.keyId)).toContain(first.signer.keyId);
    const parsed = parseCheckpoint(old);
    expect(parsed.ok && parsed.checkpoint.signatures[0]?.keyId).toBe(first.signer.keyId);
  });

  it('proves from the command line that the log extends a kept checkpoint, and fails once it does not', async () => {
    const run = async (...argv: string[]) => {
      let out = '';
      const code = await main(argv, { out: (text) => (out += `${text}\n`), err: () => {}, isTty: false });
      return { code, out };
    };
    const handle = await openDatabase({ dataDir });
    await appendEntries(handle.db, 0, 5);
    const keys = loadAuditKeyring({ keyDir: path.join(dataDir, 'audit-keys') });
    const tree = await loadAuditTree(handle.db);
    const file = path.join(dataDir, 'checkpoint.txt');
    writeFileSync(file, signCheckpoint(keys, { treeSize: tree.size, rootHash: tree.root() }));
    await appendEntries(handle.db, 5, 2);
    await handle.close();

    const intact = await run('audit', 'verify', '--checkpoint', file, '--data', dataDir);
    expect(intact.out).toMatch(/log \(7 entries\) extends the checkpoint of 5 entries/);
    expect(intact.code).toBe(0);
    const pinned = await run(
      'audit',
      'verify',
      '--checkpoint',
      file,
      '--public-key',
      keys.signer.publicKey,
      '--data',
      dataDir,
    );
    expect(pinned.code).toBe(0);

    const tamper = await openDatabase({ dataDir });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(tamper.db);
    await sql`UPDATE audit_log SET action = 'record.list' WHERE seq = 2`.execute(tamper.db);
    await tamper.close();
    const broken = await run('audit', 'verify', '--checkpoint', file, '--data', dataDir);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/checkpoint NOT consistent/);
  });
});
