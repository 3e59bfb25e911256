import {
  AmendmentIdSchema,
  EscalationIdSchema,
  RoundIdSchema,
  StatementIdSchema,
  type AmendmentId,
  type CreateAmendmentInputSchema,
  type CreateEscalationInputSchema,
  type CreateRoundInputSchema,
  type CreateStatementInputSchema,
  type DecideAmendmentInputSchema,
  type DecideEscalationInputSchema,
  type EscalationId,
  type PointId,
} from '@parley/core';
import {
  can,
  DomainError,
  type Amendment,
  type Escalation,
  type Negotiation,
  type Round,
  type Statement,
  type Viewer,
} from '@parley/core';
import type { z } from 'zod';
import { recordReadAudit } from '../audit';
import type { PlanEvent } from '../realtime/plan-events';
import {
  insertAmendment,
  insertEscalation,
  insertRound,
  insertStatement,
  listAmendments,
  listEscalations,
  listRounds,
  lockedOpenEscalationSince,
  updateAmendmentIfCurrent,
  updateEscalationDecision,
} from '../storage/plan-records';
import { cachedStatements } from './cached-reads';
import { commitChange } from './commit-change';
import { findParty } from '../storage/parties';
import type { AppDeps } from './deps';
import { partyResource, requireParty } from './known-party';
import { getVersionForViewer, listVersionsForViewer } from './plan-versions';
import { assertAllowed } from './viewer';

type Ctx = { negotiation: Negotiation };
const onNegotiation = (negotiation: Negotiation) => ({
  kind: 'negotiation' as const,
  negotiationId: negotiation.id,
});

const escalationChanged = (negotiation: Negotiation, escalation: Escalation): PlanEvent => ({
  type: 'escalation.changed',
  negotiationId: negotiation.id,
  escalationId: escalation.id,
  pointId: escalation.pointId,
});

/** The point's number in the latest version that has it (the number people know it by). */
async function requireKnownPoint(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx & { pointId: PointId },
): Promise<number> {
  const { versions } = await listVersionsForViewer(deps, viewer, input.negotiation);
  const numbers = versions.flatMap((entry) =>
    entry.version.points.filter((point) => point.pointId === input.pointId).map((point) => point.number),
  );
  const latest = numbers.at(-1);
  if (latest === undefined)
    throw new DomainError('not-found', 'Point not found in this negotiation.', { field: 'pointId' });
  return latest;
}

// Calendar dates carry no time zone, and local dates run from UTC−12 to UTC+14: a date is "today"
// somewhere on Earth from its start at UTC+14 until its end at UTC−12, so neither check below refuses
// a date that is today where the user is.
const HOUR = 3_600_000;
const calendarDateAt = (instant: number): string => new Date(instant).toISOString().slice(0, 10);
const latestDateToday = (now: Date): string => calendarDateAt(now.getTime() + 14 * HOUR);
const earliestDateToday = (now: Date): string => calendarDateAt(now.getTime() - 12 * HOUR);

function refuseFutureStatementDate(date: string, now: Date): void {
  if (date > latestDateToday(now))
    throw new DomainError(
      'invalid-input',
      `A statement is dated when it was made: ${date} is in the future.`,
      { field: 'date' },
    );
}

function refusePastDueDate(dueDate: string | null, now: Date): void {
  if (dueDate !== null && dueDate < earliestDateToday(now))
    throw new DomainError(
      'invalid-input',
      `The due date is in the past: ${dueDate} is before today (${calendarDateAt(now.getTime())}).`,
      { field: 'dueDate' },
    );
}

export async function listEscalationsForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx,
): Promise<Escalation[]> {
  assertAllowed(can(viewer, 'plan.read', onNegotiation(input.negotiation)), 'read this plan');
  return listEscalations(deps.db, input.negotiation.id);
}

