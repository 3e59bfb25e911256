import { describe, expect, it } from 'vitest';
import type { NegotiationId, PartyId, UserId } from '../ids';
import { CLASSIFICATIONS, type Classification } from '../schemas/records';
import { ACTIONS, can, type Action } from './can';
import type { AuditMaterial } from './audit-policy';
import type { NegotiationResource, PartyResource, PositionResource, RecordResource } from './resources';
import type { Viewer, ViewerMembership } from './viewer';

// The written spec for access. Party A is the "own" party: the target of member/invitation
// actions and the owner of the record in record actions. Every viewer kind × action (× every
// classification for record actions) appears exactly once.
const NEGOTIATION = '00000000-0000-4000-8000-000000000001' as NegotiationId;
const OTHER_NEGOTIATION = '00000000-0000-4000-8000-000000000002' as NegotiationId;
const MEDIATOR_PARTY = '00000000-0000-4000-8000-0000000000a0' as PartyId;
const PARTY_A = '00000000-0000-4000-8000-0000000000a1' as PartyId;
const PARTY_B = '00000000-0000-4000-8000-0000000000a2' as PartyId;
const OBSERVERS = '00000000-0000-4000-8000-0000000000a3' as PartyId;
const THIRD_PARTY = '00000000-0000-4000-8000-0000000000a4' as PartyId;

const VIEWER_KINDS = [
  'mediator-lead',
  'mediator-delegate',
  'mediator-analyst',
  'own-lead',
  'own-delegate',
  'own-principal',
  'other-party-lead',
  'observer',
  'participant-elsewhere',
  'outsider',
  'anonymous',
] as const;
type ViewerKind = (typeof VIEWER_KINDS)[number];

const seat = (
  partyId: PartyId,
  partyRole: ViewerMembership['partyRole'],
  fn: ViewerMembership['function'],
) => [{ negotiationId: NEGOTIATION, partyId, partyRole, function: fn }];
const SEATS: Record<ViewerKind, readonly ViewerMembership[]> = {
  'mediator-lead': seat(MEDIATOR_PARTY, 'mediator', 'lead'),
  'mediator-delegate': seat(MEDIATOR_PARTY, 'mediator', 'delegate'),
  'mediator-analyst': seat(MEDIATOR_PARTY, 'mediator', 'analyst'),
  'own-lead': seat(PARTY_A, 'party', 'lead'),
  'own-delegate': seat(PARTY_A, 'party', 'delegate'),
  'own-principal': seat(PARTY_A, 'party', 'principal'),
  'other-party-lead': seat(PARTY_B, 'party', 'lead'),
  observer: seat(OBSERVERS, 'observer', 'lead'),
  // Lead of party A, but in another negotiation: must gain nothing here.
  'participant-elsewhere': [
    { negotiationId: OTHER_NEGOTIATION, partyId: PARTY_A, partyRole: 'mediator', function: 'lead' },
  ],
  outsider: [],
  anonymous: [],
};
const SOMEONE_ELSE = '00000000-0000-4000-8000-00000000cafe';
const viewerOf = (kind: ViewerKind): Viewer => ({
  userId: kind === 'anonymous' ? null : ('00000000-0000-4000-8000-00000000beef' as UserId),
  memberships: SEATS[kind],
});

// Columns in VIEWER_KINDS order: M-lead M-deleg M-analyst own-lead own-deleg own-princ other observer elsewhere outsider anon
const T = true,
  F = false;
type Row = readonly [
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
];
type Classified =
  | 'record.read'
  | 'record.create'
  | 'position.read'
  | 'profile.read'
  | AuditMaterialAction
  | 'member.seat-first-lead';
