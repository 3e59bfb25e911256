import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_RECORDS } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs, type ViewerKind } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// The audit log names what each entry is about ("record ‘…’", "Ukraine’s position on point 3 · …")
// only where the viewer may read that material through the rest of the API: a party's answer
// carries no title, position, amendment or minutes label of another party's restricted material.

type Label = { text: string; opens: Record<string, string> | null };
type Entry = {
  action: string;
  subjectId: string | null;
  detail: Record<string, unknown>;
  labels: Record<string, Label>;
};

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const GENEVA = demoPlanId('geneva-19');
const record = (index: number) => DEMO_RECORDS[index] ?? { id: 'missing', title: 'missing' };
// 0 US public · 1 US parties · 2 Ukraine mediator · 3 Ukraine delegation · 4 Russia delegation
// 5 Russia mediator · 6 US delegation · 7 Europe delegation
const UKRAINE_ONLY = [2, 3];
const RUSSIA_ONLY = [4, 5];

describe.each(API_DATABASE_KINDS)('audit log labels on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  const as = new Map<ViewerKind, SignedIn | null>();
  const viewer = (kind: ViewerKind) => as.get(kind) ?? null;
  const read = async (kind: ViewerKind) => {
    const response = await call(testApp, `GET ${N}/audit?limit=100`, { as: viewer(kind) });
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, items: (JSON.parse(text) as { items: Entry[] }).items };
  };
  const labelTexts = (items: readonly Entry[]) =>
    items.flatMap((entry) => Object.values(entry.labels).map((label) => label.text));

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    for (const kind of ['mediator', 'ownDelegation', 'otherParty'] as const)
      as.set(kind, await signInAs(testApp, kind));
    // Each delegation reads its papers, positions, amendments and minutes; the mediator reads Ukraine's memo.
    const reads: [ViewerKind, string][] = [
      ['ownDelegation', `${N}/records`],
      ['ownDelegation', `${N}/records/${record(3).id}`],
      ['ownDelegation', `${N}/plan/versions/${GENEVA}/positions`],
      ['ownDelegation', `${N}/plan/amendments`],
      ['ownDelegation', `${N}/plan/rounds`],
      ['otherParty', `${N}/records`],
      ['otherParty', `${N}/records/${record(4).id}`],
      ['otherParty', `${N}/plan/versions/${GENEVA}/positions`],
      ['otherParty', `${N}/plan/amendments`],
      ['otherParty', `${N}/plan/rounds`],
      ['mediator', `${N}/records/${record(2).id}`],
    ];
    for (const [kind, path] of reads)
      expect((await call(testApp, `GET ${path}`, { as: viewer(kind) })).status, path).toBe(200);
    const copy = await call(testApp, `POST ${N}/exports`, {
      as: viewer('mediator'),
      body: { kind: 'negotiation-summary', recipientUserId: DEMO_ACCOUNTS.ukraine.id },
    });
    expect(copy.status).toBe(201);
  });
  afterAll(async () => handle.close());

  it("names a party's own material in words, with where to open it", async () => {
    const { items } = await read('ownDelegation');
    const texts = labelTexts(items);
    expect(texts).toContain(`record ‘${record(3).title}’ (its delegation only)`);
    expect(texts.some((text) => /^Ukraine’s position on point \d+/.test(text))).toBe(true);
    expect(texts.some((text) => /^minutes of Geneva round · Geneva$/.test(text))).toBe(true);
    expect(texts).toContain(`copy of ${DEMO_NEGOTIATION.title} for ${DEMO_ACCOUNTS.ukraine.displayName}`);
    const read3 = items.find((entry) => entry.action === 'record.read' && entry.subjectId === record(3).id);
    expect(read3?.labels[record(3).id]?.opens).toEqual({ page: 'record', recordId: record(3).id });
  });

  it('labels only ids the entry itself shows', async () => {
    for (const kind of ['mediator', 'ownDelegation', 'otherParty'] as const) {
      for (const entry of (await read(kind)).items) {
        const shown = [entry.subjectId, ...Object.values(entry.detail).flat()];
        for (const id of Object.keys(entry.labels)) expect(shown).toContain(id);
      }
    }
  });

  it("sends a party no label of another party's restricted material", async () => {
    const cases = [
      { kind: 'otherParty', own: 'Russian Federation', other: 'Ukraine', hidden: UKRAINE_ONLY },
      { kind: 'ownDelegation', own: 'Ukraine', other: 'Russian Federation', hidden: RUSSIA_ONLY },
    ] as const;
    for (const { kind, own, other, hidden } of cases) {
      const { text, items } = await read(kind);
      for (const index of [...hidden, 6, 7]) expect(text).not.toContain(record(index).title);
      const texts = labelTexts(items);
      expect(texts.some((label) => label.startsWith(`${own}’s position`))).toBe(true);
      expect(texts.filter((label) => label.includes(`${other}’s position`))).toEqual([]);
      expect(texts.filter((label) => label.includes(`amendment by ${other}`))).toEqual([]);
    }
    // Russia was not in the room in Geneva: not even the name of those minutes reaches it.
    expect(labelTexts((await read('otherParty')).items).join('\n')).not.toContain('minutes of Geneva');
  });

  it('keeps the restricted records it named by title in that read of the log', async () => {
    await read('ownDelegation');
    const reads = await handle.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'audit.read')
      .where('actor_id', '=', DEMO_ACCOUNTS.ukraine.id)
      .orderBy('seq', 'desc')
      .execute();
    const detail = reads[0]?.detail as { recordIds?: string[] } | undefined;
    expect(detail?.recordIds?.toSorted()).toEqual([record(2).id, record(3).id].sort());
  });

  it("does not name to the mediator another delegation's internal papers", async () => {
    const { text } = await read('mediator');
    expect(text).toContain(record(2).title);
    for (const index of [3, 4, 7]) expect(text).not.toContain(record(index).title);
    expect(text).toContain(`${DEMO_PARTIES.ukraine.name}’s position on point`);
  });
});
