import type { Amendment, AmendmentFate, AmendmentProposal, Escalation, Round, Statement } from '@parley/core';

// Field by field, like every presenter: a column or service field added later reaches no client
// until it is named here. Restricted fields (a round's minutes) arrive already withheld by the
// service, which asked the policy; the presenter does not decide.

export const presentRound = (round: Round): Round => ({
  id: round.id,
  negotiationId: round.negotiationId,
  name: round.name,
  place: round.place,
  startsOn: round.startsOn,
  endsOn: round.endsOn,
  format: round.format,
  partiesPresent: [...round.partiesPresent],
  fromVersionId: round.fromVersionId,
  producedVersionId: round.producedVersionId,
  minutes: round.minutes,
  publicReadout: round.publicReadout,
});

export const presentStatement = (statement: Statement): Statement => ({
  id: statement.id,
  negotiationId: statement.negotiationId,
  person: statement.person,
  partyId: statement.partyId,
  date: statement.date,
  source: statement.source,
  quote: statement.quote,
  pointIds: [...statement.pointIds],
});

export const presentEscalation = (escalation: Escalation): Escalation => ({
  id: escalation.id,
  negotiationId: escalation.negotiationId,
  pointId: escalation.pointId,
  principals: [...escalation.principals],
  question: escalation.question,
  dueDate: escalation.dueDate,
  decision:
    escalation.decision === null
      ? null
      : {
          outcome: escalation.decision.outcome,
          note: escalation.decision.note,
          decidedAt: escalation.decision.decidedAt,
        },
});

function presentProposal(proposal: AmendmentProposal): AmendmentProposal {
  switch (proposal.kind) {
    case 'replace_text':
      return proposal.title === undefined
        ? { kind: proposal.kind, text: proposal.text }
        : { kind: proposal.kind, text: proposal.text, title: proposal.title };
    case 'drop':
      return { kind: proposal.kind };
    case 'insert_after':
      return { kind: proposal.kind, title: proposal.title, text: proposal.text };
    case 'merge_with':
      return { kind: proposal.kind, pointIds: [...proposal.pointIds], text: proposal.text };
  }
}

function presentFate(fate: AmendmentFate): AmendmentFate {
  switch (fate.state) {
    case 'adopted':
      return { state: fate.state, versionId: fate.versionId };
    case 'rejected':
      return { state: fate.state, reason: fate.reason };
    case 'open':
    case 'withdrawn':
      return { state: fate.state };
  }
}

export const presentAmendment = (amendment: Amendment): Amendment => ({
  id: amendment.id,
  negotiationId: amendment.negotiationId,
  partyId: amendment.partyId,
  versionId: amendment.versionId,
  pointId: amendment.pointId,
  proposal: presentProposal(amendment.proposal),
  rationale: amendment.rationale,
  fate: presentFate(amendment.fate),
  revision: amendment.revision,
});
