import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, recordAudits, verifyAuditChain, type AuditInput } from '../src/audit';
import { canonicalJson, GENESIS_HASH } from '../src/audit/hash-entry';
import { auditLeafHash } from '../src/audit/read-log';
import { DEMO_NEGOTIATION, DEMO_RECORDS } from '../src/demo';
import {
  appendAuditEntries,
  findAuditHead,
  listAuditEntries,
  type StoredAuditEntry,
} from '../src/storage/audit-log';
import type { Database, DatabaseHandle } from '../src/storage/database';
import { auditSaltMigration } from '../src/storage/migrations/0270-audit-salt';
import { auditedRead } from './helpers/audit-entries';
import { asOwner } from './helpers/audit-owner';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// An inclusion proof shows the leaf hashes of neighbouring entries the caller may not see. Every
// field of such an entry can be guessed, so unsalted, its hash could be found offline (a security
// test recovered a position narrowed to private in 38,951 tries). Each new entry carries a secret
// salt among its hashed fields; entries from before keep none and must still verify.

const NEGOTIATION = '00000000-0000-4000-8000-00000000dddd';

type Guessable = Omit<StoredAuditEntry, 'hash' | 'salt'>;

/** The attacker's hash, and the server's before migration 0270: every field but a salt. */
const hashWithoutSalt = (fields: Guessable) =>
  createHash('sha256')
    .update(canonicalJson({ ...fields, at: fields.at.toISOString() }))
    .digest('hex');

const withoutSecrets = ({ hash: _hash, salt: _salt, ...guessable }: StoredAuditEntry): Guessable => guessable;

async function lastEntry(db: Database): Promise<StoredAuditEntry> {
  const head = await findAuditHead(db);
  const [entry] = await listAuditEntries(db, { afterSeq: (head?.seq ?? 1) - 1, limit: 1 });
  if (entry === undefined) throw new Error('the log is empty');
  return entry;
}

describe.each(DATABASE_KINDS)('salted audit entries on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
  });
  afterAll(async () => handle.close());

  it('gives two entries written from the same input, at the same place in the chain, different ids', async () => {
    const input: AuditInput = { ...auditedRead(NEGOTIATION, 1), at: new Date(Date.UTC(2025, 10, 20, 9)) };
    // Written and rolled back twice: same seq, same previous hash, same fields.
    const writeAndRollBack = async () => {
      let written: StoredAuditEntry | undefined;
      await expect(
        handle.db.transaction().execute(async (tx) => {
          await recordAudit(tx, input);
          written = await lastEntry(tx);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      if (written === undefined) throw new Error('nothing was written');
      return written;
    };
    const first = await writeAndRollBack();
    const second = await writeAndRollBack();
    expect(withoutSecrets(second)).toEqual(withoutSecrets(first));
    expect(second.hash).not.toBe(first.hash);
    expect(second.salt).not.toBe(first.salt);
  });

  it('cannot be hashed from its fields without its salt, even when every field is guessed right', async () => {
    await recordAudit(handle.db, {
      ...auditedRead(NEGOTIATION, 2),
      action: 'position.set',
      detail: { visibility: 'private', revision: 7 },
    });
    const entry = await lastEntry(handle.db);
    expect(entry.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(hashWithoutSalt(withoutSecrets(entry))).not.toBe(entry.hash);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });
});

describe.each(DATABASE_KINDS)('a log begun before entries were salted, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    // The release before migration 0270: no salt column, and an audit_append that knows none.
    await auditSaltMigration.down?.(handle.db as never);
    for (let index = 1; index <= 3; index++) {
      const head = await findAuditHead(handle.db);
      const fields = {
        ...auditedRead(NEGOTIATION, index),
        seq: index,
        at: new Date(Date.UTC(2025, 10, 20, 9, index)),
        prevHash: head?.hash ?? GENESIS_HASH,
      };
      const result = await appendAuditEntries(handle.db, head, [
        { ...fields, salt: null, hash: hashWithoutSalt(fields) },
      ]);
      expect(result.appended).toBe(true);
    }
    await auditSaltMigration.up(handle.db as never);
    await recordAudits(
      handle.db,
      [4, 5, 6].map((index) => auditedRead(NEGOTIATION, index)),
    );
  });
  afterAll(async () => handle.close());

  const entries = () => listAuditEntries(handle.db, { afterSeq: 0, limit: 100 });
  const setSalt = (seq: number, salt: string | null) =>
    asOwner(handle.db, async () => {
      await sql`UPDATE audit_log SET salt = ${salt} WHERE seq = ${String(seq)}`.execute(handle.db);
    });

  it('verifies, the old entries unsalted and the new ones salted', async () => {
    const salts = (await entries()).map((entry) => entry.salt);
    expect(salts.slice(0, 3)).toEqual([null, null, null]);
    for (const salt of salts.slice(3)) expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 6 });
  });

  it('no longer verifies once a salt is changed, removed, or given to an old entry', async () => {
    const original = (await entries())[4]?.salt ?? null;
    for (const [seq, salt] of [
      [5, 'f'.repeat(32)],
      [5, null],
      [2, 'f'.repeat(32)],
    ] as const) {
      await setSalt(seq, salt);
      expect(await verifyAuditChain(handle.db)).toMatchObject({
        ok: false,
        firstBrokenSeq: seq,
        reason: expect.stringMatching(/altered/),
      });
      await setSalt(seq, seq === 5 ? original : null);
      expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 6 });
    }
  });
});