const PLAIN: Record<Exclude<Action, Classified>, Row> = {
  'negotiation.create': [T, T, T, T, T, T, T, T, T, T, F],
  'negotiation.read': [T, T, T, T, T, T, T, T, F, F, F],
  'negotiation.update': [T, T, F, F, F, F, F, F, F, F, F],
  'party.create': [T, T, F, F, F, F, F, F, F, F, F],
  'party.update': [T, T, F, F, F, F, F, F, F, F, F],
  'party.read': [T, T, T, T, T, T, T, T, F, F, F],
  'member.read': [T, T, T, T, T, T, T, T, F, F, F],
  // an instance where anyone signed in may open a negotiation (admins-only: the test below)
  'instance.manage': [F, F, F, F, F, F, F, F, F, F, F],
  // party A's delegation (#13: the mediator's staff no longer seat anyone there)
  'member.manage': [F, F, F, T, F, F, F, F, F, F, F],
  'lead.change': [F, F, F, T, F, F, F, F, F, F, F],
  'lead.propose': [T, T, F, F, F, F, F, F, F, F, F],
  'lead.decide': [F, F, F, T, F, F, F, F, F, F, F],
  'lead.withdraw': [T, T, F, F, F, F, F, F, F, F, F],
  'lead.read': [T, T, F, T, T, T, F, F, F, F, F],
  // party A's seats dated ahead (a later seat, an end set ahead, a hand-over from a later date)
  'seat.read-future': [T, T, F, T, T, T, F, F, F, F, F],
  'deadline.read': [T, T, T, T, T, T, T, T, F, F, F],
  'deadline.create': [T, T, F, F, F, F, F, F, F, F, F],
  'plan.read': [T, T, T, T, T, T, T, T, F, F, F],
  'plan.manage': [T, T, F, F, F, F, F, F, F, F, F],
  // on party A's behalf
  'position.record': [F, F, F, T, T, F, F, F, F, F, F],
  // minutes of a round attended by the mediator and party A
  'round.minutes.read': [T, T, T, T, T, T, F, F, F, F, F],
  // a simulation started by the viewer's own account (another account's: see the test below)
  // engine work needs a current seat somewhere (issue 13): an outsider may not start it
  'analysis.run': [T, T, T, T, T, T, T, T, T, F, F],
  'simulation.create': [T, T, T, T, T, T, T, T, T, F, F],
  'simulation.read': [T, T, T, T, T, T, T, T, T, T, F],
  'simulation.cancel': [T, T, T, T, T, T, T, T, T, T, F],
  // a token of the viewer's own account (another account's: see the test below)
  'token.manage': [T, T, T, T, T, T, T, T, T, T, F],
  'export.create': [T, T, T, T, T, T, T, T, F, F, F],
  'export.trace': [T, T, F, F, F, F, F, F, F, F, F],
  // a copy made for another user (the recipient's own access is the test below)
  'export.download': [T, T, F, F, F, F, F, F, F, F, F],
  // opening the log; which entries and ids appear is AUDIT below
  'audit.read': [T, T, F, T, T, F, T, T, F, F, F],
  'issue.read': [T, T, T, T, T, T, T, T, F, F, F],
  'issue.manage': [T, T, F, F, F, F, F, F, F, F, F],
  // on party A's behalf
  'profile.write': [F, F, F, T, T, F, F, F, F, F, F],
  // a negotiating party's own preferences: its members (the mediator's party states none)
  'profile.read-own': [F, F, F, T, T, T, T, F, F, F, F],
  // observers get no suggested packages: they would be numbers computed from private profiles
  'live-analysis.run': [T, T, T, T, T, T, T, F, F, F, F],
  'bidding.manage': [T, T, F, F, F, F, F, F, F, F, F],
  // the biddings page: observers and outsiders have no bidding to read
  'bidding.list': [T, T, T, T, T, T, T, F, F, F, F],
  // a bidding between party A and a third party: the other party and observers see nothing of it
  'bidding.read': [T, T, T, T, T, T, F, F, F, F, F],
  // on party A's behalf
  'bid.submit': [F, F, F, T, T, F, F, F, F, F, F],
  // publishing a package every party prefers is the mediator's move, made to all at once
  'live-analysis.propose': [T, T, F, F, F, F, F, F, F, F, F],
  // a simulation of the live talks: run by the mediator's staff, read by its party (no party, no observer)
  'live-simulation.run': [T, T, F, F, F, F, F, F, F, F, F],
  'live-simulation.read': [T, T, T, F, F, F, F, F, F, F, F],
};
// Party A's preference profile, shared with the mediator or not; numbers computed from it follow the same rows.
const PROFILES: Record<'profile.read', Record<'unshared' | 'shared', Row>> = {
  'profile.read': {
    unshared: [F, F, F, T, T, T, F, F, F, F, F],
    shared: [T, T, T, T, T, T, F, F, F, F, F],
  },
};
// Party A's position, by its visibility (amendments are read as `mediator`).
const POSITIONS: Record<'position.read', Record<PositionResource['visibility'], Row>> = {
  'position.read': {
    private: [F, F, F, T, T, T, F, F, F, F, F],
    mediator: [T, T, T, T, T, T, F, F, F, F, F],
    parties: [T, T, T, T, T, T, T, F, F, F, F],
  },
};
// Party A's delegation, with or without a lead (current or scheduled).
const DELEGATIONS: Record<'member.seat-first-lead', Record<'has-lead' | 'no-lead', Row>> = {
  'member.seat-first-lead': {
    'has-lead': [F, F, F, F, F, F, F, F, F, F, F],
    'no-lead': [T, T, F, F, F, F, F, F, F, F, F],
  },
};
const RECORDS: Record<'record.read' | 'record.create', Record<Classification, Row>> = {
  'record.read': {
    public: [T, T, T, T, T, T, T, T, F, F, F],
    parties: [T, T, T, T, T, T, T, F, F, F, F],
    mediator: [T, T, T, T, T, T, F, F, F, F, F],
    delegation: [F, F, F, T, T, T, F, F, F, F, F],
  },
  'record.create': {
    public: [F, F, F, T, T, T, F, F, F, F, F],
    parties: [F, F, F, T, T, T, F, F, F, F, F],
    mediator: [F, F, F, T, T, T, F, F, F, F, F],
    delegation: [F, F, F, T, T, T, F, F, F, F, F],
  },
};