/** Sets a point aside for named principals with a question and a due date. */
export async function createEscalation(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx & { body: z.infer<typeof CreateEscalationInputSchema> },
): Promise<Escalation> {
  assertAllowed(can(viewer, 'plan.manage', onNegotiation(input.negotiation)), 'escalate points');
  const pointNumber = await requireKnownPoint(deps, viewer, { ...input, pointId: input.body.pointId });
  refusePastDueDate(input.body.dueDate, deps.clock.now());
  const escalation: Escalation = {
    id: EscalationIdSchema.parse(deps.ids.next()),
    negotiationId: input.negotiation.id,
    ...input.body,
    decision: null,
  };
  await commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      // One open question per point: a second would leave two decisions to record for one point.
      const openSince = await lockedOpenEscalationSince(tx, {
        negotiationId: input.negotiation.id,
        pointId: escalation.pointId,
      });
      if (openSince !== undefined)
        throw new DomainError(
          'conflict',
          `Point ${pointNumber} is already with the leaders since ${openSince.slice(0, 10)}; record their decision first.`,
          { field: 'pointId' },
        );
      await insertEscalation(tx, { ...escalation, createdAt: deps.clock.now().toISOString() });
    },
    audit: {
      action: 'escalation.create',
      subjectType: 'escalation',
      subjectId: escalation.id,
      negotiationId: input.negotiation.id,
      detail: { pointId: escalation.pointId },
    },
    event: escalationChanged(input.negotiation, escalation),
  });
  return escalation;
}

/** Records the principals' decision: the point returns to the table. A second decision is a 409. */
export async function decideEscalation(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx & { escalationId: EscalationId; body: z.infer<typeof DecideEscalationInputSchema> },
): Promise<Escalation> {
  assertAllowed(can(viewer, 'plan.manage', onNegotiation(input.negotiation)), 'record decisions');
  const existing = (await listEscalations(deps.db, input.negotiation.id)).find(
    (escalation) => escalation.id === input.escalationId,
  );
  if (existing === undefined) throw new DomainError('not-found', 'Escalation not found.');
  const decision = { ...input.body, decidedAt: deps.clock.now().toISOString() };
  await commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      if (
        !(await updateEscalationDecision(tx, {
          id: existing.id,
          negotiationId: input.negotiation.id,
          decision,
        }))
      ) {
        throw new DomainError('conflict', "The principals' decision on this escalation is already recorded.");
      }
    },
    audit: {
      action: 'escalation.decide',
      subjectType: 'escalation',
      subjectId: existing.id,
      negotiationId: input.negotiation.id,
      detail: { outcome: decision.outcome },
    },
    event: escalationChanged(input.negotiation, existing),
  });
  return { ...existing, decision };
}

/** Rounds with their minutes only where the viewer was in the room (or mediates); others see `minutes: null`. */
export async function listRoundsForViewer(deps: AppDeps, viewer: Viewer, input: Ctx): Promise<Round[]> {
  const rounds = await roundsVisibleTo(deps, viewer, input);
  await auditMinutesRead(deps, viewer, { ...input, rounds });
  return rounds;
}

/** The rounds as the viewer may read them, not yet audited: whoever shows minutes audits them. */
export async function roundsVisibleTo(deps: AppDeps, viewer: Viewer, input: Ctx): Promise<Round[]> {
  assertAllowed(can(viewer, 'plan.read', onNegotiation(input.negotiation)), 'read this plan');
  return (await listRounds(deps.db, input.negotiation.id)).map((round) =>
    can(viewer, 'round.minutes.read', {
      kind: 'round',
      negotiationId: input.negotiation.id,
      partiesPresent: round.partiesPresent,
    })
      ? round
      : { ...round, minutes: null },
  );
}

/** Minutes are restricted material: showing them is audited like reading a restricted record. */
export async function auditMinutesRead(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx & { rounds: readonly Round[] },
): Promise<void> {
  const withMinutes = input.rounds.filter((round) => round.minutes !== null).map((round) => round.id);
  if (withMinutes.length === 0) return;
  await recordReadAudit(deps.db, {
    actorId: viewer.userId,
    action: 'round.minutes.read',
    subjectType: 'round',
    subjectId: null,
    negotiationId: input.negotiation.id,
    detail: { roundIds: withMinutes },
  });
}

