import type { LeadHandoverId, UserId } from '@parley/core';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../../src/demo';
import type { Database } from '../../src/storage/database';
import { insertLeadHandover } from '../../src/storage/lead-handovers';
import { insertUser } from '../../src/storage/users';
import type { AccessFixture } from './access-fixtures';

const HANDOVER_ID = '00000000-0000-4000-8000-0000000e1d01' as LeadHandoverId;
const SUCCESSOR_ID = '00000000-0000-4000-8000-0000000e1d02' as UserId;
/** Who sees a hand-over proposed for Ukraine: Ukraine's delegation and the mediator's staff. */
const READERS = new Set(['mediator', 'ownDelegation']);

/** A pending lead hand-over the mediator proposed for Ukraine (#13). */
export const LEAD_HANDOVER_ACCESS_FIXTURE: AccessFixture = {
  params: async (db: Database) => {
    await insertUser(db, {
      user: {
        id: SUCCESSOR_ID,
        email: 'handover-successor@example.org',
        displayName: 'Proposed successor',
        createdAt: DEMO_NEGOTIATION.createdAt,
      },
      passwordHash: 'not-a-usable-hash',
    });
    await insertLeadHandover(db, {
      id: HANDOVER_ID,
      negotiationId: DEMO_NEGOTIATION.id,
      partyId: DEMO_PARTIES.ukraine.id,
      userId: SUCCESSOR_ID,
      title: 'Proposed head of delegation',
      validFrom: '2025-12-10T00:00:00.000Z',
      state: 'pending',
      proposedBy: DEMO_ACCOUNTS.mediator.id,
      proposedAt: '2025-12-05T00:00:00.000Z',
      decidedAt: null,
      revision: 1,
    });
    return { handoverId: [HANDOVER_ID] };
  },
  isHidden: (kind, values) => (values.handoverId === undefined ? undefined : !READERS.has(kind)),
  forbidden: async (kind) => (READERS.has(kind) ? [] : [HANDOVER_ID, 'Proposed head of delegation']),
};
