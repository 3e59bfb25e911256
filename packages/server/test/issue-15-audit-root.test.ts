import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bytesToHex } from '@parley/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit';
import { loadAuditRootShared } from '../src/audit/audit-root';
import { loadAuditTree } from '../src/audit/audit-tree';
import { loadAuditTreeShared } from '../src/audit/kept-audit-tree';
import { signCheckpoint } from '../src/audit/checkpoint';
import { recordAudits } from '../src/audit/record-audit';
import { createEphemeralKeyring } from '../src/audit/signing-keys';
import { verifyAgainstCheckpoint } from '../src/audit/verify-checkpoint';
import { openDatabase, type Database, type DatabaseHandle } from '../src/storage/database';
import { auditedRead } from './helpers/audit-entries';
import { asOwner, rewriteChainFrom } from './helpers/audit-owner';
import { DATABASE_KINDS, openTestDatabase, type DatabaseKind } from './helpers/each-database';

// Issue #15: a checkpoint (every event stream's first event, every export's footer) re-hashed the
// whole log, so opening a stream cost more the longer the instance ran. Its root is now kept and
// read on from the last entry it covers. It must still be the root of the log the database holds,
// and no rewrite of the log may pass a checkpoint signed from it. The tree proofs are read from is
// kept the same way and must agree with both.

const keyring = createEphemeralKeyring();
const NEGOTIATION = '00000000-0000-4000-8000-000000000015';

const append = (db: Database, count: number, from = 0) =>
  db.transaction().execute((tx) =>
    recordAudits(
      tx,
      Array.from({ length: count }, (_, i) => auditedRead(NEGOTIATION, from + i)),
    ),
  );

/** The kept root (checkpoints), the kept tree (proofs) and a tree read whole now. */
async function rootsOf(db: Database) {
  const kept = await loadAuditRootShared(db);
  const tree = await loadAuditTreeShared(db);
  const reread = await loadAuditTree(db);
  return {
    kept: { size: kept.treeSize, root: bytesToHex(kept.rootHash) },
    tree: { size: tree.size, root: bytesToHex(tree.root()) },
    reread: { size: reread.size, root: bytesToHex(reread.root()) },
  };
}

