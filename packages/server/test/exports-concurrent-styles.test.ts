import { headingStyleIndex } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;

// A leaked PDF keeps little of a copy's marks but its headings: two copies in one heading style are
// hard to tell apart, so copies made at the same moment must still each get a style of their own.
describe.each(DATABASE_KINDS)('copies made at once, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const session = await signInAs(testApp, 'mediator');
    if (session === null) throw new Error('expected a mediator session');
    mediator = session;
  });
  afterAll(async () => handle.close());

  it('each get a heading style no other copy of the negotiation has', async () => {
    const recipients = [DEMO_ACCOUNTS.ukraine, DEMO_ACCOUNTS.russia];
    // 16 copies at once among 53 styles: chosen independently, two would share one 9 times in 10.
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        call(testApp, `POST ${N}/exports`, {
          as: mediator,
          body: {
            versionId: demoPlanId('geneva-19'),
            recipientUserId: recipients[index % recipients.length]?.id,
            format: 'markdown',
          },
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    const rows = await handle.db
      .selectFrom('exports')
      .select('fingerprint_key')
      .where('negotiation_id', '=', DEMO_NEGOTIATION.id)
      .execute();
    const styles = rows.map((row) => headingStyleIndex(row.fingerprint_key ?? ''));
    expect(styles).toHaveLength(16);
    expect(new Set(styles).size).toBe(16);
  });
});
