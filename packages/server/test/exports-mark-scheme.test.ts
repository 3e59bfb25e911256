import { createHash } from 'node:crypto';
import { chooseFingerprintKey, ExportIdSchema, PlanVersionIdSchema, type MarkScheme } from '@parley/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import { documentBlocks, renderText, type ExportDocument } from '../src/exports/document/export-document';
import { renderMarkdown } from '../src/exports/render/render-markdown';
import type { DatabaseHandle } from '../src/storage/database';
import { insertExport, listExports } from '../src/storage/exports';
import { MIGRATIONS } from '../src/storage/migrations';
import { openTestDatabase } from './helpers/each-database';
import { RUSSIAN_POINTS } from './helpers/plans-in-other-scripts';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// A Russian translation of the plan, copied for five recipients: two before mark scheme 2 (their
// rows come from a database migrated past 0280 afterwards), three after. A leak of either kind
// must name its recipient through the API.
const PLAN: ExportDocument = {
  title: 'План',
  subtitle: [],
  isFingerprinted: true,
  sections: [
    {
      heading: null,
      blocks: RUSSIAN_POINTS.slice(0, 4).map(([title, text], index) => ({
        id: `ru-${index + 1}`,
        number: String(index + 1),
        title,
        text,
      })),
    },
  ],
};

const RECIPIENTS = ['ukraine', 'russia', 'observer', 'mediatorAnalyst', 'outsider'] as const;
const SCHEMES: readonly MarkScheme[] = [1, 1, 2, 2, 2];
const keys: string[] = [];
for (const [index] of RECIPIENTS.entries())
  keys.push(
    chooseFingerprintKey({
      candidates: Array.from({ length: 64 }, (_, attempt) => `scheme-test-${index}-${attempt}-0123456789`),
      existingKeys: keys,
    }),
  );
const exportId = (index: number) => ExportIdSchema.parse(`00000000-0000-4000-8000-0000000e5c0${index}`);
const copyOf = (index: number) => renderMarkdown(renderText(PLAN, keys[index] ?? '', SCHEMES[index] ?? 2));

/** The row as a copy is stored, made with `index`'s key and scheme. */
function storedCopy(index: number) {
  const content = Buffer.from(copyOf(index), 'utf8');
  return {
    id: exportId(index),
    negotiationId: DEMO_NEGOTIATION.id,
    kind: 'plan-version' as const,
    versionId: PlanVersionIdSchema.parse(demoPlanId('geneva-19')),
    compareToVersionId: null,
    pointId: null,
    roundId: null,
    recordId: null,
    recipientUserId: DEMO_ACCOUNTS[RECIPIENTS[index] ?? 'observer'].id,
    exportedBy: DEMO_ACCOUNTS.mediator.id,
    format: 'markdown' as const,
    fingerprintKey: keys[index] ?? '',
    markScheme: SCHEMES[index] ?? 2,
    points: documentBlocks(PLAN),
    content,
    contentHash: createHash('sha256').update(content).digest('hex'),
    createdAt: `2025-12-0${index + 1}T09:00:00.000Z`,
  };
}

describe('copies made before and after mark scheme 2', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  const MIGRATION = '0280-export-mark-scheme';

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const signedIn = await signInAs(testApp, 'mediator');
    if (signedIn === null) throw new Error('expected a session');
    mediator = signedIn;
    // The old copies as a database before 0280 holds them: no scheme column at all.
    await MIGRATIONS[MIGRATION]?.down?.(handle.db as never);
    for (const index of [0, 1]) {
      const { markScheme: _none, ...old } = storedCopy(index);
      await sql`INSERT INTO exports (id, negotiation_id, kind, version_id, recipient_user_id, exported_by,
          format, fingerprint_key, fingerprint_points, content, content_hash, created_at)
        VALUES (${old.id}, ${old.negotiationId}, ${old.kind}, ${old.versionId}, ${old.recipientUserId},
          ${old.exportedBy}, ${old.format}, ${old.fingerprintKey}, ${JSON.stringify(old.points)}::jsonb,
          ${old.content}, ${old.contentHash}, ${old.createdAt})`.execute(handle.db);
    }
    await MIGRATIONS[MIGRATION]?.up(handle.db as never);
    for (const index of [2, 3, 4]) await insertExport(handle.db, storedCopy(index));
  });
  afterAll(async () => handle.close());

  it('keeps scheme 1 for every copy stored before migration 0280, and stores scheme 2 for new ones', async () => {
    const stored = await listExports(handle.db, DEMO_NEGOTIATION.id);
    const schemes = new Map(stored.map((row) => [row.id, row.markScheme]));
    expect(RECIPIENTS.map((_, index) => schemes.get(exportId(index)))).toEqual([1, 1, 2, 2, 2]);
  });

  it('refuses to store a copy without its scheme', async () => {
    const { markScheme: _none, ...copy } = storedCopy(4);
    await expect(
      sql`INSERT INTO exports (id, negotiation_id, kind, recipient_user_id, exported_by, format, content_hash, created_at)
        VALUES (${exportId(9)}, ${copy.negotiationId}, ${copy.kind}, ${copy.recipientUserId},
          ${copy.exportedBy}, ${copy.format}, ${copy.contentHash}, ${copy.createdAt})`.execute(handle.db),
    ).rejects.toThrow(/mark_scheme/);
  });

  it.each(RECIPIENTS.map((recipient, index) => [recipient, index, SCHEMES[index]] as const))(
    "names %s's copy (%i, scheme %i) from a leaked excerpt",
    async (_recipient, index) => {
      // The first three points, without the title line, as a leaker would paste them. Read for
      // scheme 2's marks, Russia's old copy is not named from them (its quotes and ё never varied).
      const copy = copyOf(index);
      const excerpt = copy.slice(copy.indexOf('\n')).trim().split('\n\n').slice(0, 3).join('\n\n');
      const response = await call(testApp, `POST /api/negotiations/${DEMO_NEGOTIATION.id}/trace-leak`, {
        as: mediator,
        body: { text: excerpt },
      });
      expect(response.status).toBe(200);
      const traced = (await response.json()) as { verdict: { kind: string; exportId?: string } };
      expect(traced.verdict).toMatchObject({ kind: 'identified', exportId: exportId(index) });
    },
  );
});
