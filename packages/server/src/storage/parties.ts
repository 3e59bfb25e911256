import {
  NegotiationIdSchema,
  PartyIdSchema,
  type NegotiationId,
  type Party,
  type PartyId,
  type PartyRole,
} from '@parley/core';
import type { Selectable } from 'kysely';
import type { Database } from './database';
import { lockInNegotiation } from './negotiation-locks';
import type { PartiesTable } from './schema';

function toParty(row: Selectable<PartiesTable>): Party {
  return {
    id: PartyIdSchema.parse(row.id),
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    name: row.name,
    role: row.role as PartyRole,
    required: row.required,
    createdAt: row.created_at.toISOString(),
    revision: row.revision,
  };
}

/** A new party is at revision 1. */
export async function insertParty(db: Database, party: Omit<Party, 'revision'>): Promise<Party> {
  await db
    .insertInto('parties')
    .values({
      id: party.id,
      negotiation_id: party.negotiationId,
      name: party.name,
      role: party.role,
      required: party.required,
      created_at: new Date(party.createdAt),
    })
    .execute();
  return { ...party, revision: 1 };
}

/** A party of this negotiation (a party id from another negotiation is not found). */
export async function findParty(
  db: Database,
  input: { negotiationId: NegotiationId; partyId: PartyId },
): Promise<Party | undefined> {
  const row = await db
    .selectFrom('parties')
    .selectAll()
    .where('id', '=', input.partyId)
    .where('negotiation_id', '=', input.negotiationId)
    .executeTakeFirst();
  return row === undefined ? undefined : toParty(row);
}

export async function listParties(db: Database, negotiationId: NegotiationId): Promise<Party[]> {
  const rows = await db
    .selectFrom('parties')
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toParty);
}

/**
 * The negotiation's parties, read under a lock held until the caller's transaction ends: two
 * parties given one name at once, from any process, see each other.
 */
export async function lockedPartyList(tx: Database, negotiationId: NegotiationId): Promise<Party[]> {
  await lockInNegotiation(tx, 'partyNames', negotiationId);
  return listParties(tx, negotiationId);
}

/** Renames a party or changes `required` if it is still at `baseRevision`; undefined when it is not. */
export async function updatePartyRow(
  db: Database,
  input: {
    negotiationId: NegotiationId;
    partyId: PartyId;
    baseRevision: number;
    changes: Partial<Pick<Party, 'name' | 'required'>>;
  },
): Promise<Party | undefined> {
  const { name, required } = input.changes;
  const row = await db
    .updateTable('parties')
    .set((eb) => ({
      ...(name === undefined ? {} : { name }),
      ...(required === undefined ? {} : { required }),
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', input.partyId)
    .where('negotiation_id', '=', input.negotiationId)
    .where('revision', '=', input.baseRevision)
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : toParty(row);
}
