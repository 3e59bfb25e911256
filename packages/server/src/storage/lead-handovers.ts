import {
  LeadHandoverIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  UserIdSchema,
  type LeadHandover,
  type LeadHandoverId,
  type LeadHandoverState,
  type NegotiationId,
  type UserId,
} from '@parley/core';
import type { Database } from './database';
import type { LeadHandoversTable } from './schema';

function handoverQuery(db: Database) {
  return db
    .selectFrom('lead_handovers')
    .innerJoin('users', 'users.id', 'lead_handovers.user_id')
    .selectAll('lead_handovers')
    .select('users.display_name');
}

function toHandover(row: LeadHandoversTable & { display_name: string }): LeadHandover {
  return {
    id: LeadHandoverIdSchema.parse(row.id),
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    partyId: PartyIdSchema.parse(row.party_id),
    userId: UserIdSchema.parse(row.user_id),
    displayName: row.display_name,
    title: row.title,
    validFrom: row.valid_from.toISOString(),
    state: row.state as LeadHandoverState,
    proposedBy: UserIdSchema.parse(row.proposed_by),
    proposedAt: row.proposed_at.toISOString(),
    decidedAt: row.decided_at === null ? null : row.decided_at.toISOString(),
    revision: row.revision,
  };
}

export async function insertLeadHandover(
  db: Database,
  handover: Omit<LeadHandover, 'displayName'>,
): Promise<void> {
  await db
    .insertInto('lead_handovers')
    .values({
      id: handover.id,
      negotiation_id: handover.negotiationId,
      party_id: handover.partyId,
      user_id: handover.userId,
      title: handover.title,
      valid_from: new Date(handover.validFrom),
      state: handover.state,
      proposed_by: handover.proposedBy,
      proposed_at: new Date(handover.proposedAt),
      decided_by: null,
      decided_at: null,
      revision: handover.revision,
    })
    .execute();
}

export async function listLeadHandovers(db: Database, negotiationId: NegotiationId): Promise<LeadHandover[]> {
  const rows = await handoverQuery(db)
    .where('lead_handovers.negotiation_id', '=', negotiationId)
    .orderBy('lead_handovers.proposed_at', 'desc')
    .orderBy('lead_handovers.id')
    .execute();
  return rows.map(toHandover);
}

/** Locks the row: an accept and a withdraw racing on one proposal cannot both apply. */
export async function findLeadHandoverForUpdate(
  db: Database,
  input: { negotiationId: NegotiationId; id: LeadHandoverId },
): Promise<LeadHandover | undefined> {
  const row = await handoverQuery(db)
    .where('lead_handovers.id', '=', input.id)
    .where('lead_handovers.negotiation_id', '=', input.negotiationId)
    .forUpdate('lead_handovers')
    .executeTakeFirst();
  return row === undefined ? undefined : toHandover(row);
}

export async function decideLeadHandover(
  db: Database,
  input: { id: LeadHandoverId; state: LeadHandoverState; by: UserId; at: Date },
): Promise<void> {
  await db
    .updateTable('lead_handovers')
    .set((eb) => ({
      state: input.state,
      decided_by: input.by,
      decided_at: input.at,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', input.id)
    .execute();
}
