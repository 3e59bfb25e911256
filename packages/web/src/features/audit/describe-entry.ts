import type { AuditEntry, Member, Party } from '@parley/core';

const ACTIONS: Record<string, string> = {
  'demo.load': 'loaded the demo negotiation',
  'negotiation.create': 'opened the negotiation',
  'party.create': 'added a party',
  'deadline.create': 'set a deadline',
  'member.add': 'seated a delegation member',
  'member.end': 'ended a seat',
  'member.lead-change': 'handed over a delegation lead',
  'invitation.create': 'invited someone to a delegation',
  'invitation.accept': 'accepted an invitation',
  'invitation.revoke': 'withdrew an invitation',
  'plan.version.create': 'created a plan version',
  'position.set': 'recorded a position',
  'position.list': 'read restricted positions',
  'amendment.create': 'proposed an amendment',
  'amendment.list': 'read amendments',
  'amendment.rejected': 'rejected an amendment',
  'amendment.withdrawn': 'withdrew an amendment',
  'escalation.create': 'escalated a point to the principals',
  'escalation.decide': 'recorded the principals\u2019 decision',
  'round.create': 'recorded a round',
  'round.minutes.read': 'read the minutes of rounds',
  'statement.create': 'recorded a public statement',
  'record.create': 'filed a record',
  'record.read': 'read a restricted record',
  'record.list': 'listed restricted records',
  'export.create': 'exported a copy for a recipient',
  'export.download': 'downloaded an exported copy',
  'export.trace': 'traced a leaked excerpt',
  'audit.read': 'read the audit log',
  'negotiation.update': 'changed the negotiation’s settings',
  'party.update': 'changed a party',
  'lead-handover.propose': 'proposed a new delegation lead',
  'issue.set': 'defined the options of a point',
  'profile.update': 'updated a preference profile',
  'profile.read': 'read a preference profile',
  'live-analysis.run': 'ran the live analysis',
  'live-analysis.propose': 'proposed a package to every party',
  'live-analysis.improvement-check': 'checked a package for improvements',
  'live-simulation.create': 'started a simulation of the talks',
  'live-simulation.read': 'read a simulation of the talks',
  'live-simulation.cancel': 'cancelled a simulation of the talks',
  'bid.submit': 'submitted a blind bid',
  'bid.open': 'opened a blind bidding',
  'bid.reveal': 'revealed a blind bidding',
};

/** What an entry is about, in words (`plan_point` is the log's name for a point). */
const SUBJECTS: Record<string, string> = {
  amendment: 'amendment',
  blind_bid: 'blind bid',
  blind_bidding: 'blind bidding',
  deadline: 'deadline',
  escalation: 'escalation',
  export: 'exported copy',
  invitation: 'invitation',
  member: 'seat',
  negotiation: 'negotiation',
  party: 'party',
  plan_point: 'point',
  plan_version: 'plan version',
  position: 'position',
  preference_profile: 'preference profile',
  record: 'record',
  round: 'round',
  simulation: 'simulation',
  statement: 'statement',
  user: 'account',
};

export function describeSubject(type: string): string {
  return SUBJECTS[type] ?? type.replace(/[_-]/g, ' ');
}

/** What an export's `kind` says it was a copy of. */
const EXPORT_KINDS: Record<string, string> = {
  'plan-version': 'exported a plan version for a recipient',
  'point-history': 'exported a point’s history for a recipient',
  'round-minutes': 'exported round minutes for a recipient',
  'round-readout': 'exported a round’s public readout for a recipient',
  'negotiation-summary': 'exported the negotiation summary for a recipient',
  record: 'exported a record for a recipient',
};

/** Families offered by the filter (the API also takes a single action such as `record.read`). */
export const ACTION_FAMILIES = [
  { value: '', label: 'All actions' },
  { value: 'record', label: 'Records' },
  { value: 'position', label: 'Positions' },
  { value: 'amendment', label: 'Amendments' },
  { value: 'plan', label: 'Plan versions' },
  { value: 'round', label: 'Rounds and minutes' },
  { value: 'escalation', label: 'Escalations' },
  { value: 'statement', label: 'Statements' },
  { value: 'member', label: 'Delegations' },
  { value: 'invitation', label: 'Invitations' },
  { value: 'export', label: 'Exports' },
  { value: 'audit', label: 'Audit log reads' },
] as const;

