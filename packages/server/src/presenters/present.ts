import type {
  ApiToken,
  ApiTokenCreated,
  Deadline,
  Invitation,
  LeadHandover,
  Me,
  Member,
  Negotiation,
  NegotiationRecord,
  Party,
  Registration,
  Simulation,
  TokenId,
  User,
} from '@parley/core';

// Presenters pick fields one by one, so a column added to storage never reaches a client by accident.

export const presentUser = (user: User): User => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  createdAt: user.createdAt,
});

export const presentNegotiation = (negotiation: Negotiation): Negotiation => ({
  id: negotiation.id,
  title: negotiation.title,
  mandate: negotiation.mandate,
  closureRule: negotiation.closureRule,
  timeZone: negotiation.timeZone,
  createdAt: negotiation.createdAt,
  revision: negotiation.revision,
});

export const presentParty = (party: Party): Party => ({
  id: party.id,
  negotiationId: party.negotiationId,
  name: party.name,
  role: party.role,
  required: party.required,
  createdAt: party.createdAt,
  revision: party.revision,
});

export const presentMember = (member: Member): Member => ({
  id: member.id,
  negotiationId: member.negotiationId,
  partyId: member.partyId,
  userId: member.userId,
  displayName: member.displayName,
  title: member.title,
  function: member.function,
  validFrom: member.validFrom,
  validTo: member.validTo,
});

export const presentRecord = (record: NegotiationRecord): NegotiationRecord => ({
  id: record.id,
  negotiationId: record.negotiationId,
  owningPartyId: record.owningPartyId,
  authorId: record.authorId,
  kind: record.kind,
  classification: record.classification,
  title: record.title,
  body: record.body,
  createdAt: record.createdAt,
});

export const presentDeadline = (deadline: Deadline): Deadline => ({
  id: deadline.id,
  negotiationId: deadline.negotiationId,
  title: deadline.title,
  dueAt: deadline.dueAt,
  consequence: deadline.consequence,
  createdAt: deadline.createdAt,
});

export const presentInvitation = (invitation: Invitation): Invitation => ({
  id: invitation.id,
  negotiationId: invitation.negotiationId,
  partyId: invitation.partyId,
  email: invitation.email,
  function: invitation.function,
  title: invitation.title,
  createdAt: invitation.createdAt,
  expiresAt: invitation.expiresAt,
  acceptedAt: invitation.acceptedAt,
  revokedAt: invitation.revokedAt,
});

export const presentMe = (me: Me): Me => ({
  user: presentUser(me.user),
  csrfToken: me.csrfToken,
  isAdmin: me.isAdmin,
  memberships: me.memberships.map((seat) => ({
    negotiationId: seat.negotiationId,
    partyId: seat.partyId,
    partyRole: seat.partyRole,
    function: seat.function,
    validFrom: seat.validFrom,
    validTo: seat.validTo,
  })),
});

/** A simulation job without its input space (the owner sent it; it need not travel back each poll). */
export const presentSimulation = (simulation: Simulation): Simulation => ({
  id: simulation.id,
  ownerId: simulation.ownerId,
  status: simulation.status,
  agents: simulation.agents,
  parties: simulation.parties.map((party) => ({
    name: party.name,
    reservation: party.reservation,
    discount: party.discount === null ? null : { factor: party.discount.factor, per: party.discount.per },
  })),
  protocol: simulation.protocol,
  steps: simulation.steps,
  runs: simulation.runs,
  seed: simulation.seed,
  progress: simulation.progress,
  result: simulation.result,
  error: simulation.error,
  attempts: simulation.attempts,
  createdAt: simulation.createdAt,
  updatedAt: simulation.updatedAt,
});

export const presentLeadHandover = (handover: LeadHandover): LeadHandover => ({
  id: handover.id,
  negotiationId: handover.negotiationId,
  partyId: handover.partyId,
  userId: handover.userId,
  displayName: handover.displayName,
  title: handover.title,
  validFrom: handover.validFrom,
  state: handover.state,
  proposedBy: handover.proposedBy,
  proposedAt: handover.proposedAt,
  decidedAt: handover.decidedAt,
  revision: handover.revision,
});

/** The only answer that carries a token's secret: shown once, at creation; its hash stays stored. */
export const presentApiTokenCreated = (created: ApiTokenCreated): ApiTokenCreated => ({
  id: created.id,
  label: created.label,
  token: created.token,
  createdAt: created.createdAt,
  expiresAt: created.expiresAt,
});

/** What registering answers: accepted, and whether the new account administers the instance. */
export const presentRegistration = (registration: Registration): Registration => ({
  status: registration.status,
  admin: registration.admin,
});

/** A token as its owner sees it later: never the secret, nor its hash. */
export const presentApiToken = (
  token: { id: TokenId; label: string; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null },
  isFromThisSession: boolean,
): ApiToken => ({
  id: token.id,
  label: token.label,
  createdAt: token.createdAt.toISOString(),
  expiresAt: token.expiresAt.toISOString(),
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  isFromThisSession,
});