// What an audit entry is about: party A's material unless it says otherwise (minutes: a round
// attended by the mediator and party A). `entry` = the entry is listed; `subject` = its ids are shown.
type AuditMaterialAction = 'audit.entry.read' | 'audit.subject.read';
const AUDIT_MATERIALS = {
  public: { kind: 'public' },
  'record:public': { kind: 'record', owningPartyId: PARTY_A, classification: 'public' },
  'record:mediator': { kind: 'record', owningPartyId: PARTY_A, classification: 'mediator' },
  'record:delegation': { kind: 'record', owningPartyId: PARTY_A, classification: 'delegation' },
  'position:private': { kind: 'position', partyId: PARTY_A, visibility: 'private' },
  'position:parties': { kind: 'position', partyId: PARTY_A, visibility: 'parties' },
  minutes: { kind: 'minutes', partiesPresent: [MEDIATOR_PARTY, PARTY_A] },
  'party-internal': { kind: 'party-internal', partyId: PARTY_A },
  'mediator-only': { kind: 'mediator-only' },
} as const satisfies Record<string, AuditMaterial>;
type AuditMaterialKey = keyof typeof AUDIT_MATERIALS;
const AUDIT: Record<AuditMaterialAction, Record<AuditMaterialKey, Row>> = {
  'audit.entry.read': {
    public: [T, T, F, T, T, F, T, T, F, F, F],
    'record:public': [T, T, F, T, T, F, T, T, F, F, F],
    'record:mediator': [T, T, F, T, T, F, F, F, F, F, F],
    'record:delegation': [T, T, F, T, T, F, F, F, F, F, F],
    'position:private': [T, T, F, T, T, F, F, F, F, F, F],
    'position:parties': [T, T, F, T, T, F, F, F, F, F, F],
    minutes: [T, T, F, T, T, F, F, F, F, F, F],
    'party-internal': [T, T, F, T, T, F, F, F, F, F, F],
    'mediator-only': [T, T, F, F, F, F, F, F, F, F, F],
  },
  'audit.subject.read': {
    public: [T, T, F, T, T, F, T, T, F, F, F],
    'record:public': [T, T, F, T, T, F, T, T, F, F, F],
    'record:mediator': [T, T, F, T, T, F, F, F, F, F, F],
    'record:delegation': [F, F, F, T, T, F, F, F, F, F, F],
    'position:private': [F, F, F, T, T, F, F, F, F, F, F],
    'position:parties': [T, T, F, T, T, F, F, F, F, F, F],
    minutes: [T, T, F, T, T, F, F, F, F, F, F],
    'party-internal': [T, T, F, T, T, F, F, F, F, F, F],
    'mediator-only': [T, T, F, F, F, F, F, F, F, F, F],
  },
};
const isAuditMaterialKey = (value: string): value is AuditMaterialKey =>
  Object.hasOwn(AUDIT_MATERIALS, value);

