import { stripFingerprint } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_DEADLINES, DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { DEMO_ROUNDS } from '../src/demo/plan-data';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

type Created = {
  id: string;
  kind: string;
  format: string;
  isFingerprinted: boolean;
  contentHash: string;
  downloadUrl: string;
  markdown?: string;
  recipient: { userId: string };
};

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const GENEVA = demoPlanId('geneva-19');
const GENEVA_ROUND = DEMO_ROUNDS[0];

describe.each(API_DATABASE_KINDS)('export kinds and who may fetch them, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let russia: SignedIn;
  let observer: SignedIn;

  const exportFor = async (as: SignedIn, body: Record<string, unknown>) =>
    call(testApp, `POST ${N}/exports`, { as, body });
  const created = async (as: SignedIn, body: Record<string, unknown>): Promise<Created> => {
    const response = await exportFor(as, body);
    expect(response.status, JSON.stringify(body)).toBe(201);
    return (await response.json()) as Created;
  };

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const sessions = await Promise.all(
      (['mediator', 'ownDelegation', 'otherParty', 'observer'] as const).map((kind) =>
        signInAs(testApp, kind),
      ),
    );
    const [m, u, r, o] = sessions;
    if (!m || !u || !r || !o) throw new Error('expected sessions');
    [mediator, ukraine, russia, observer] = [m, u, r, o];
  });
  afterAll(async () => handle.close());

  it('lets only the recipient and the mediator staff download a copy; others get the 404 of a missing one', async () => {
    const copy = await created(mediator, {
      versionId: GENEVA,
      recipientUserId: DEMO_ACCOUNTS.ukraine.id,
      format: 'docx',
    });
    for (const as of [mediator, ukraine])
      expect((await call(testApp, `GET ${copy.downloadUrl}`, { as })).status).toBe(200);
    const missingUrl = copy.downloadUrl.replace(copy.id, '00000000-0000-4000-8000-00000000ffff');
    for (const as of [russia, observer]) {
      const hidden = await call(testApp, `GET ${copy.downloadUrl}`, { as });
      const missing = await call(testApp, `GET ${missingUrl}`, { as });
      expect(hidden.status).toBe(404);
      expect((await hidden.text()).replace(copy.id, 'ID')).toBe(
        (await missing.text()).replace('00000000-0000-4000-8000-00000000ffff', 'ID'),
      );
    }
    expect((await call(testApp, `GET ${copy.downloadUrl}`, { as: null })).status).toBe(401);
  });

  it('adds a redline against another version, with deletions and insertions marked', async () => {
    const copy = await created(ukraine, { versionId: GENEVA, compareToVersionId: demoPlanId('draft-28') });
    expect(copy.markdown).toContain('## Changes from');
    expect(copy.markdown).toMatch(/<del>[^<]+<\/del>/);
    expect(copy.markdown).toMatch(/<ins>[^<]+<\/ins>/);
    expect(copy.markdown).not.toMatch(/\[-|\{\+/);
  });

  it('exports a point’s history through every version it lived in', async () => {
    const copy = await created(russia, {
      kind: 'point-history',
      versionId: GENEVA,
      pointId: demoPlanId('p15'),
      format: 'markdown',
    });
    expect(copy.isFingerprinted).toBe(true);
    expect(copy.markdown).toMatch(/History of point/);
    expect(
      copy.markdown?.match(/\(created\)|\(amend\)|\(renumber\)|\(merge\)|\(split\)|\(add\)/gi)?.length ?? 0,
    ).toBeGreaterThan(0);
  });

  it('exports minutes only for someone who was in the room, fingerprinted', async () => {
    const roundId = demoPlanId(GENEVA_ROUND.key);
    const forRussia = await exportFor(mediator, {
      kind: 'round-minutes',
      roundId,
      recipientUserId: DEMO_ACCOUNTS.russia.id,
    });
    // The mediator, who reads the minutes, is told why; Russia itself only learns that it cannot.
    expect(forRussia.status).toBe(400);
    expect(((await forRussia.json()) as { detail: string }).detail).toContain(
      `${DEMO_ACCOUNTS.russia.displayName} may not read the minutes of this round`,
    );
    expect((await exportFor(russia, { kind: 'round-minutes', roundId })).status).toBe(404);
    const forUkraine = await created(mediator, {
      kind: 'round-minutes',
      roundId,
      recipientUserId: DEMO_ACCOUNTS.ukraine.id,
    });
    expect(forUkraine.isFingerprinted).toBe(true);
    expect(stripFingerprint(forUkraine.markdown ?? '')).toContain(
      stripFingerprint(GENEVA_ROUND.minutes).slice(12, 80),
    );
  });

  it('exports a public readout to anyone seated, word for word and without marks', async () => {
    const copy = await created(russia, { kind: 'round-readout', roundId: demoPlanId(GENEVA_ROUND.key) });
    expect(copy.isFingerprinted).toBe(false);
    expect(copy.markdown).toContain(GENEVA_ROUND.publicReadout);
  });

  it('summarises statuses, blocking points and deadlines of the latest version', async () => {
    const copy = await created(observer, { kind: 'negotiation-summary', format: 'markdown' });
    expect(copy.isFingerprinted).toBe(true);
    const text = stripFingerprint(copy.markdown ?? '').replace(/[\u200b\u200c]/g, '');
    expect(text).toMatch(/Status: (agreed|open|contested|deferred to leaders|agreed ad referendum)/);
    expect(text).toMatch(/Points blocking agreement|No point blocks agreement/i);
    for (const deadline of DEMO_DEADLINES)
      expect(text.toLowerCase()).toContain(deadline.title.toLowerCase().slice(0, 20));
  });

  it("leaves a delegation-private position out of the summary, even in that delegation's own copy", async () => {
    type Status = { points: { pointId: string; number: number; objectingPartyIds: string[] }[] };
    const statusPath = `GET ${N}/plan/versions/${GENEVA}/status`;
    const before = (await (await call(testApp, statusPath, { as: ukraine })).json()) as Status;
    const point = before.points.find(
      (candidate) => !candidate.objectingPartyIds.includes(DEMO_PARTIES.ukraine.id),
    );
    if (point === undefined) throw new Error('expected a point Ukraine does not object to');
    const lineOf = async () => {
      const copy = await created(ukraine, { kind: 'negotiation-summary', versionId: GENEVA });
      const text = stripFingerprint(copy.markdown ?? '').replace(/[\u200b\u200c]/g, '');
      // the heading's wording is a fingerprint channel and differs per copy: compare what follows it
      const line = text
        .split('\n')
        .find(
          (candidate) =>
            candidate.includes('Status:') && new RegExp(`^\\D*${point.number}\\D`).test(candidate),
        );
      return line?.slice(line.indexOf('Status:'));
    };
    expect(await lineOf()).not.toMatch(/Objecting:[^.]*Ukraine/);
    const positions = (await (
      await call(testApp, `GET ${N}/plan/versions/${GENEVA}/positions`, { as: ukraine })
    ).json()) as { items: { pointId: string; partyId: string; revision: number }[] };
    const baseRevision =
      positions.items.find(
        (entry) => entry.pointId === point.pointId && entry.partyId === DEMO_PARTIES.ukraine.id,
      )?.revision ?? 0;
    const put = await call(
      testApp,
      `PUT ${N}/plan/versions/${GENEVA}/points/${point.pointId}/positions/${DEMO_PARTIES.ukraine.id}`,
      {
        as: ukraine,
        body: { value: 'red_line', note: 'kept within the delegation', visibility: 'private', baseRevision },
      },
    );
    expect(put.status).toBe(200);
    // Ukraine's own status view counts its private red line; its exported summary does not.
    const after = (await (await call(testApp, statusPath, { as: ukraine })).json()) as Status;
    expect(
      after.points.find((candidate) => candidate.pointId === point.pointId)?.objectingPartyIds,
    ).toContain(DEMO_PARTIES.ukraine.id);
    const summaryAfter = await lineOf();
    expect(summaryAfter).toMatch(/^Status: /);
    expect(summaryAfter).not.toMatch(/Objecting:[^.]*Ukraine/);
  });

  it('names the field a kind needs when it is missing', async () => {
    const response = await exportFor(ukraine, { kind: 'point-history', versionId: GENEVA });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('pointId');
  });

  it('traces a pasted excerpt of a point-history copy to its recipient', async () => {
    const copies = await Promise.all(
      [DEMO_ACCOUNTS.ukraine, DEMO_ACCOUNTS.russia].map((recipient) =>
        created(mediator, {
          kind: 'point-history',
          versionId: GENEVA,
          pointId: demoPlanId('p21'),
          recipientUserId: recipient.id,
        }),
      ),
    );
    const leaked = copies[1];
    const excerpt = (leaked?.markdown ?? '').split('\n\n').slice(2).join(' ');
    const response = await call(testApp, `POST ${N}/trace-leak`, { as: mediator, body: { text: excerpt } });
    expect(((await response.json()) as { verdict: unknown }).verdict).toMatchObject({
      kind: 'identified',
      exportId: leaked?.id,
    });
  });

  it('traces an uploaded PDF or DOCX copy to its recipient, and answers an unreadable upload with a 400 naming the file', async () => {
    const copies = await Promise.all(
      [DEMO_ACCOUNTS.ukraine, DEMO_ACCOUNTS.russia].flatMap((recipient) =>
        (['pdf', 'docx'] as const).map((format) =>
          created(mediator, { versionId: GENEVA, recipientUserId: recipient.id, format }),
        ),
      ),
    );
    const traceFile = (as: SignedIn, name: string, bytes: Buffer) =>
      call(testApp, `POST ${N}/trace-leak/file`, {
        as,
        body: { name, contentBase64: bytes.toString('base64') },
      });
    for (const leaked of copies.filter((copy) => copy.recipient.userId === DEMO_ACCOUNTS.russia.id)) {
      const bytes = Buffer.from(
        await (await call(testApp, `GET ${leaked.downloadUrl}`, { as: mediator })).arrayBuffer(),
      );
      const response = await traceFile(mediator, `leak.${leaked.format}`, bytes);
      expect(response.status).toBe(200);
      const traced = (await response.clone().json()) as { marksRead: number; choicesRead: number };
      // Each heading shows the copy's one heading style: fewer distinct choices than marks.
      expect(traced.choicesRead).toBeGreaterThan(1);
      expect(traced.choicesRead).toBeLessThan(traced.marksRead);
      expect(((await response.json()) as { verdict: unknown }).verdict).toMatchObject({
        kind: 'identified',
        exportId: leaked.id,
      });
    }
    const corrupt = await traceFile(mediator, 'leak.pdf', Buffer.from('%PDF-1.4 not really'));
    expect(corrupt.status).toBe(400);
    expect(JSON.stringify(await corrupt.json())).toContain('leak.pdf is not a readable PDF file');
    // Anyone else gets the answer of a missing negotiation before the upload is even read.
    for (const as of [russia, observer]) {
      const hidden = await traceFile(as, 'leak.pdf', Buffer.from('%PDF-1.4 not really'));
      expect(hidden.status).toBe(404);
    }
    const notBase64 = await call(testApp, `POST ${N}/trace-leak/file`, {
      as: mediator,
      body: { name: 'leak.pdf', contentBase64: 'not base64!' },
    });
    expect(notBase64.status).toBe(400);
    expect(JSON.stringify(await notBase64.json())).toContain('contentBase64');
    // An empty file is said to be empty, and only that (it read "Not base64").
    const empty = await call(testApp, `POST ${N}/trace-leak/file`, {
      as: mediator,
      body: { name: 'leak.pdf', contentBase64: '' },
    });
    expect(empty.status).toBe(400);
    const emptyBody = JSON.stringify(await empty.json());
    expect(emptyBody).toContain('The file is empty');
    expect(emptyBody).not.toContain('Not base64');
  });

  it('lists every copy in the register for the mediator staff, and only its own copies for anyone else', async () => {
    const forUkraine = await created(mediator, {
      versionId: GENEVA,
      recipientUserId: DEMO_ACCOUNTS.ukraine.id,
      format: 'pdf',
    });
    const forRussia = await created(mediator, {
      versionId: GENEVA,
      recipientUserId: DEMO_ACCOUNTS.russia.id,
    });
    type Register = {
      items: { id: string; recipient: { userId: string }; downloadUrl: string; createdAt: string }[];
    };
    const registerOf = async (as: SignedIn) => {
      const response = await call(testApp, `GET ${N}/exports`, { as });
      expect(response.status).toBe(200);
      return ((await response.json()) as Register).items;
    };
    const all = await registerOf(mediator);
    expect(all.map((item) => item.id)).toEqual(expect.arrayContaining([forUkraine.id, forRussia.id]));
    expect([...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt))).toEqual(all);
    for (const [as, userId] of [
      [ukraine, DEMO_ACCOUNTS.ukraine.id],
      [russia, DEMO_ACCOUNTS.russia.id],
    ] as const) {
      const own = await registerOf(as);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((item) => item.recipient.userId === userId)).toBe(true);
      for (const item of own)
        expect((await call(testApp, `GET ${item.downloadUrl}`, { as })).status).toBe(200);
    }
    expect((await registerOf(ukraine)).map((item) => item.id)).not.toContain(forRussia.id);
    expect(JSON.stringify(await registerOf(mediator))).not.toMatch(/fingerprintKey|"key"/);
  });

  it('audits every export with recipient, key id and content hash, never the key', async () => {
    const copy = await created(ukraine, { kind: 'negotiation-summary', format: 'pdf' });
    const row = await handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export.create')
      .where('subject_id', '=', copy.id)
      .executeTakeFirstOrThrow();
    const detail = (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<
      string,
      unknown
    >;
    const stored = await handle.db
      .selectFrom('exports')
      .select('fingerprint_key')
      .where('id', '=', copy.id)
      .executeTakeFirstOrThrow();
    expect(detail).toMatchObject({
      exportId: copy.id,
      recipientUserId: DEMO_ACCOUNTS.ukraine.id,
      kind: 'negotiation-summary',
      format: 'pdf',
      contentHash: copy.contentHash,
    });
    expect(detail.fingerprintKeyId).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(JSON.stringify(detail)).not.toContain(stored.fingerprint_key);
  });
});
