import {
  UserIdSchema,
  type Amendment,
  type AuditMaterial,
  type Member,
  type NegotiationId,
  type PartyId,
  type Position,
  type PositionVisibility,
  type Round,
  type UserId,
} from '@parley/core';
import type { StoredAuditEntry } from '../storage/audit-log';
import { listMembers } from '../storage/members';
import { listParties } from '../storage/parties';
import { listPositionsByIds } from '../storage/plan-positions';
import { listAmendments, listRounds } from '../storage/plan-records';
import { listRecordHeads, type RecordHead } from '../storage/records';
import type { Database } from '../storage/database';
import { partiesSatFor } from './parties-sat-for';

/**
 * What one audit entry is about. `subject` decides whether the entry is listed and whether its
 * subject id and detail are shown; `list` entries (a read of several records, positions or minutes)
 * name one piece of material per id, and each id is shown or withheld on its own.
 */
export type ResolvedAuditEntry = {
  readonly subject: AuditMaterial;
  /** Who acted (the log keeps a plain uuid column; null for the system). */
  readonly actorId: UserId | null;
  /** The parties the actor sat for when the entry was written: whose business its address is. */
  readonly actorPartyIds: readonly PartyId[];
  /** A read made for someone else (the mediator's copy for a delegate): that person and their parties. */
  readonly onBehalfOf?: { readonly userId: string; readonly partyIds: readonly PartyId[] };
  readonly list?: {
    readonly key: ListKey;
    readonly items: readonly { readonly id: string; readonly material: AuditMaterial }[];
  };
};

export const LIST_KEYS = ['recordIds', 'positionIds', 'roundIds', 'amendmentIds', 'countedPartyIds'] as const;
type ListKey = (typeof LIST_KEYS)[number];

/** What every participant may read anyway: entries about it are public in the log too. */
const PUBLIC_ACTIONS = new Set([
  'demo.load',
  'negotiation.create',
  'party.create',
  'deadline.create',
  'member.add',
  'member.end',
  'member.lead-change',
  'escalation.create',
  'escalation.decide',
  'round.create',
  'statement.create',
  'plan.version.create',
  'issue.set',
]);
const PUBLIC: AuditMaterial = { kind: 'public' };
// Fail closed: material the server cannot place is the mediator staff's alone.
const UNPLACED: AuditMaterial = { kind: 'mediator-only' };
const VISIBILITY_ORDER: readonly PositionVisibility[] = ['private', 'mediator', 'parties'];

/** The negotiation's material that audit entries name, loaded once per page. */
export type AuditContext = {
  readonly negotiationId: NegotiationId;
  readonly records: ReadonlyMap<string, RecordHead>;
  readonly amendments: ReadonlyMap<string, Amendment>;
  readonly rounds: ReadonlyMap<string, Round>;
  readonly members: readonly Member[];
  /** The negotiation's parties by id: an id read from an entry's detail counts only if found here. */
  readonly parties: ReadonlyMap<string, PartyId>;
  /** Party names are public to every participant; labels use them. */
  readonly partyNames: ReadonlyMap<string, string>;
  readonly positions: Map<string, Position>;
  /** The server's time of the read: a seat change dated after it is still its delegation's business. */
  readonly now: Date;
};

export async function loadAuditContext(
  db: Database,
  negotiationId: NegotiationId,
  now: Date,
): Promise<AuditContext> {
  const [records, amendments, rounds, members, parties] = await Promise.all([
    // Heads only: the log places a record by its owner and classification, never its text.
    listRecordHeads(db, negotiationId),
    listAmendments(db, negotiationId),
    listRounds(db, negotiationId),
    listMembers(db, negotiationId),
    listParties(db, negotiationId),
  ]);
  return {
    negotiationId,
    records: new Map(records.map((record) => [record.id, record])),
    amendments: new Map(amendments.map((amendment) => [amendment.id, amendment])),
    rounds: new Map(rounds.map((round) => [round.id, round])),
    members,
    parties: new Map(parties.map((party) => [party.id, party.id])),
    partyNames: new Map(parties.map((party) => [party.id, party.name])),
    positions: new Map(),
    now,
  };
}

