import { RoundIdSchema, type NegotiationId, type User, type UserId } from '@parley/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PlanEvent } from '../realtime/plan-events';
import { findAuditHead, listAuditEntries } from '../storage/audit-log';
import { openDatabase, type Database, type DatabaseHandle } from '../storage/database';
import { lastPlanEventId, listPlanEventsAfter } from '../storage/plan-events';
import { findUser, insertUser } from '../storage/users';
import { commitChange, type AuditNote } from './commit-change';
import { createDeps, type AppDeps } from './deps';

// Issue #16: the one write path. The write and its audit entry commit together, a change that
// does not commit leaves nothing behind, and its event is announced only after the commit.

const AT = new Date('2026-03-01T09:30:00.000Z');
const NEGOTIATION = '00000000-0000-4000-8000-0000000000aa' as NegotiationId;
const ACTOR = { userId: '00000000-0000-4000-8000-0000000000ff' };
const event = (roundId: string): PlanEvent => ({
  type: 'round.created',
  negotiationId: NEGOTIATION,
  roundId: RoundIdSchema.parse(roundId),
});

let handle: DatabaseHandle;
let deps: AppDeps;
let delivered: PlanEvent[];
// The audit log is append-only and keeps its chain: each test reads what came after its start.
let since: { seq: number; eventId: number };
const ids = countingIds();

function countingIds() {
  let count = 0;
  return { next: () => `00000000-0000-4000-8000-${String((count += 1)).padStart(12, '0')}` };
}

function newUser(id: string): User {
  return { id: id as UserId, email: `${id}@example.org`, displayName: 'A', createdAt: AT.toISOString() };
}

const created = (user: User): AuditNote => ({
  action: 'user.create',
  subjectType: 'user',
  subjectId: user.id,
  negotiationId: null,
});

/** A change that stores a user, audits and announces it, and then does `more` in its write. */
function createUserThen(user: User, more: (tx: Database) => Promise<void>) {
  return commitChange(deps, {
    actor: ACTOR,
    write: async (tx) => {
      await insertUser(tx, { user, passwordHash: 'x' });
      await more(tx);
    },
    audit: created(user),
    event: event('r-1'),
  });
}

async function state(user: User) {
  await deps.events.settled();
  return {
    row: await findUser(handle.db, user.id),
    audit: await listAuditEntries(handle.db, { afterSeq: since.seq, limit: 10 }),
    logged: await listPlanEventsAfter(handle.db, { afterId: since.eventId, limit: 10 }),
    delivered,
  };
}

beforeAll(async () => {
  handle = await openDatabase({ inMemory: true });
  await sql`CREATE TABLE commit_probe (id int UNIQUE DEFERRABLE INITIALLY DEFERRED)`.execute(handle.db);
}, 120_000);

afterAll(async () => {
  await handle.close();
});

beforeEach(async () => {
  since = { seq: (await findAuditHead(handle.db))?.seq ?? 0, eventId: await lastPlanEventId(handle.db) };
  deps = createDeps(handle.db, { clock: { now: () => new Date(AT) }, ids });
  delivered = [];
  deps.events.subscribe(NEGOTIATION, (published) => delivered.push(published));
});

describe('commitChange', () => {
  it('commits the write with its audit entry, dated by the clock and signed by the actor', async () => {
    const user = newUser(deps.ids.next());
    const result = await commitChange(deps, {
      actor: ACTOR,
      write: (tx) => insertUser(tx, { user, passwordHash: 'x' }),
      audit: (stored) => ({ ...created(stored), detail: { email: stored.email } }),
      event: event('r-1'),
    });

    expect(result).toEqual(user);
    const after = await state(user);
    expect(after.row).toEqual(user);
    expect(after.audit).toMatchObject([
      {
        at: AT,
        actorId: ACTOR.userId,
        action: 'user.create',
        subjectType: 'user',
        subjectId: user.id,
        negotiationId: null,
        detail: { email: user.email },
      },
    ]);
    expect(after.delivered).toEqual([event('r-1')]);
    expect(after.logged.map((entry) => entry.event)).toEqual([event('r-1')]);
  });

  it('leaves neither the row, nor the audit entry, nor the event when the write throws', async () => {
    const user = newUser(deps.ids.next());
    const failing = createUserThen(user, () => Promise.reject(new Error('the write failed half-way')));

    await expect(failing).rejects.toThrow('the write failed half-way');
    expect(await state(user)).toEqual({ row: undefined, audit: [], logged: [], delivered: [] });
  });

  it('announces nothing when the transaction fails at COMMIT, after the write and the audit entry', async () => {
    // A deferred constraint is checked only by COMMIT: an event published any earlier would
    // announce a change that never happened.
    const user = newUser(deps.ids.next());
    const failing = createUserThen(user, async (tx) => {
      await sql`INSERT INTO commit_probe VALUES (1), (1)`.execute(tx);
    });

    await expect(failing).rejects.toThrow(/commit_probe/);
    expect(await state(user)).toEqual({ row: undefined, audit: [], logged: [], delivered: [] });
  });

  it('records several entries in order, all dated by one instant the service fixed', async () => {
    const at = new Date('2026-03-02T00:00:00.000Z');
    const users = [newUser(deps.ids.next()), newUser(deps.ids.next())];
    await commitChange(deps, {
      actor: ACTOR,
      at,
      write: async (tx) => {
        for (const user of users) await insertUser(tx, { user, passwordHash: 'x' });
      },
      audit: users.map(created),
      event: [event('r-1'), event('r-2')],
    });

    const after = await state(users[0] as User);
    expect(after.audit.map((entry) => [entry.subjectId, entry.at])).toEqual(
      users.map((user) => [user.id, at]),
    );
    expect(after.delivered).toEqual([event('r-1'), event('r-2')]);
  });

  it('joins an outer change: its entry rolls back with it and its event waits for the outer commit', async () => {
    const inner = newUser(deps.ids.next());
    const outer = newUser(deps.ids.next());
    const nested = (fail: boolean) =>
      commitChange(deps, {
        actor: ACTOR,
        write: async (tx, within) => {
          await commitChange(
            deps,
            {
              actor: { userId: null },
              write: (innerTx) => insertUser(innerTx, { user: inner, passwordHash: 'x' }),
              audit: created(inner),
              event: event('inner'),
            },
            within,
          );
          expect(delivered).toEqual([]);
          await insertUser(tx, { user: outer, passwordHash: 'x' });
          if (fail) throw new Error('the outer write failed');
        },
        audit: created(outer),
        event: event('outer'),
      });

    await expect(nested(true)).rejects.toThrow('the outer write failed');
    expect(await state(inner)).toEqual({ row: undefined, audit: [], logged: [], delivered: [] });

    await nested(false);
    const after = await state(inner);
    expect(after.row).toEqual(inner);
    expect(after.audit.map((entry) => [entry.subjectId, entry.actorId])).toEqual([
      [inner.id, null],
      [outer.id, ACTOR.userId],
    ]);
    expect(after.delivered).toEqual([event('inner'), event('outer')]);
  });

  it('records an audit entry alone when the change has no write', async () => {
    await commitChange(deps, {
      actor: ACTOR,
      audit: {
        action: 'audit.read',
        subjectType: 'negotiation',
        subjectId: NEGOTIATION,
        negotiationId: NEGOTIATION,
      },
    });

    const audit = await listAuditEntries(handle.db, { afterSeq: since.seq, limit: 10 });
    expect(audit).toMatchObject([{ action: 'audit.read', actorId: ACTOR.userId, at: AT, detail: {} }]);
  });
});
