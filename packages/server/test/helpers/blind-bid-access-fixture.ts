import { randomUUID } from 'node:crypto';
import { BiddingIdSchema, PlanVersionIdSchema, PointIdSchema } from '@parley/core';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../../src/demo';
import { demoPlanId } from '../../src/demo/plan-demo';
import { insertBidding } from '../../src/storage/blind-bids';
import type { Database } from '../../src/storage/database';
import type { AccessFixture } from './access-fixtures';
import type { ViewerKind } from './demo-fixture';

// Readers of a bidding between Ukraine and Russia: the mediator's party and the two delegations.
const READERS: readonly ViewerKind[] = ['mediator', 'ownDelegation', 'otherParty'];

/** An open blind bidding (no bids yet); observers and seatless accounts get the 404 of a missing id. */
export const BLIND_BID_ACCESS_FIXTURE: AccessFixture = {
  params: async (db: Database) => {
    const id = BiddingIdSchema.parse(randomUUID());
    await insertBidding(db, {
      id,
      negotiationId: DEMO_NEGOTIATION.id,
      versionId: PlanVersionIdSchema.parse(demoPlanId('geneva-19')),
      pointId: PointIdSchema.parse(demoPlanId('p15')),
      givingPartyId: DEMO_PARTIES.ukraine.id,
      takingPartyId: DEMO_PARTIES.russia.id,
      unit: 'bn',
      min: 0,
      max: 1000,
      rule: 'midpoint',
      closesAt: null,
      openedBy: null,
      openedAt: new Date('2025-12-01T00:00:00.000Z'),
      revealedAt: null,
      revealedBy: null,
      outcome: null,
    });
    return { biddingId: [id] };
  },
  isHidden: (kind, values) => (values.biddingId === undefined ? undefined : !READERS.includes(kind)),
  forbidden: async () => [],
};