/** Loads the positions a batch of entries names (they are many, so only those asked for). */
export async function loadAuditPositions(
  db: Database,
  context: AuditContext,
  entries: readonly StoredAuditEntry[],
): Promise<void> {
  const ids = entries.flatMap((entry) =>
    entry.action === 'position.set' && entry.subjectId !== null
      ? [entry.subjectId]
      : stringList(entry.detail.positionIds),
  );
  const missing = [...new Set(ids)].filter((id) => !context.positions.has(id));
  for (const position of await listPositionsByIds(db, { negotiationId: context.negotiationId, ids: missing }))
    context.positions.set(position.id, position);
}

export function resolveAuditEntry(entry: StoredAuditEntry, context: AuditContext): ResolvedAuditEntry {
  const recipient = entry.detail.onBehalfOf;
  return {
    ...resolveMaterial(entry, context),
    actorId: entry.actorId === null ? null : UserIdSchema.parse(entry.actorId),
    actorPartyIds: partiesAt(context, entry.actorId, entry.at),
    ...(typeof recipient === 'string'
      ? { onBehalfOf: { userId: recipient, partyIds: partiesAt(context, recipient, entry.at) } }
      : {}),
  };
}

/**
 * The parties the user sat for when the entry was written. Any seat they ever held would show a
 * delegation the address its former member used later for another party (a security probe found it).
 */
function partiesAt(context: AuditContext, userId: string | null, at: Date): PartyId[] {
  return partiesSatFor(context.members, { userId, at });
}

type ResolvedMaterial = Pick<ResolvedAuditEntry, 'subject' | 'list'>;

function resolveMaterial(entry: StoredAuditEntry, context: AuditContext): ResolvedMaterial {
  const { action, subjectId, detail, at } = entry;
  const scheduled = scheduledSeatParty(entry, context);
  if (scheduled !== undefined) return { subject: partyInternal(context, scheduled) };
  if (PUBLIC_ACTIONS.has(action)) return { subject: PUBLIC };
  switch (action) {
    case 'record.create':
    case 'record.read':
      return { subject: recordMaterial(context, subjectId) };
    case 'record.list':
      return listOf('recordIds', detail, (id) => recordMaterial(context, id));
    case 'position.set':
      return { subject: positionMaterial(context, subjectId, detail.visibility) };
    case 'position.list':
      return listOf('positionIds', detail, (id) => positionMaterial(context, id, undefined));
    case 'round.minutes.read':
      return listOf('roundIds', detail, (id) => minutesMaterial(context, id));
    case 'amendment.list':
      return listOf('amendmentIds', detail, (id) => amendmentMaterial(context, id));
    case 'invitation.create':
    case 'invitation.revoke':
      return {
        subject: partyInternal(context, typeof detail.partyId === 'string' ? detail.partyId : undefined),
      };
    case 'invitation.accept':
      return {
        subject: partyInternal(
          context,
          context.members.find((member) => member.id === detail.memberId)?.partyId,
        ),
      };
    case 'bid.submit':
      // That a delegation bid (never its bound): its business and the mediator's.
      return { subject: partyInternal(context, stringOf(detail.partyId)) };
    case 'bid.open':
    case 'bid.reveal':
      // Read like minutes of a meeting of the two bidding delegations and the mediator.
      return { subject: biddingMaterial(context, detail.partyIds) };
    case 'live-analysis.run':
    case 'live-analysis.improvement-check':
      // Computed over every counted profile, shared or not: each counted delegation's business, one
      // by one, so none learns whose other profiles were counted. Entries written before the list
      // was kept stay the mediator staff's.
      return Array.isArray(detail.countedPartyIds)
        ? listOf('countedPartyIds', detail, (id) => partyInternal(context, id))
        : { subject: UNPLACED };
    case 'export.create':
      // A copy rendered for one recipient holds what that recipient reads: the business of the
      // delegation they sat for then (their first seat ever put a mover's new copies in the old one's log).
      return {
        subject: partyInternal(context, partiesAt(context, stringOf(detail.recipientUserId) ?? null, at)[0]),
      };
    default:
      if (action.startsWith('amendment.')) return { subject: amendmentMaterial(context, subjectId) };
      // A proposed lead hand-over is that party's and the mediator's business until it is accepted.
      if (action.startsWith('lead-handover.'))
        return { subject: partyInternal(context, subjectId ?? undefined) };
      // A profile's saves and reads name the delegation and revision only: its business and the mediator's.
      if (action.startsWith('profile.')) return { subject: partyInternal(context, subjectId ?? undefined) };
      return { subject: UNPLACED };
  }
}

