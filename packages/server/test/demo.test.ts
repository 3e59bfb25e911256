import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNTS,
  DEMO_DEADLINES,
  DEMO_MEMBERS,
  DEMO_NEGOTIATION,
  DEMO_PARTIES,
  DEMO_PASSWORD,
  DEMO_RECORDS,
  formatDemoCredentials,
  loadDemo,
  loadDemoIfEmpty,
  UKRAINE_LEAD_CHANGE,
} from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

describe.each(API_DATABASE_KINDS)('demo negotiation on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
  });
  afterAll(async () => handle.close());

  it('loads into an empty database only', async () => {
    const first = await loadDemoIfEmpty(handle.db);
    expect(first?.negotiationId).toBe(DEMO_NEGOTIATION.id);
    expect(await loadDemoIfEmpty(handle.db)).toBeUndefined();
  });

  it('models the talks: US mediator, Ukraine and Russia required, European observers', () => {
    expect(Object.values(DEMO_PARTIES).map((party) => [party.name, party.role, party.required])).toEqual([
      ['United States', 'mediator', false],
      ['Ukraine', 'party', true],
      ['Russian Federation', 'party', true],
      ['European partners (E3: France, Germany, United Kingdom)', 'observer', false],
    ]);
  });

  it("replaces Ukraine's lead mid-talks with no gap and no overlap", () => {
    const leads = DEMO_MEMBERS.filter((member) => member.party === 'ukraine' && member.function === 'lead');
    expect(leads.map((member) => [member.validFrom, member.validTo])).toEqual([
      ['2025-11-20T09:00:00.000Z', UKRAINE_LEAD_CHANGE],
      [UKRAINE_LEAD_CHANGE, null],
    ]);
  });

  it('sets its deadline before US Thanksgiving (27 Nov 2025) and has records of every classification', () => {
    for (const deadline of DEMO_DEADLINES)
      expect(Date.parse(deadline.dueAt)).toBeLessThan(Date.parse('2025-11-27T05:00:00Z'));
    expect(new Set(DEMO_RECORDS.map((record) => record.classification)).size).toBe(4);
  });

  it('reloads cleanly after demo accounts have written data of their own', async () => {
    const outsider = await signIn(testApp, DEMO_ACCOUNTS.outsider.email, DEMO_PASSWORD);
    const ukraine = await signIn(testApp, DEMO_ACCOUNTS.ukraine.email, DEMO_PASSWORD);
    const own = (await (
      await call(testApp, 'POST /api/negotiations', {
        as: outsider,
        body: { title: 'Outsider talks', closureRule: 'point-by-point', mediatorPartyName: 'Host' },
      })
    ).json()) as { id: string };
    expect(own.id).toBeDefined();
    expect(
      (
        await call(testApp, `POST /api/negotiations/${DEMO_NEGOTIATION.id}/records`, {
          as: ukraine,
          body: {
            owningPartyId: DEMO_PARTIES.ukraine.id,
            kind: 'note',
            classification: 'delegation',
            title: 'Scratch',
            body: '',
          },
        })
      ).status,
    ).toBe(201);
    await loadDemo(handle.db);
    const again = await signIn(testApp, DEMO_ACCOUNTS.ukraine.email, DEMO_PASSWORD);
    const records = (await (
      await call(testApp, `GET /api/negotiations/${DEMO_NEGOTIATION.id}/records`, { as: again })
    ).json()) as { items: unknown[] };
    expect(records.items).toHaveLength(4);
    expect(await handle.db.selectFrom('negotiations').select('id').execute()).toEqual([
      { id: DEMO_NEGOTIATION.id },
    ]);
  });

  it('prints every account with the shared password', async () => {
    const summary = await loadDemo(handle.db);
    const text = formatDemoCredentials(summary);
    expect(text).toContain(DEMO_PASSWORD);
    for (const account of Object.values(DEMO_ACCOUNTS)) expect(text).toContain(account.email);
  });
});
