import { CANONICAL_LABEL, headingStyleIndex, headingStyleOf } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const RECIPIENTS = [
  DEMO_ACCOUNTS.mediator,
  DEMO_ACCOUNTS.mediatorAnalyst,
  DEMO_ACCOUNTS.ukraine,
  DEMO_ACCOUNTS.russia,
  DEMO_ACCOUNTS.observer,
];
type Server = { testApp: TestApp; mediator: SignedIn };

/** `count` copies of one version at once, for the recipients in turn, through the servers in turn. */
async function copiesAtOnce(servers: readonly Server[], count: number): Promise<number[]> {
  const responses = await Promise.all(
    Array.from({ length: count }, (_, index) => {
      const server = servers[index % servers.length];
      if (server === undefined) throw new Error('expected a server');
      return call(server.testApp, `POST ${N}/exports`, {
        as: server.mediator,
        body: {
          versionId: demoPlanId('geneva-19'),
          recipientUserId: RECIPIENTS[index % RECIPIENTS.length]?.id,
          format: 'markdown',
        },
      });
    }),
  );
  return responses.map((response) => response.status);
}

/** Each recipient's keys. */
async function keysByRecipient(handle: DatabaseHandle): Promise<Map<string, Set<string>>> {
  const rows = await handle.db
    .selectFrom('exports')
    .select(['fingerprint_key', 'recipient_user_id'])
    .where('negotiation_id', '=', DEMO_NEGOTIATION.id)
    .execute();
  const keys = new Map<string, Set<string>>();
  for (const row of rows)
    keys.set(
      row.recipient_user_id,
      (keys.get(row.recipient_user_id) ?? new Set()).add(row.fingerprint_key ?? ''),
    );
  return keys;
}

/** One key per recipient, each in a heading style and a number style of its own, never the app's. */
function expectOneKeyEachNumberedApart(keys: Map<string, Set<string>>): void {
  // A recipient comparing their own copies finds the same marks in each.
  expect([...keys.values()].map((held) => held.size)).toEqual(RECIPIENTS.map(() => 1));
  const all = [...keys.values()].flatMap((held) => [...held]);
  expect(new Set(all.map(headingStyleIndex)).size).toBe(RECIPIENTS.length);
  // An untitled document (a transcript) shows only the number style: five recipients, five styles.
  const labels = new Set(all.map((key) => headingStyleOf(key).label));
  expect(labels.size).toBe(RECIPIENTS.length);
  expect(labels.has(CANONICAL_LABEL)).toBe(false);
}

// A leaked PDF keeps little of a copy's marks but its headings: copies made at the same moment for
// different recipients must still each get a style of their own.
describe.each(DATABASE_KINDS)('copies made at once, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let servers: Server[];

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    await seedDemo(handle.db);
    // Two server processes over one database: each makes its own copies one at a time, and between
    // them only the check under the database lock keeps copies made at once from choosing alike.
    servers = await Promise.all(
      [createTestApp(handle.db), createTestApp(handle.db)].map(async (testApp) => {
        const mediator = await signInAs(testApp, 'mediator');
        if (mediator === null) throw new Error('expected a mediator session');
        return { testApp, mediator };
      }),
    );
  });
  afterAll(async () => handle.close());

  it('give each recipient one key for all their copies, and recipients heading styles of their own', async () => {
    expect(await copiesAtOnce(servers.slice(0, 1), 15)).toEqual(Array.from({ length: 15 }, () => 201));
    expectOneKeyEachNumberedApart(await keysByRecipient(handle));
  });

  it('do so through two servers over one database', async () => {
    await handle.db.deleteFrom('exports').execute();
    expect(await copiesAtOnce(servers, 10)).toEqual(Array.from({ length: 10 }, () => 201));
    expectOneKeyEachNumberedApart(await keysByRecipient(handle));
  });
});
