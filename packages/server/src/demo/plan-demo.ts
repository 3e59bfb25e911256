import { createHash } from 'node:crypto';
import {
  AmendmentIdSchema,
  EscalationIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  PositionIdSchema,
  RoundIdSchema,
  StatementIdSchema,
  type Amendment,
  type Escalation,
  type PartyId,
  type Position,
  type Round,
  type Statement,
  type VersionWithLineage,
} from '@parley/core';
import type { z } from 'zod';
import { RANDOM_IDS } from '../ids';
import { carriedPositions } from '../services/plan-versions';
import type { Database } from '../storage/database';
import { insertPositions } from '../storage/plan-positions';
import { insertAmendment, insertEscalation, insertRound, insertStatement } from '../storage/plan-records';
import { advancePlanRevision, insertPlanVersion } from '../storage/plan-versions';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from './demo-negotiation';
import type { DemoExtension } from './demo-extension';
import {
  buildDemoPlanVersions,
  DEMO_AMENDMENTS,
  DEMO_ESCALATIONS,
  DEMO_POSITIONS,
  DEMO_ROUNDS,
  DEMO_STATEMENTS,
} from './plan-data';

/** A fixed UUID per demo key (versions, points, rounds…), so links and tests can name them. */
export function demoPlanId(key: string): string {
  const hex = createHash('sha256').update(`parley-demo-plan:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The demo's id for a key, parsed as the kind of id it is. */
const keyed =
  <Schema extends z.ZodType>(schema: Schema) =>
  (key: string): z.output<Schema> =>
    schema.parse(demoPlanId(key));
const versionIdOf = keyed(PlanVersionIdSchema);
const pointIdOf = keyed(PointIdSchema);
const roundIdOf = keyed(RoundIdSchema);
const amendmentIdOf = keyed(AmendmentIdSchema);
const positionIdOf = keyed(PositionIdSchema);

const PARTY_BY_KEY: Record<string, PartyId> = {
  'united-states': DEMO_PARTIES.unitedStates.id,
  ukraine: DEMO_PARTIES.ukraine.id,
  russia: DEMO_PARTIES.russia.id,
  'european-partners': DEMO_PARTIES.europe.id,
};
const party = (key: string): PartyId => {
  const id = PARTY_BY_KEY[key];
  if (id === undefined) throw new Error(`unknown demo party ${key}`);
  return id;
};
const optional = <T>(key: string | null, map: (key: string) => T) => (key === null ? null : map(key));

function toStored(entry: VersionWithLineage): VersionWithLineage {
  const { version, edges } = entry;
  return {
    version: {
      ...version,
      id: versionIdOf(version.id),
      negotiationId: DEMO_NEGOTIATION.id,
      parentId: optional(version.parentId, versionIdOf),
      points: version.points.map((point) => ({ ...point, pointId: pointIdOf(point.pointId) })),
    },
    edges: edges.map((edge) => ({
      ...edge,
      fromVersionId: versionIdOf(edge.fromVersionId),
      toVersionId: versionIdOf(edge.toVersionId),
      from: edge.from.map(pointIdOf),
      to: edge.to.map(pointIdOf),
      roundId: optional(edge.roundId, roundIdOf),
      amendmentId: optional(edge.amendmentId, amendmentIdOf),
    })),
  };
}

const GENEVA_RECORDED_AT = '2025-11-24T18:00:00.000Z';
const CREATED_AT: Record<string, string> = {
  'draft-28': '2025-11-20T12:00:00.000Z',
  'geneva-19': '2025-11-24T12:00:00.000Z',
  'florida-20': '2025-11-30T20:00:00.000Z',
};

/** Loads the plan of the demo: three versions, positions (carried to Florida), escalations, rounds, statements, amendments. */
export const planDemo: DemoExtension = async (tx: Database) => {
  const versions = buildDemoPlanVersions();
  let previous: VersionWithLineage | undefined;
  let positions: Position[] = [];
  for (const [index, entry] of versions.entries()) {
    const stored = toStored(entry);
    await advancePlanRevision(tx, { negotiationId: DEMO_NEGOTIATION.id, base: index });
    const roundKey = DEMO_ROUNDS.find((round) => round.producedVersion === entry.version.id)?.key ?? null;
    await insertPlanVersion(tx, {
      entry: stored,
      revision: index + 1,
      roundId: optional(roundKey, roundIdOf),
      createdBy: null,
      createdAt: CREATED_AT[entry.version.id] ?? GENEVA_RECORDED_AT,
    });
    const own = DEMO_POSITIONS.filter((position) => position.version === entry.version.id).map(
      (position): Position => ({
        id: positionIdOf(`position:${position.party}:${position.version}:${position.pointKey}`),
        negotiationId: DEMO_NEGOTIATION.id,
        partyId: party(position.party),
        versionId: stored.version.id,
        pointId: pointIdOf(position.pointKey),
        value: position.value,
        note: position.note,
        visibility: position.visibility,
        needsReview: false,
        revision: 1,
        recordedAt: GENEVA_RECORDED_AT,
      }),
    );
    const carried =
      previous === undefined
        ? []
        : carriedPositions(positions, {
            entry: stored,
            parent: previous.version,
            newId: () => PositionIdSchema.parse(RANDOM_IDS.next()),
          });
    // What the demo records for this version replaces what was carried onto the same point.
    const recorded = new Set(own.map((position) => `${position.pointId}:${position.partyId}`));
    positions = [
      ...carried
        .filter((position) => !recorded.has(`${position.pointId}:${position.partyId}`))
        .map((position) => ({
          ...position,
          id: positionIdOf(`carried:${position.partyId}:${stored.version.id}:${position.pointId}`),
        })),
      ...own,
    ];
    await insertPositions(tx, positions);
    previous = stored;
  }
  for (const escalation of DEMO_ESCALATIONS) {
    const row: Escalation & { createdAt: string } = {
      id: keyed(EscalationIdSchema)(escalation.key),
      negotiationId: DEMO_NEGOTIATION.id,
      pointId: pointIdOf(escalation.pointKey),
      principals: [...escalation.principals],
      question: escalation.question,
      dueDate: escalation.dueDate,
      decision: null,
      createdAt: GENEVA_RECORDED_AT,
    };
    await insertEscalation(tx, row);
  }
  for (const round of DEMO_ROUNDS) {
    const row: Round = {
      id: roundIdOf(round.key),
      negotiationId: DEMO_NEGOTIATION.id,
      name: round.name,
      place: round.place,
      startsOn: round.startsOn,
      endsOn: round.endsOn,
      format: round.format,
      partiesPresent: round.partiesPresent.map(party),
      fromVersionId: versionIdOf(round.fromVersion),
      producedVersionId: optional(round.producedVersion, versionIdOf),
      minutes: round.minutes,
      publicReadout: round.publicReadout,
    };
    await insertRound(tx, row);
  }
  for (const statement of DEMO_STATEMENTS) {
    const row: Statement = {
      id: keyed(StatementIdSchema)(statement.key),
      negotiationId: DEMO_NEGOTIATION.id,
      person: statement.person,
      partyId: party(statement.party),
      date: statement.date,
      source: statement.source,
      quote: statement.quote,
      pointIds: statement.pointKeys.map(pointIdOf),
    };
    await insertStatement(tx, row);
  }
  for (const amendment of DEMO_AMENDMENTS) {
    const fate: Amendment['fate'] =
      amendment.fate.state === 'adopted'
        ? { state: 'adopted', versionId: versionIdOf(amendment.fate.versionId) }
        : amendment.fate;
    await insertAmendment(tx, {
      id: amendmentIdOf(amendment.key),
      negotiationId: DEMO_NEGOTIATION.id,
      partyId: party(amendment.party),
      versionId: versionIdOf(amendment.version),
      pointId: pointIdOf(amendment.pointKey),
      proposal: amendment.proposal,
      rationale: amendment.rationale,
      fate,
      revision: 1,
      createdAt: CREATED_AT[amendment.version] ?? GENEVA_RECORDED_AT,
    });
  }
};