export async function createRound(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx & { body: z.infer<typeof CreateRoundInputSchema> },
): Promise<Round> {
  assertAllowed(can(viewer, 'plan.manage', onNegotiation(input.negotiation)), 'record rounds');
  if (input.body.endsOn < input.body.startsOn)
    throw new DomainError(
      'invalid-input',
      `The round cannot end (${input.body.endsOn}) before it starts (${input.body.startsOn}).`,
      { field: 'endsOn' },
    );
  for (const versionId of [input.body.fromVersionId, input.body.producedVersionId]) {
    if (versionId !== null)
      await getVersionForViewer(deps, viewer, { negotiation: input.negotiation, versionId });
  }
  for (const partyId of input.body.partiesPresent)
    await requireParty(deps, { negotiationId: input.negotiation.id, partyId, field: 'partiesPresent' });
  const round: Round = {
    id: RoundIdSchema.parse(deps.ids.next()),
    negotiationId: input.negotiation.id,
    ...input.body,
  };
  await commitChange(deps, {
    actor: viewer,
    write: (tx) => insertRound(tx, round),
    audit: {
      action: 'round.create',
      subjectType: 'round',
      subjectId: round.id,
      negotiationId: input.negotiation.id,
    },
    event: { type: 'round.created', negotiationId: input.negotiation.id, roundId: round.id },
  });
  return round;
}

export async function listStatementsForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx,
): Promise<readonly Statement[]> {
  assertAllowed(can(viewer, 'plan.read', onNegotiation(input.negotiation)), 'read this plan');
  return cachedStatements(deps.db, input.negotiation.id);
}

export async function createStatement(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx & { body: z.infer<typeof CreateStatementInputSchema> },
): Promise<Statement> {
  assertAllowed(can(viewer, 'plan.manage', onNegotiation(input.negotiation)), 'record statements');
  refuseFutureStatementDate(input.body.date, deps.clock.now());
  await requireParty(deps, {
    negotiationId: input.negotiation.id,
    partyId: input.body.partyId,
    field: 'partyId',
  });
  for (const pointId of input.body.pointIds) await requireKnownPoint(deps, viewer, { ...input, pointId });
  const statement: Statement = {
    id: StatementIdSchema.parse(deps.ids.next()),
    negotiationId: input.negotiation.id,
    ...input.body,
  };
  await commitChange(deps, {
    actor: viewer,
    write: (tx) => insertStatement(tx, statement),
    audit: {
      action: 'statement.create',
      subjectType: 'statement',
      subjectId: statement.id,
      negotiationId: input.negotiation.id,
    },
    event: { type: 'statement.created', negotiationId: input.negotiation.id, statementId: statement.id },
  });
  return statement;
}

/** Amendments are read by the proposing party and the mediator (like `mediator` positions). */
export async function listAmendmentsForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx,
): Promise<Amendment[]> {
  const shown = await amendmentsVisibleTo(deps, viewer, input);
  await auditAmendmentsRead(deps, viewer, { ...input, amendments: shown });
  return shown;
}

/** The amendments the viewer may read, not yet audited: whoever shows them audits them. */
export async function amendmentsVisibleTo(deps: AppDeps, viewer: Viewer, input: Ctx): Promise<Amendment[]> {
  return (await listAmendments(deps.db, input.negotiation.id)).filter((amendment) =>
    can(viewer, 'position.read', {
      kind: 'position',
      negotiationId: input.negotiation.id,
      partyId: amendment.partyId,
      visibility: 'mediator',
    }),
  );
}