type Case = readonly [
  ViewerKind,
  Action,
  (
    | Classification
    | PositionResource['visibility']
    | AuditMaterialKey
    | 'has-lead'
    | 'no-lead'
    | 'unshared'
    | 'shared'
    | '-'
  ),
  boolean,
];
const MATRIX: Case[] = [
  ...Object.entries(PLAIN).flatMap(([action, row]) =>
    VIEWER_KINDS.map((kind, i): Case => [kind, action as Action, '-', row[i] ?? F]),
  ),
  ...Object.entries(RECORDS).flatMap(([action, byClass]) =>
    Object.entries(byClass).flatMap(([classification, row]) =>
      VIEWER_KINDS.map((kind, i): Case => [
        kind,
        action as Action,
        classification as Classification,
        row[i] ?? F,
      ]),
    ),
  ),
  ...Object.entries(DELEGATIONS['member.seat-first-lead']).flatMap(([state, row]) =>
    VIEWER_KINDS.map((kind, i): Case => [
      kind,
      'member.seat-first-lead',
      state as 'has-lead' | 'no-lead',
      row[i] ?? F,
    ]),
  ),
  ...Object.entries(POSITIONS['position.read']).flatMap(([visibility, row]) =>
    VIEWER_KINDS.map((kind, i): Case => [
      kind,
      'position.read',
      visibility as PositionResource['visibility'],
      row[i] ?? F,
    ]),
  ),
  ...Object.entries(PROFILES['profile.read']).flatMap(([state, row]) =>
    VIEWER_KINDS.map((kind, i): Case => [kind, 'profile.read', state as 'unshared' | 'shared', row[i] ?? F]),
  ),
  ...Object.entries(AUDIT).flatMap(([action, byMaterial]) =>
    Object.entries(byMaterial).flatMap(([material, row]) =>
      VIEWER_KINDS.map((kind, i): Case => [
        kind,
        action as Action,
        material as AuditMaterialKey,
        row[i] ?? F,
      ]),
    ),
  ),
];

function decide(kind: ViewerKind, action: Action, classification: Case[2]): boolean {
  const viewer = viewerOf(kind);
  const negotiation: NegotiationResource = { kind: 'negotiation', negotiationId: NEGOTIATION };
  const party: PartyResource = {
    kind: 'party',
    negotiationId: NEGOTIATION,
    partyId: PARTY_A,
    partyRole: 'party',
  };
  if (action === 'position.read') {
    if (classification !== 'private' && classification !== 'mediator' && classification !== 'parties')
      throw new Error('position.read needs a visibility');
    return can(viewer, action, {
      kind: 'position',
      negotiationId: NEGOTIATION,
      partyId: PARTY_A,
      visibility: classification,
    });
  }
  if (action === 'profile.read')
    return can(viewer, action, {
      kind: 'profile',
      negotiationId: NEGOTIATION,
      partyId: PARTY_A,
      sharedWithMediator: classification === 'shared',
    });
  if (action === 'audit.entry.read' || action === 'audit.subject.read') {
    if (!isAuditMaterialKey(classification)) throw new Error('audit material actions need a material');
    return can(viewer, action, {
      kind: 'audit-material',
      negotiationId: NEGOTIATION,
      material: AUDIT_MATERIALS[classification],
    });
  }
  if (action === 'bidding.read')
    return can(viewer, action, {
      kind: 'bidding',
      negotiationId: NEGOTIATION,
      givingPartyId: PARTY_A,
      takingPartyId: THIRD_PARTY,
    });
  if (action === 'member.seat-first-lead')
    return can(viewer, action, { ...party, kind: 'delegation', hasLead: classification === 'has-lead' });
  if (action === 'round.minutes.read')
    return can(viewer, action, {
      kind: 'round',
      negotiationId: NEGOTIATION,
      partiesPresent: [MEDIATOR_PARTY, PARTY_A],
    });
  if (action === 'record.read' || action === 'record.create') {
    if (classification === '-' || !(CLASSIFICATIONS as readonly string[]).includes(classification))
      throw new Error('record actions need a classification');
    const record: RecordResource = {
      kind: 'record',
      negotiationId: NEGOTIATION,
      owningPartyId: PARTY_A,
      classification: classification as Classification,
    };
    return can(viewer, action, record);
  }
  if (action === 'negotiation.create' || action === 'instance.manage')
    return can(viewer, action, { kind: 'instance', negotiationCreation: 'anyone' });
  if (action === 'simulation.create' || action === 'analysis.run')
    return can(viewer, action, { kind: 'global' });
  if (action === 'export.download')
    return can(viewer, action, {
      kind: 'export',
      negotiationId: NEGOTIATION,
      recipientUserId: SOMEONE_ELSE,
      recipientPartyIds: [PARTY_A],
    });
  if (action === 'simulation.read' || action === 'simulation.cancel')
    return can(viewer, action, { kind: 'simulation', ownerId: '00000000-0000-4000-8000-00000000beef' });
  if (action === 'token.manage')
    return can(viewer, action, { kind: 'api-token', ownerId: '00000000-0000-4000-8000-00000000beef' });
  if (
    action === 'member.manage' ||
    action === 'position.record' ||
    action === 'profile.write' ||
    action === 'bid.submit' ||
    action === 'seat.read-future' ||
    action.startsWith('lead.')
  )
    return can(viewer, action as 'member.manage', party);
  return can(viewer, action, negotiation);
}