describe.each(DATABASE_KINDS)('the kept audit root and tree on %s', (kind) => {
  it('is the root of the whole log after every append, across pages', async () => {
    const handle = await openTestDatabase(kind);
    try {
      expect((await rootsOf(handle.db)).kept.size).toBe(0);
      await append(handle.db, 5);
      let roots = await rootsOf(handle.db);
      expect(roots.kept).toEqual(roots.reread);
      expect(roots.tree).toEqual(roots.reread);
      await append(handle.db, 2_500, 5);
      roots = await rootsOf(handle.db);
      expect(roots.kept).toEqual({ size: 2_505, root: roots.reread.root });
      expect(roots.tree).toEqual(roots.reread);
      await append(handle.db, 1, 2_505);
      roots = await rootsOf(handle.db);
      expect(roots.kept).toEqual({ size: 2_506, root: roots.reread.root });
      expect(roots.tree).toEqual(roots.reread);
      // Calls made together after a write share a load that holds it.
      await append(handle.db, 3, 2_506);
      const together = await Promise.all(Array.from({ length: 20 }, () => loadAuditRootShared(handle.db)));
      expect(new Set(together.map(({ treeSize }) => treeSize))).toEqual(new Set([2_509]));
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('follows a rewrite that re-hashed the chain, and a cut tail, so old checkpoints catch both', async () => {
    const handle = await openTestDatabase(kind);
    const db = handle.db;
    try {
      await append(db, 12);
      const before = await rootsOf(db);
      const held = signCheckpoint(keyring, await loadAuditRootShared(db));
      // Entry 5 forged, then every later hash and the head recomputed: the chain verifies again.
      await rewriteChainFrom(db, 5, 'forged');
      expect((await verifyAuditChain(db)).ok).toBe(true);
      const rewritten = await rootsOf(db);
      expect(rewritten.kept).toEqual(rewritten.reread);
      expect(rewritten.tree).toEqual(rewritten.reread);
      expect(rewritten.kept.root).not.toBe(before.kept.root);
      expect(await verifyAgainstCheckpoint(db, { text: held, keys: keyring.known })).toMatchObject({
        ok: false,
      });

      await asOwner(db, async () => {
        await sql`DELETE FROM audit_log WHERE seq > 9`.execute(db);
        await sql`UPDATE audit_head SET seq = 9, hash = (SELECT hash FROM audit_log WHERE seq = 9)`.execute(
          db,
        );
      });
      const cut = await rootsOf(db);
      expect(cut.kept).toEqual({ size: 9, root: cut.reread.root });
      expect(cut.tree).toEqual(cut.reread);
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('keeps the log as written when an entry is edited behind an intact chain, which verification catches', async () => {
    const handle = await openTestDatabase(kind);
    const db = handle.db;
    try {
      await append(db, 12);
      const asWritten = await rootsOf(db);
      await asOwner(db, async () => {
        await sql`UPDATE audit_log SET subject_id = 'forged' WHERE seq = 4`.execute(db);
      });
      const after = await rootsOf(db);
      expect(after.kept).toEqual(asWritten.kept);
      expect(after.tree).toEqual(asWritten.kept);
      expect(after.reread.root).not.toBe(asWritten.kept.root);
      const signed = signCheckpoint(keyring, await loadAuditRootShared(db));
      expect(await verifyAgainstCheckpoint(db, { text: signed, keys: keyring.known })).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/rewritten/),
      });
    } finally {
      await handle.close();
    }
  }, 60_000);

  /** A database to write in, and `restart()`: the same database as a new process opens it. */
  async function restartable(kind: DatabaseKind) {
    if (kind === 'postgres') {
      const first = await openTestDatabase(kind);
      const others: DatabaseHandle[] = [];
      return {
        db: first.db,
        restart: async () => {
          const next = await openDatabase({ databaseUrl: first.url ?? '' });
          others.push(next);
          return next.db;
        },
        close: async () => {
          for (const other of others) await other.close();
          await first.close();
        },
      };
    }
    const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-audit-root-'));
    let current = await openDatabase({ dataDir });
    return {
      db: current.db,
      restart: async () => {
        await current.close();
        current = await openDatabase({ dataDir });
        return current.db;
      },
      close: async () => {
        await current.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  it('lets a new process start from the stored edge, and still follow a rewrite of the chain', async () => {
    const handles = await restartable(kind);
    try {
      await append(handles.db, 2_500);
      await loadAuditRootShared(handles.db);
      const db = await handles.restart();
      await append(db, 3, 2_500);
      const roots = await rootsOf(db);
      expect(roots.kept).toEqual({ size: 2_503, root: roots.reread.root });

      // The stored edge names entry 2,503 as hashed: a rewrite that re-hashed it is read in full.
      await loadAuditRootShared(db);
      const fresh = await handles.restart();
      await rewriteChainFrom(fresh, 2_503, 'forged');
      const rewritten = await rootsOf(fresh);
      expect(rewritten.kept).toEqual(rewritten.reread);
      expect(rewritten.kept.root).not.toBe(roots.kept.root);
    } finally {
      await handles.close();
    }
  }, 120_000);

  it('signs what a forged edge gives, and verification against the log then fails', async () => {
    const handles = await restartable(kind);
    try {
      await append(handles.db, 1_200);
      await loadAuditRootShared(handles.db);
      // Peaks changed, the last entry left as it is: nothing but a check against the entries shows it.
      await sql`UPDATE audit_frontier SET peaks = jsonb_set(peaks, '{0,hash}', to_jsonb(repeat('ab', 32)))`.execute(
        handles.db,
      );
      const db = await handles.restart();
      const roots = await rootsOf(db);
      expect(roots.kept.size).toBe(1_200);
      expect(roots.kept.root).not.toBe(roots.reread.root);
      // Proofs come from the entries, so they refuse the forged root too.
      expect(roots.tree).toEqual(roots.reread);
      const signed = signCheckpoint(keyring, await loadAuditRootShared(db));
      expect(await verifyAgainstCheckpoint(db, { text: signed, keys: keyring.known })).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/rewritten/),
      });

      // An edge that is no frontier at all is not used.
      await sql`UPDATE audit_frontier SET peaks = '[{"leaves": 3, "hash": "zz"}]'::jsonb`.execute(db);
      const next = await handles.restart();
      const reread = await rootsOf(next);
      expect(reread.kept).toEqual(reread.reread);
    } finally {
      await handles.close();
    }
  }, 120_000);
});
