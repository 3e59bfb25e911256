import { createHash } from 'node:crypto';
import { ExportIdSchema, PlanVersionIdSchema } from '@parley/core';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION } from '../../src/demo';
import { demoPlanId } from '../../src/demo/plan-demo';
import { insertExport } from '../../src/storage/exports';
import type { AccessFixture } from './access-fixtures';

// A copy made for Ukraine's lead (the ownDelegation viewer): only its recipient and the mediator
// staff may fetch it; to everyone else it must not exist, nor may its text or id reach them.
const UKRAINES_COPY = ExportIdSchema.parse('00000000-0000-4000-8000-0000000e0c01');
const COPY_TEXT = '# Geneva text\n\nCopy for Ukraine, marker 5d1c-export-fixture.\n';

export const EXPORT_ACCESS_FIXTURE: AccessFixture = {
  params: async (db) => {
    const existing = await db
      .selectFrom('exports')
      .select('id')
      .where('id', '=', UKRAINES_COPY)
      .executeTakeFirst();
    if (existing === undefined) {
      const content = Buffer.from(COPY_TEXT, 'utf8');
      await insertExport(db, {
        id: UKRAINES_COPY,
        negotiationId: DEMO_NEGOTIATION.id,
        kind: 'plan-version',
        versionId: PlanVersionIdSchema.parse(demoPlanId('geneva-19')),
        compareToVersionId: null,
        pointId: null,
        roundId: null,
        recordId: null,
        recipientUserId: DEMO_ACCOUNTS.ukraine.id,
        exportedBy: DEMO_ACCOUNTS.mediator.id,
        format: 'markdown',
        fingerprintKey: 'fixture-key-0123456789abcdef',
        markScheme: 2,
        points: [],
        content,
        contentHash: createHash('sha256').update(content).digest('hex'),
        createdAt: '2025-12-01T09:00:00.000Z',
      });
    }
    return { exportId: [UKRAINES_COPY] };
  },
  isHidden: (kind, values) =>
    values.exportId === undefined ? undefined : kind !== 'mediator' && kind !== 'ownDelegation',
  forbidden: async (kind) =>
    kind === 'mediator' || kind === 'ownDelegation' ? [] : [UKRAINES_COPY, 'marker 5d1c-export-fixture'],
};