describe('the salt over the API', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let russia: SignedIn;
  const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    mediator = (await signInAs(testApp, 'mediator')) as SignedIn;
    russia = (await signInAs(testApp, 'otherParty')) as SignedIn;
  });
  afterAll(async () => handle.close());

  it('is never sent, not in any audit entry, nor in a proof', async () => {
    const salts = (await listAuditEntries(handle.db, { afterSeq: 0, limit: 100_000 }))
      .map((entry) => entry.salt)
      .filter((salt) => salt !== null);
    expect(salts.length).toBeGreaterThan(0);
    const answers: string[] = [];
    const items: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(
        testApp,
        `GET ${N}/audit?limit=100${cursor === null ? '' : `&cursor=${cursor}`}`,
        { as: mediator },
      );
      expect(response.status).toBe(200);
      const text = await response.text();
      answers.push(text);
      const page = JSON.parse(text) as { items: Record<string, unknown>[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const newest = items[0]?.id;
    const proof = await call(testApp, `GET ${N}/audit/entries/${String(newest)}/proof`, { as: mediator });
    expect(proof.status).toBe(200);
    answers.push(await proof.text());

    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).not.toHaveProperty('salt');
    for (const text of answers) {
      expect(text).not.toContain('"salt"');
      for (const salt of salts) expect(text).not.toContain(salt);
    }
  });

  it("keeps a hidden neighbour's leaf in a proof path from being recomputed from guessed fields", async () => {
    // Russia's own read, then right beside it in the tree a read of Ukraine's delegation-only paper.
    const visibleRead: AuditInput = {
      actorId: russia.userId,
      action: 'record.read',
      subjectType: 'record',
      subjectId: DEMO_RECORDS[4]?.id ?? null,
      negotiationId: DEMO_NEGOTIATION.id,
      detail: { classification: 'delegation' },
    };
    const hiddenRead: AuditInput = {
      ...visibleRead,
      actorId: null,
      subjectId: DEMO_RECORDS[3]?.id ?? null,
    };
    const headSeq = (await findAuditHead(handle.db))?.seq ?? 0;
    // Leaves 2k and 2k + 1 are siblings; leaf index is seq - 1.
    const filler = headSeq % 2 === 1 ? [auditedRead(NEGOTIATION, 1)] : [];
    await recordAudits(handle.db, [...filler, visibleRead, hiddenRead]);
    const hidden = await lastEntry(handle.db);
    const [visible] = await listAuditEntries(handle.db, { afterSeq: hidden.seq - 2, limit: 1 });

    const response = await call(
      testApp,
      `GET ${N}/audit/entries/${String(visible?.hash)}/proof?treeSize=${hidden.seq}`,
      { as: russia },
    );
    expect(response.status).toBe(200);
    const { proof } = (await response.json()) as { proof: string[] };
    const siblingLeaf = proof[0];
    expect(siblingLeaf).toBe(Buffer.from(auditLeafHash(hidden.hash)).toString('hex'));
    // The best guess there is: every field right, the salt unknown.
    const guessedLeaf = Buffer.from(auditLeafHash(hashWithoutSalt(withoutSecrets(hidden)))).toString('hex');
    expect(guessedLeaf).not.toBe(siblingLeaf);
  });
});