/** Detail lists of ids, and how to count them (subject-label.ts names each id). */
export const ID_LISTS: Readonly<Record<string, readonly [string, string]>> = {
  recordIds: ['record', 'records'],
  positionIds: ['position', 'positions'],
  roundIds: ['round', 'rounds'],
  amendmentIds: ['amendment', 'amendments'],
};
// Ids of what a labelled subject already names in words (a position's version and point, a copy's id).
const NAMED_BY_SUBJECT = new Set(['versionId', 'pointId', 'exportId']);
const PARTY_FIELDS = new Set(['partyId', 'owningPartyId']);
// Lists of parties shown by name: whose preference profiles an analysis read.
const PARTY_LISTS: Record<string, string> = { countedPartyIds: 'Profiles read' };
// `onBehalfOf`: whom the mediator staff read for (a copy exported for that person).
const USER_FIELDS = new Set(['userId', 'recipientUserId', 'onBehalfOf']);
// Seats (member ids), named by whoever holds them: a seat taken, the new lead's, the seats ended.
const SEAT_FIELDS = new Set(['memberId', 'lead']);
// "Ends", not "ended": a hand-over dated ahead ends them only from its date.
const SEAT_LISTS: Record<string, string> = { ended: 'Seats it ends' };
// An instant is read as the entry's own time is, not as the ISO text the log keeps.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

export type Names = { parties: readonly Party[]; members: readonly Member[] };

/** The entry's action in words; an action this page does not know is spelt out, not shown as code. */
export function describeAction(action: string, detail: Readonly<Record<string, unknown>> = {}): string {
  const kind = detail['kind'];
  if (action === 'export.create' && typeof kind === 'string' && EXPORT_KINDS[kind] !== undefined)
    return EXPORT_KINDS[kind];
  return ACTIONS[action] ?? action.replace(/[.-]/g, ' ');
}

export function actorName(entry: AuditEntry, names: Names): string {
  if (entry.actorId === null) return 'System';
  return (
    names.members.find((member) => member.userId === entry.actorId)?.displayName ??
    'An account without a seat'
  );
}

/**
 * The entry's detail as short "label: value" phrases, with parties and people named. Lists of
 * records, positions, rounds and amendments are named one by one elsewhere (subject-label.ts).
 */
export function describeDetail(entry: AuditEntry, names: Names): string[] {
  const isSubjectLabelled = entry.subjectId !== null && entry.labels[entry.subjectId] !== undefined;
  return Object.entries(entry.detail).flatMap(([key, value]) => {
    if (ID_LISTS[key] !== undefined && Array.isArray(value)) return [];
    if (isSubjectLabelled && NAMED_BY_SUBJECT.has(key)) return [];
    // A point or version named in the detail, as the server labelled it for this viewer.
    const label = typeof value === 'string' ? entry.labels[value] : undefined;
    if (label !== undefined) return [`${labelOf(key)}: ${label.text}`];
    const partyList = PARTY_LISTS[key];
    if (partyList !== undefined && Array.isArray(value))
      return value.length === 0
        ? []
        : [
            `${partyList}: ${value.map((id) => names.parties.find((party) => party.id === id)?.name ?? shortId(id)).join(', ')}`,
          ];
    if (typeof value === 'string' && PARTY_FIELDS.has(key))
      return [
        `${labelOf(key)}: ${names.parties.find((party) => party.id === value)?.name ?? shortId(value)}`,
      ];
    if (typeof value === 'string' && USER_FIELDS.has(key))
      return [
        `${labelOf(key)}: ${names.members.find((member) => member.userId === value)?.displayName ?? shortId(value)}`,
      ];
    const seatName = (id: unknown) =>
      typeof id === 'string'
        ? (names.members.find((member) => member.id === id)?.displayName ?? shortId(id))
        : String(id);
    if (typeof value === 'string' && SEAT_FIELDS.has(key)) return [`${labelOf(key)}: ${seatName(value)}`];
    const seatList = SEAT_LISTS[key];
    if (seatList !== undefined && Array.isArray(value))
      return value.length === 0 ? [] : [`${seatList}: ${value.map(seatName).join(', ')}`];
    if (typeof value === 'string' && INSTANT.test(value))
      return [`${labelOf(key)}: ${value.slice(0, 16).replace('T', ' ')} UTC`];
    if (Array.isArray(value)) return [`${labelOf(key)}: ${value.map(shortId).join(', ')}`];
    return [`${labelOf(key)}: ${value === null ? '—' : String(value)}`];
  });
}

function labelOf(key: string): string {
  const words = key
    .replace(/Id$/, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** UUIDs are long; their last characters are enough to tell them apart on screen. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(id) ? `…${id.slice(-6)}` : id;
}