/** The dates each seat entry names, and whose delegation it is about. */
const SEAT_ENTRIES: Record<
  string,
  {
    dates: readonly string[];
    partyOf: (entry: StoredAuditEntry, context: AuditContext) => string | undefined;
  }
> = {
  'member.add': { dates: ['validFrom', 'validTo'], partyOf: (entry) => stringOf(entry.detail.partyId) },
  'member.lead-change': { dates: ['validFrom'], partyOf: (entry) => entry.subjectId ?? undefined },
  'member.end': {
    dates: ['validTo'],
    partyOf: (entry, context) => context.members.find((member) => member.id === entry.subjectId)?.partyId,
  },
};

/**
 * The party whose seat change the entry records, while a date it names is still ahead (a seat
 * from later, an end or a hand-over set ahead): until then the entry is that delegation's and the
 * mediator staff's, like the seat itself (`seat.read-future`), and public from that moment on.
 */
function scheduledSeatParty(entry: StoredAuditEntry, context: AuditContext): string | undefined {
  const seatEntry = Object.hasOwn(SEAT_ENTRIES, entry.action) ? SEAT_ENTRIES[entry.action] : undefined;
  if (seatEntry === undefined) return undefined;
  const isAhead = seatEntry.dates.some((key) => {
    const date = stringOf(entry.detail[key]);
    return date !== undefined && Date.parse(date) > context.now.getTime();
  });
  // An entry whose party cannot be placed stays the mediator staff's (partyInternal fails closed).
  return isAhead ? (seatEntry.partyOf(entry, context) ?? '') : undefined;
}

function listOf(
  key: ListKey,
  detail: Record<string, unknown>,
  materialOf: (id: string) => AuditMaterial,
): ResolvedMaterial {
  return {
    subject: UNPLACED,
    list: { key, items: stringList(detail[key]).map((id) => ({ id, material: materialOf(id) })) },
  };
}

function recordMaterial(context: AuditContext, id: string | null): AuditMaterial {
  const record = id === null ? undefined : context.records.get(id);
  return record === undefined
    ? UNPLACED
    : { kind: 'record', owningPartyId: record.owningPartyId, classification: record.classification };
}

/** The stricter of the visibility now and the one written in the entry: a position made private stays private in the log. */
function positionMaterial(
  context: AuditContext,
  id: string | null,
  writtenVisibility: unknown,
): AuditMaterial {
  const position = id === null ? undefined : context.positions.get(id);
  if (position === undefined) return UNPLACED;
  const written =
    VISIBILITY_ORDER.find((visibility) => visibility === writtenVisibility) ?? position.visibility;
  const visibility =
    VISIBILITY_ORDER[
      Math.min(VISIBILITY_ORDER.indexOf(written), VISIBILITY_ORDER.indexOf(position.visibility))
    ] ?? 'private';
  return { kind: 'position', partyId: position.partyId, visibility };
}

/** Amendments are read by the proposing party and the mediator, like a `mediator` position. */
function amendmentMaterial(context: AuditContext, id: string | null): AuditMaterial {
  const amendment = id === null ? undefined : context.amendments.get(id);
  return amendment === undefined
    ? UNPLACED
    : { kind: 'position', partyId: amendment.partyId, visibility: 'mediator' };
}

function minutesMaterial(context: AuditContext, id: string): AuditMaterial {
  const round = context.rounds.get(id);
  return round === undefined ? UNPLACED : { kind: 'minutes', partiesPresent: round.partiesPresent };
}

function partyInternal(context: AuditContext, partyId: string | undefined): AuditMaterial {
  const party = partyId === undefined ? undefined : context.parties.get(partyId);
  return party === undefined ? UNPLACED : { kind: 'party-internal', partyId: party };
}

function biddingMaterial(context: AuditContext, partyIds: unknown): AuditMaterial {
  const listed = stringList(partyIds);
  const parties = listed.flatMap((id) => context.parties.get(id) ?? []);
  return listed.length === 2 && parties.length === 2
    ? { kind: 'minutes', partiesPresent: parties }
    : UNPLACED;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