describe('can', () => {
  it.each(MATRIX)('%s / %s / %s → %s', (...[kind, action, classification, allowed]) => {
    expect(decide(kind, action, classification)).toBe(allowed);
  });

  it('lists every viewer kind × action (× classification for records) exactly once', () => {
    const keys = new Set(
      MATRIX.map(([kind, action, classification]) => `${kind}|${action}|${classification}`),
    );
    const recordActions = ACTIONS.filter((action) => action.startsWith('record.')).length;
    const visibilityActions = 1; // position.read × 3 visibilities
    const delegationActions = 1; // member.seat-first-lead × with and without a lead
    const profileActions = 1; // profile.read × shared and unshared
    const auditActions = Object.keys(AUDIT).length; // × every kind of audited material
    const materials = Object.keys(AUDIT_MATERIALS).length;
    const expected =
      VIEWER_KINDS.length *
      (ACTIONS.length -
        recordActions -
        visibilityActions -
        delegationActions -
        auditActions +
        delegationActions * 2 -
        profileActions +
        profileActions * 2 +
        recordActions * CLASSIFICATIONS.length +
        visibilityActions * 3 +
        auditActions * materials);
    expect(keys.size).toBe(MATRIX.length);
    expect(MATRIX.length).toBe(expected);
  });

  it('lets only an administrator open a negotiation on an instance that says so, and change its settings', () => {
    const adminsOnly = { kind: 'instance', negotiationCreation: 'admins' } as const;
    const admin: Viewer = { ...viewerOf('outsider'), isAdmin: true };
    expect(can(admin, 'negotiation.create', adminsOnly)).toBe(true);
    expect(can(admin, 'instance.manage', adminsOnly)).toBe(true);
    expect(VIEWER_KINDS.filter((kind) => can(viewerOf(kind), 'negotiation.create', adminsOnly))).toEqual([]);
    expect(can({ userId: null, memberships: [], isAdmin: true }, 'instance.manage', adminsOnly)).toBe(false);
  });

  it('gives an administrator nothing inside a negotiation they hold no seat in (#13)', () => {
    const admin: Viewer = { ...viewerOf('outsider'), isAdmin: true };
    const party: PartyResource = {
      kind: 'party',
      negotiationId: NEGOTIATION,
      partyId: PARTY_A,
      partyRole: 'party',
    };
    expect(can(admin, 'negotiation.read', { kind: 'negotiation', negotiationId: NEGOTIATION })).toBe(false);
    expect(can(admin, 'member.manage', party)).toBe(false);
    expect(can(admin, 'member.seat-first-lead', { ...party, kind: 'delegation', hasLead: false })).toBe(
      false,
    );
  });

  it("lets the mediator's lead hand over its own party's lead at once but never propose to itself", () => {
    const own: PartyResource = {
      kind: 'party',
      negotiationId: NEGOTIATION,
      partyId: MEDIATOR_PARTY,
      partyRole: 'mediator',
    };
    expect(can(viewerOf('mediator-lead'), 'lead.change', own)).toBe(true);
    expect(can(viewerOf('mediator-lead'), 'lead.propose', own)).toBe(false);
    expect(can(viewerOf('mediator-delegate'), 'lead.change', own)).toBe(false);
  });

  it("lets no one, not even an administrator, list or revoke another account's token", () => {
    for (const kind of VIEWER_KINDS) {
      const viewer = { ...viewerOf(kind), isAdmin: true };
      expect(
        can(viewer, 'token.manage', { kind: 'api-token', ownerId: '00000000-0000-4000-8000-00000000cafe' }),
      ).toBe(false);
    }
  });

  it('lets no one, not even the mediator, read a simulation another account started', () => {
    for (const kind of VIEWER_KINDS) {
      expect(
        can(viewerOf(kind), 'simulation.read', {
          kind: 'simulation',
          ownerId: '00000000-0000-4000-8000-00000000cafe',
        }),
      ).toBe(false);
    }
  });

  it('lets the mediator read its own delegation-only records but no party read them', () => {
    const record: RecordResource = {
      kind: 'record',
      negotiationId: NEGOTIATION,
      owningPartyId: MEDIATOR_PARTY,
      classification: 'delegation',
    };
    expect(can(viewerOf('mediator-analyst'), 'record.read', record)).toBe(true);
    expect(can(viewerOf('own-lead'), 'record.read', record)).toBe(false);
    expect(can(viewerOf('observer'), 'record.read', record)).toBe(false);
  });

  it('shows a lead the trail of its own delegation-only record and another party nothing of it', () => {
    const material: AuditMaterial = { kind: 'record', owningPartyId: PARTY_B, classification: 'delegation' };
    const resource = { kind: 'audit-material', negotiationId: NEGOTIATION, material } as const;
    expect(can(viewerOf('other-party-lead'), 'audit.subject.read', resource)).toBe(true);
    expect(can(viewerOf('own-lead'), 'audit.entry.read', resource)).toBe(false);
    expect(can(viewerOf('mediator-lead'), 'audit.entry.read', resource)).toBe(true);
    expect(can(viewerOf('mediator-lead'), 'audit.subject.read', resource)).toBe(false);
  });

  it('lets the recipient of a copy download it only while sitting for the party it was made in', () => {
    const ownCopy = {
      kind: 'export',
      negotiationId: NEGOTIATION,
      recipientUserId: '00000000-0000-4000-8000-00000000beef',
      recipientPartyIds: [PARTY_A],
    } as const;
    const allowed = VIEWER_KINDS.filter((kind) => can(viewerOf(kind), 'export.download', ownCopy));
    // The staff fetch every copy (copy-access.ts keeps from them what they may not read); a
    // recipient now seated by another party (or none) does not: the copy holds party A's reading.
    expect(allowed).toEqual([
      'mediator-lead',
      'mediator-delegate',
      'own-lead',
      'own-delegate',
      'own-principal',
    ]);
    const madeAsObserver = { ...ownCopy, recipientPartyIds: [OBSERVERS] };
    expect(VIEWER_KINDS.filter((kind) => can(viewerOf(kind), 'export.download', madeAsObserver))).toEqual([
      'mediator-lead',
      'mediator-delegate',
      'observer',
    ]);
  });

  it('lets both bidding delegations and the whole mediator party read a bidding, and no observer', () => {
    const bidding = {
      kind: 'bidding',
      negotiationId: NEGOTIATION,
      givingPartyId: PARTY_A,
      takingPartyId: PARTY_B,
    } as const;
    expect(VIEWER_KINDS.filter((kind) => can(viewerOf(kind), 'bidding.read', bidding))).toEqual([
      'mediator-lead',
      'mediator-delegate',
      'mediator-analyst',
      'own-lead',
      'own-delegate',
      'own-principal',
      'other-party-lead',
    ]);
  });

  it('lets no one bid for the mediator or an observer party', () => {
    for (const partyRole of ['mediator', 'observer'] as const)
      for (const kind of VIEWER_KINDS)
        expect(
          can(viewerOf(kind), 'bid.submit', {
            kind: 'party',
            negotiationId: NEGOTIATION,
            partyId: partyRole === 'mediator' ? MEDIATOR_PARTY : OBSERVERS,
            partyRole,
          }),
        ).toBe(false);
  });

  it('lets an observer party read a parties-only record it filed itself', () => {
    const record: RecordResource = {
      kind: 'record',
      negotiationId: NEGOTIATION,
      owningPartyId: OBSERVERS,
      classification: 'parties',
    };
    expect(can(viewerOf('observer'), 'record.read', record)).toBe(true);
  });
});