/** Restricted material like a `mediator` position: reading it is audited (#13, item 5). */
export async function auditAmendmentsRead(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx & { amendments: readonly Amendment[] },
): Promise<void> {
  if (input.amendments.length === 0) return;
  await recordReadAudit(deps.db, {
    actorId: viewer.userId,
    action: 'amendment.list',
    subjectType: 'amendment',
    subjectId: null,
    negotiationId: input.negotiation.id,
    detail: { amendmentIds: input.amendments.map((amendment) => amendment.id) },
  });
}

export async function proposeAmendment(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx & { body: z.infer<typeof CreateAmendmentInputSchema> },
): Promise<Amendment> {
  const { negotiation, body } = input;
  const party = await requireParty(deps, {
    negotiationId: negotiation.id,
    partyId: body.partyId,
    field: 'partyId',
  });
  assertAllowed(can(viewer, 'position.record', partyResource(party)), 'propose amendments for this party');
  const stored = await getVersionForViewer(deps, viewer, { negotiation, versionId: body.versionId });
  if (!stored.version.points.some((point) => point.pointId === body.pointId))
    throw new DomainError('not-found', 'Point not found in this version.', { field: 'pointId' });
  const amendment: Amendment = {
    id: AmendmentIdSchema.parse(deps.ids.next()),
    negotiationId: negotiation.id,
    ...body,
    fate: { state: 'open' },
    revision: 1,
  };
  await commitChange(deps, {
    actor: viewer,
    write: (tx) => insertAmendment(tx, { ...amendment, createdAt: deps.clock.now().toISOString() }),
    audit: {
      action: 'amendment.create',
      subjectType: 'amendment',
      subjectId: amendment.id,
      negotiationId: negotiation.id,
      detail: { partyId: party.id },
    },
    event: {
      type: 'amendment.changed',
      negotiationId: negotiation.id,
      amendmentId: amendment.id,
      partyId: party.id,
    },
  });
  return amendment;
}

/** The mediator rejects, or the proposing party withdraws, an open amendment (adoption happens by making a version). */
export async function decideAmendment(
  deps: AppDeps,
  viewer: Viewer,
  input: Ctx & { amendmentId: AmendmentId; body: z.infer<typeof DecideAmendmentInputSchema> },
): Promise<Amendment> {
  const existing = (await listAmendmentsForViewer(deps, viewer, input)).find(
    (amendment) => amendment.id === input.amendmentId,
  );
  if (existing === undefined) throw new DomainError('not-found', 'Amendment not found.');
  const party = await findParty(deps.db, {
    negotiationId: input.negotiation.id,
    partyId: existing.partyId,
  });
  const mayDecide =
    input.body.fate === 'rejected'
      ? can(viewer, 'plan.manage', onNegotiation(input.negotiation))
      : party !== undefined && can(viewer, 'position.record', partyResource(party));
  assertAllowed(mayDecide, `mark this amendment ${input.body.fate}`);
  if (existing.fate.state !== 'open')
    throw new DomainError('conflict', `This amendment is already ${existing.fate.state}.`);
  const fate: Amendment['fate'] =
    input.body.fate === 'rejected'
      ? { state: 'rejected', reason: input.body.reason }
      : { state: 'withdrawn' };
  const updated: Amendment = { ...existing, fate, revision: input.body.baseRevision + 1 };
  await commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      if (!(await updateAmendmentIfCurrent(tx, { amendment: updated, base: input.body.baseRevision }))) {
        throw new DomainError(
          'conflict',
          `This amendment changed: your write was based on revision ${input.body.baseRevision}, the current revision is ${existing.revision}.`,
          { field: 'baseRevision' },
        );
      }
    },
    audit: {
      action: `amendment.${input.body.fate}`,
      subjectType: 'amendment',
      subjectId: existing.id,
      negotiationId: input.negotiation.id,
    },
    event: {
      type: 'amendment.changed',
      negotiationId: input.negotiation.id,
      amendmentId: existing.id,
      partyId: existing.partyId,
    },
  });
  return updated;
}
