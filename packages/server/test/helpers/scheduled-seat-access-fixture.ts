import type { MemberId, UserId } from '@parley/core';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../../src/demo';
import type { Database } from '../../src/storage/database';
import { insertMember } from '../../src/storage/members';
import { insertUser } from '../../src/storage/users';
import type { AccessFixture } from './access-fixtures';

const INCOMING_SEAT = '00000000-0000-4000-8000-0000000f5e01' as MemberId;
const INCOMING_USER = '00000000-0000-4000-8000-0000000f5e02' as UserId;
const LEAVING_SEAT = '00000000-0000-4000-8000-0000000f5e03' as MemberId;
const LEAVING_USER = '00000000-0000-4000-8000-0000000f5e04' as UserId;
// The matrix's clock stands at 5 December 2025: both dates are ahead of it.
const STARTS = '2025-12-10T06:15:00.000Z';
const ENDS = '2025-12-11T07:45:00.000Z';
/** Who sees Ukraine's seat changes dated ahead: Ukraine's delegation and the mediator's staff. */
const READERS = new Set(['mediator', 'ownDelegation']);

const account = (id: UserId, name: string) => ({
  user: { id, email: `${name}@example.org`, displayName: name, createdAt: DEMO_NEGOTIATION.createdAt },
  passwordHash: 'not-a-usable-hash',
});

/**
 * Ukraine's seat changes dated ahead: a delegate seated from a later date and a delegate in office
 * whose end is set ahead. Until then, every other participant sees the delegation as it is now —
 * no later seat (its id is an unknown one), no planned end (neither date is sent to them).
 */
export const SCHEDULED_SEAT_ACCESS_FIXTURE: AccessFixture = {
  params: async (db: Database) => {
    await insertUser(db, account(INCOMING_USER, 'scheduled-incoming-delegate'));
    await insertUser(db, account(LEAVING_USER, 'scheduled-leaving-delegate'));
    const seat = { negotiationId: DEMO_NEGOTIATION.id, partyId: DEMO_PARTIES.ukraine.id };
    await insertMember(db, {
      ...seat,
      id: INCOMING_SEAT,
      userId: INCOMING_USER,
      function: 'delegate',
      title: 'Incoming envoy, not yet announced',
      validFrom: STARTS,
      validTo: null,
    });
    await insertMember(db, {
      ...seat,
      id: LEAVING_SEAT,
      userId: LEAVING_USER,
      function: 'delegate',
      title: 'Envoy in office',
      validFrom: '2025-11-20T09:00:00.000Z',
      validTo: ENDS,
    });
    return { memberId: [INCOMING_SEAT] };
  },
  isHidden: (kind, values) => (values.memberId === INCOMING_SEAT ? !READERS.has(kind) : undefined),
  forbidden: async (kind) =>
    READERS.has(kind)
      ? []
      : [
          INCOMING_SEAT,
          INCOMING_USER,
          'scheduled-incoming-delegate',
          'Incoming envoy, not yet announced',
          STARTS,
          ENDS,
        ],
};
