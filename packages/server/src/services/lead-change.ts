import { randomUUID } from 'node:crypto';
import {
  can,
  DomainError,
  isMembershipActive,
  type ChangeLeadInput,
  type LeadChange,
  type MemberId,
  type Party,
  type Viewer,
} from '@parley/core';
import { recordAudit } from '../audit';
import { listMembers, updateMemberValidTo } from '../storage/members';
import type { AppDeps } from './deps';
import { seatMember } from './members';
import { assertAllowed } from './viewer';

/**
 * Replaces a party's lead in one transaction: every lead seat valid at `validFrom` ends exactly
 * then and the new lead's seat starts then, so there is never a gap or two leads at once.
 */
export async function changeLead(
  deps: AppDeps,
  viewer: Viewer,
  input: { party: Party; change: ChangeLeadInput },
): Promise<LeadChange> {
  const { party, change } = input;
  assertAllowed(
    can(viewer, 'member.manage', {
      kind: 'party',
      negotiationId: party.negotiationId,
      partyId: party.id,
      partyRole: party.role,
    }),
    "manage this party's delegation",
  );
  const validFrom = change.validFrom ?? deps.clock.now().toISOString();
  const at = new Date(validFrom);
  return deps.db.transaction().execute(async (tx) => {
    const seats = await listMembers(tx, party.negotiationId);
    const current = seats.filter(
      (seat) => seat.partyId === party.id && seat.function === 'lead' && isMembershipActive(seat, at),
    );
    if (current.some((seat) => seat.validFrom === validFrom)) {
      throw new DomainError('conflict', 'A lead seat starts at this very moment; choose a later validFrom.', {
        field: 'validFrom',
      });
    }
    for (const seat of current) await updateMemberValidTo(tx, { memberId: seat.id, validTo: validFrom });
    const lead = await seatMember(tx, {
      id: randomUUID() as MemberId,
      negotiationId: party.negotiationId,
      partyId: party.id,
      userId: change.userId,
      function: 'lead',
      title: change.title,
      validFrom,
      validTo: null,
    });
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: viewer.userId,
      action: 'member.lead-change',
      subjectType: 'party',
      subjectId: party.id,
      negotiationId: party.negotiationId,
      detail: { ended: current.map((seat) => seat.id), lead: lead.id, validFrom },
    });
    return { ended: current.map((seat) => ({ ...seat, validTo: validFrom })), lead };
  });
}
