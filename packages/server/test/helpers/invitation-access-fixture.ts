import type { InvitationId } from '@parley/core';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../../src/demo';
import { hashSecret } from '../../src/auth/secrets';
import type { Database } from '../../src/storage/database';
import { insertInvitation } from '../../src/storage/invitations';
import type { ViewerKind } from './demo-fixture';
import type { AccessFixture } from './access-fixtures';

type FixtureInvitation = {
  id: InvitationId;
  email: string;
  function: 'delegate' | 'lead';
  invitedBy: keyof typeof DEMO_ACCOUNTS;
  /** Who lists and may withdraw it: whoever could send it now, and whoever sent it. */
  readers: ReadonlySet<ViewerKind>;
};

/**
 * Two pending invitations to Ukraine's delegation: a delegate its lead invited (Ukraine's business
 * alone), and a lead the mediator invited before Ukraine had one (the mediator sent it; Ukraine's
 * lead may send a lead's invitation too). Their emails are private material.
 */
const INVITATIONS: readonly FixtureInvitation[] = [
  {
    id: '00000000-0000-4000-8000-0000000e1e01' as InvitationId,
    email: 'matrix-delegate-invitee@example.org',
    function: 'delegate',
    invitedBy: 'ukraine',
    readers: new Set(['ownDelegation']),
  },
  {
    id: '00000000-0000-4000-8000-0000000e1e02' as InvitationId,
    email: 'matrix-lead-invitee@example.org',
    function: 'lead',
    invitedBy: 'mediator',
    readers: new Set(['mediator', 'ownDelegation']),
  },
];

export const INVITATION_ACCESS_FIXTURE: AccessFixture = {
  params: async (db: Database) => {
    for (const invitation of INVITATIONS)
      await insertInvitation(db, {
        invitation: {
          id: invitation.id,
          negotiationId: DEMO_NEGOTIATION.id,
          partyId: DEMO_PARTIES.ukraine.id,
          email: invitation.email,
          function: invitation.function,
          title: '',
          createdAt: '2025-12-04T00:00:00.000Z',
          expiresAt: '2025-12-18T00:00:00.000Z',
          acceptedAt: null,
          revokedAt: null,
        },
        tokenHash: hashSecret(`matrix-invitation-token-${invitation.id}`),
        invitedBy: DEMO_ACCOUNTS[invitation.invitedBy].id,
      });
    return { invitationId: INVITATIONS.map((invitation) => invitation.id) };
  },
  isHidden: (kind, values) => {
    const invitation = INVITATIONS.find((each) => each.id === values.invitationId);
    return invitation === undefined ? undefined : !invitation.readers.has(kind);
  },
  forbidden: async (kind) =>
    INVITATIONS.filter((invitation) => !invitation.readers.has(kind)).flatMap((invitation) => [
      invitation.id,
      invitation.email,
    ]),
};
