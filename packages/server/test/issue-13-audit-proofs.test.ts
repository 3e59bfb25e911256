// Issue #13, item 4: a party receives signed checkpoints and proves, without seeing any hidden
// entry, that an entry it was shown is in the log and that today's log extends its checkpoint.
import { randomBytes } from 'node:crypto';
import { hexToBytes, verifyConsistency, verifyInclusion } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../src/audit/checkpoint';
import { recordAudit } from '../src/audit';
import { DEMO_NEGOTIATION, DEMO_RECORDS } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
type Checkpoint = { treeSize: number; rootHash: string; checkpoint: string; key: { publicKey: string } };

describe('issue 13: audit checkpoints and proofs over the API', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let russia: SignedIn;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    russia = (await signInAs(testApp, 'otherParty')) as SignedIn;
  });
  afterAll(async () => handle.close());

  it('gives a party a signed checkpoint and proves an entry it was shown is in the log', async () => {
    const held = (await (
      await call(testApp, `GET ${N}/audit/checkpoint`, { as: russia })
    ).json()) as Checkpoint;
    const parsed = parseCheckpoint(held.checkpoint);
    expect(parsed.ok && parsed.checkpoint.treeSize).toBe(held.treeSize);
    const keys = (await (await call(testApp, 'GET /api/audit/keys')).json()) as {
      items: { publicKey: string }[];
    };
    expect(keys.items.map((key) => key.publicKey)).toContain(held.key.publicKey);

    const page = (await (await call(testApp, `GET ${N}/audit?limit=5`, { as: russia })).json()) as {
      items: { id: string }[];
    };
    const shown = page.items[page.items.length - 1];
    expect(shown).toBeDefined();
    const response = await call(
      testApp,
      `GET ${N}/audit/entries/${shown?.id}/proof?treeSize=${held.treeSize}`,
      {
        as: russia,
      },
    );
    expect(response.status).toBe(200);
    const proof = (await response.json()) as {
      leafIndex: number;
      treeSize: number;
      leafHash: string;
      proof: string[];
      checkpoint: Checkpoint;
    };
    expect(proof.checkpoint.rootHash).toBe(held.rootHash);
    expect(
      verifyInclusion({
        leafIndex: proof.leafIndex,
        treeSize: proof.treeSize,
        leafHash: hexToBytes(proof.leafHash),
        proof: proof.proof.map(hexToBytes),
        root: hexToBytes(held.rootHash),
      }),
    ).toBe(true);
  });

  it("answers a proof request for another party's hidden entry exactly like an unknown id", async () => {
    // A read of Ukraine's delegation-only record: Russia may not even learn that it happened.
    await handle.db.transaction().execute((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: 'record.read',
        subjectType: 'record',
        subjectId: DEMO_RECORDS[3]?.id ?? null,
        negotiationId: DEMO_NEGOTIATION.id,
        detail: { classification: 'delegation' },
      }),
    );
    const invisible = await handle.db
      .selectFrom('audit_log')
      .select('hash')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const forHidden = await call(testApp, `GET ${N}/audit/entries/${invisible.hash}/proof`, { as: russia });
    const forUnknown = await call(
      testApp,
      `GET ${N}/audit/entries/${randomBytes(32).toString('hex')}/proof`,
      {
        as: russia,
      },
    );
    expect(forHidden.status).toBe(404);
    // Same answer but for `instance`, which only echoes the path the caller asked for.
    const withoutInstance = async (response: Response) => ({
      ...((await response.json()) as object),
      instance: '',
    });
    expect(await withoutInstance(forHidden)).toEqual(await withoutInstance(forUnknown));
  });

  it('proves that the log grew from a kept checkpoint without rewriting it', async () => {
    const held = (await (
      await call(testApp, `GET ${N}/audit/checkpoint`, { as: russia })
    ).json()) as Checkpoint;
    await call(testApp, `GET ${N}/records`, { as: russia }); // more entries get written
    const response = await call(testApp, `GET ${N}/audit/consistency?from=${held.treeSize}`, { as: russia });
    const proof = (await response.json()) as {
      from: number;
      to: number;
      proof: string[];
      checkpoint: Checkpoint;
    };
    expect(proof.to).toBeGreaterThan(held.treeSize);
    expect(
      verifyConsistency({
        oldSize: held.treeSize,
        newSize: proof.to,
        oldRoot: hexToBytes(held.rootHash),
        newRoot: hexToBytes(proof.checkpoint.rootHash),
        proof: proof.proof.map(hexToBytes),
      }),
    ).toBe(true);
    const tooFar = await call(testApp, `GET ${N}/audit/consistency?from=${proof.to + 1000}`, { as: russia });
    expect(tooFar.status).toBe(400);
  });
});
