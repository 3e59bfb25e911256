import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripFingerprint } from '@parley/core';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

type Exported = {
  id: string;
  recipient: { userId: string; displayName: string };
  contentHash: string;
  markdown: string;
};
type Traced = {
  verdict: { kind: string; exportId?: string; recipient?: { userId: string } };
  marksRead: number;
  ranking: { exportId: string; recipient: { userId: string; displayName: string } }[];
};

describe.each(API_DATABASE_KINDS)('exports on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let russia: SignedIn;
  const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
  const versionId = demoPlanId('geneva-19');
  const recipients = [DEMO_ACCOUNTS.ukraine.id, DEMO_ACCOUNTS.russia.id, DEMO_ACCOUNTS.observer.id];
  const copies: Exported[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const [m, r] = await Promise.all([signInAs(testApp, 'mediator'), signInAs(testApp, 'otherParty')]);
    if (m === null || r === null) throw new Error('expected sessions');
    [mediator, russia] = [m, r];
    for (const recipientUserId of recipients) {
      const response = await call(testApp, `POST ${N}/exports`, {
        as: mediator,
        body: { versionId, recipientUserId },
      });
      expect(response.status).toBe(201);
      copies.push((await response.json()) as Exported);
    }
  });
  afterAll(async () => handle.close());

  it('gives each delegation its own copy carrying every point of the version unchanged in meaning', async () => {
    expect(copies.map((copy) => copy.recipient.userId)).toEqual(recipients);
    expect(new Set(copies.map((copy) => copy.markdown)).size).toBe(3);
    const response = await call(testApp, `GET ${N}/plan/versions/${versionId}`, { as: mediator });
    const { version } = (await response.json()) as { version: { points: { title: string; text: string }[] } };
    expect(version.points.length).toBe(19);
    for (const copy of copies) {
      const stripped = stripFingerprint(copy.markdown);
      expect(
        version.points
          .filter((point) => !stripped.includes(stripFingerprint(point.text)))
          .map((point) => point.text),
      ).toEqual([]);
    }
  });

  it('names Ukraine from a paragraph of three points pasted from its copy', async () => {
    const ukraine = copies[0];
    if (ukraine === undefined) throw new Error('no copy');
    const excerpt = ukraine.markdown.split('\n\n').slice(5, 8).join('\n\n');
    const response = await call(testApp, `POST ${N}/trace-leak`, { as: mediator, body: { text: excerpt } });
    expect(response.status).toBe(200);
    const traced = (await response.json()) as Traced;
    expect(traced.verdict).toMatchObject({
      kind: 'identified',
      exportId: ukraine.id,
      recipient: { userId: DEMO_ACCOUNTS.ukraine.id },
      basis: 'single-copy',
    });
    expect(traced.ranking[0]?.recipient.displayName).toBe(ukraine.recipient.displayName);
    expect(traced.ranking).toHaveLength(3);
  });

  it('names no one from a mix of the three copies that none of them supplied most of', async () => {
    // Points 5–8 from Ukraine's, Russia's, the observer's and Russia's copy: a mix, but no leader.
    const [ukraine, russiaCopy, observer] = copies;
    if (ukraine === undefined || russiaCopy === undefined || observer === undefined)
      throw new Error('no copy');
    const excerpt = [ukraine, russiaCopy, observer, russiaCopy]
      .map((copy, index) => copy.markdown.split('\n\n')[5 + index])
      .join('\n\n');
    const response = await call(testApp, `POST ${N}/trace-leak`, { as: mediator, body: { text: excerpt } });
    expect(response.status).toBe(200);
    const traced = (await response.json()) as Traced;
    expect(traced.verdict.kind).toBe('undecided');
    expect(traced.marksRead).toBeGreaterThan(1);
  });

  it('says undecided for text that carries no marks', async () => {
    const response = await call(testApp, `POST ${N}/trace-leak`, {
      as: mediator,
      body: { text: 'Nothing from the plan at all.' },
    });
    expect(((await response.json()) as Traced).verdict.kind).toBe('undecided');
  });

  it('hides trace-leak from a party (404) and lets a party export only for itself', async () => {
    const text = copies[0]?.markdown ?? '';
    expect((await call(testApp, `POST ${N}/trace-leak`, { as: russia, body: { text } })).status).toBe(404);
    const forOther = await call(testApp, `POST ${N}/exports`, {
      as: russia,
      body: { versionId, recipientUserId: DEMO_ACCOUNTS.ukraine.id },
    });
    expect(forOther.status).toBe(403);
    const own = await call(testApp, `POST ${N}/exports`, { as: russia, body: { versionId } });
    expect(own.status).toBe(201);
    expect(((await own.json()) as Exported).recipient.userId).toBe(DEMO_ACCOUNTS.russia.id);
  });

  it('refuses a recipient whose seat has ended', async () => {
    const response = await call(testApp, `POST ${N}/exports`, {
      as: mediator,
      body: { versionId, recipientUserId: DEMO_ACCOUNTS.ukraineFormer.id },
    });
    expect(response.status).toBe(404);
  });

  it('leaves an audit entry with recipient and content hash for every export', async () => {
    const rows = await handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export.create')
      .execute();
    const details = rows.map(
      (row) =>
        (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<string, unknown>,
    );
    for (const copy of copies) {
      expect(details).toContainEqual(
        expect.objectContaining({
          exportId: copy.id,
          recipientUserId: copy.recipient.userId,
          contentHash: copy.contentHash,
        }),
      );
    }
    expect(rows.length).toBe(4);
  });
});
