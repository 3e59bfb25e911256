import { describe, expect, it } from 'vitest';
import { loadAuditTree } from '../src/audit/audit-tree';
import { loadAuditTreeShared } from '../src/audit/kept-audit-tree';
import { recordAudit } from '../src/audit';
import { recordAudits } from '../src/audit/record-audit';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';

// Issue #15: every event stream that opens gets a signed checkpoint, and each checkpoint re-hashed
// the whole audit log, so 1,000 streams opening together re-hashed it 1,000 times. Loads are now
// shared by the calls that arrive before one starts; none may return a tree older than its call.

describe.each(DATABASE_KINDS)('shared audit tree loads on %s', (kind) => {
  it('gives calls made together one load, and a call after a write a tree that holds it', async () => {
    const handle = await openTestDatabase(kind);
    const append = (subjectId: string) =>
      handle.db.transaction().execute((tx) =>
        recordAudit(tx, {
          actorId: null,
          action: 'test.append',
          subjectType: 'test',
          subjectId,
          negotiationId: null,
        }),
      );
    try {
      for (let i = 0; i < 5; i += 1) await append(`before-${i}`);
      const together = await Promise.all(Array.from({ length: 50 }, () => loadAuditTreeShared(handle.db)));
      expect(new Set(together).size).toBe(1);
      const size = together[0]?.size ?? 0;
      expect(size).toBe((await loadAuditTree(handle.db)).size);

      // A load is running; a write commits; a call made after the commit must see it.
      const running = loadAuditTreeShared(handle.db);
      await append('during');
      const after = await loadAuditTreeShared(handle.db);
      expect((await running).size).toBeGreaterThanOrEqual(size);
      expect(after.size).toBe(size + 1);
      expect(after.root()).toEqual((await loadAuditTree(handle.db)).root());
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('lets the event loop turn while it reads a log of several pages', async () => {
    const handle = await openTestDatabase(kind);
    try {
      await handle.db.transaction().execute((tx) =>
        recordAudits(
          tx,
          Array.from({ length: 2_500 }, (_, index) => ({
            actorId: null,
            action: 'test.append',
            subjectType: 'test',
            subjectId: `entry-${index}`,
            negotiationId: null,
          })),
        ),
      );
      // PGlite answers in microtasks: without a turn per page, a whole load ran before any other
      // request (or caller that would have shared it) got in.
      let turned = false;
      setImmediate(() => (turned = true));
      const turnedBeforeTheEnd = await loadAuditTree(handle.db).then(() => turned);
      expect(turnedBeforeTheEnd).toBe(true);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
