import {
  can,
  deriveNegotiationState,
  derivePointStatus,
  DomainError,
  PositionIdSchema,
  type Escalation,
  type Negotiation,
  type PageQuery,
  type PartyId,
  type PlanStatus,
  type PlanVersionId,
  type PointId,
  type Position,
  type SetPositionInput,
  type NegotiationId,
  type Viewer,
  seatsIn,
} from '@parley/core';
import { recordReadAudit } from '../audit';
import { presentPosition } from '../presenters/position';
import { seesEveryEdit } from './position-edits';
import { findPosition, writePositionIfCurrent } from '../storage/plan-positions';
import type { TrackedTable } from '../storage/read-generations';
import { cachedEscalations, cachedParties, cachedPositions } from './cached-reads';
import { cachedRead } from './read-cache';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { partyResource, requireParty } from './known-party';
import { pageOf, type Page } from './paging';
import { getVersionForViewer } from './plan-versions';
import { assertAllowed } from './viewer';

const positionResource = (position: Pick<Position, 'negotiationId' | 'partyId' | 'visibility'>) => ({
  kind: 'position' as const,
  negotiationId: position.negotiationId,
  partyId: position.partyId,
  visibility: position.visibility,
});

/**
 * One page of the positions on a version that the viewer may see (hidden ones are absent, not
 * counted); only the positions in the page are audited as read.
 */
export async function listPositionPageForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId; page: PageQuery },
): Promise<Page<Position>> {
  const page = pageOf(await visiblePositions(deps, viewer, input), input.page, (position) => position.id);
  await auditPositionsRead(deps, viewer, { negotiation: input.negotiation, positions: page.items });
  return page;
}

/**
 * A cached view is served only to the user it was made for, holding the same seats in the
 * negotiation as when it was made (a seat that ends changes the key): never to another party.
 */
function viewKey(viewer: Viewer, negotiationId: NegotiationId): string {
  return `${viewer.userId ?? ''}|${JSON.stringify(seatsIn(viewer, negotiationId))}`;
}

/** The positions on a version the viewer may see, not yet audited: whoever shows them audits them. */
export async function visiblePositions(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId },
): Promise<Position[]> {
  await getVersionForViewer(deps, viewer, input);
  const negotiationId = input.negotiation.id;
  return cachedRead(deps.db, {
    key: `positions-view:${negotiationId}:${input.versionId}:${viewKey(viewer, negotiationId)}`,
    scopes: [{ table: 'plan_positions', negotiationId }],
    load: async () =>
      (await cachedPositions(deps.db, { negotiationId, versionId: input.versionId }))
        .filter((position) => can(viewer, 'position.read', positionResource(position)))
        .map((position) => presentPosition(position, { seesEveryEdit: seesEveryEdit(viewer, position) })),
  });
}

/**
 * Every position is restricted material (observers never read one, `parties` ones included), so
 * every read is logged, as a `parties` record's is: a party sees in its log who read even what it
 * shared with all parties (a position whose visibility was widened behind its back included).
 */
export async function auditPositionsRead(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; positions: readonly Position[] },
): Promise<void> {
  const restricted = input.positions.map((position) => position.id);
  if (restricted.length === 0) return;
  await recordReadAudit(deps.db, {
    actorId: viewer.userId,
    action: 'position.list',
    subjectType: 'position',
    subjectId: null,
    negotiationId: input.negotiation.id,
    detail: { positionIds: restricted },
  });
}

/**
 * Records a party's position on a point of a version. `baseRevision` is the revision the writer
 * saw (0 = none yet); a stale one is a 409 naming the current revision, and nothing changes.
 */
export async function setPosition(
  deps: AppDeps,
  viewer: Viewer,
  input: {
    negotiation: Negotiation;
    versionId: PlanVersionId;
    pointId: PointId;
    partyId: PartyId;
    body: SetPositionInput;
  },
): Promise<Position> {
  const { negotiation, body } = input;
  const stored = await getVersionForViewer(deps, viewer, { negotiation, versionId: input.versionId });
  if (!stored.version.points.some((point) => point.pointId === input.pointId))
    throw new DomainError('not-found', 'Point not found in this version.', { field: 'pointId' });
  const party = await requireParty(deps, {
    negotiationId: negotiation.id,
    partyId: input.partyId,
    field: 'partyId',
  });
  assertAllowed(can(viewer, 'position.record', partyResource(party)), 'record positions for this party');
  const position: Position = {
    id: PositionIdSchema.parse(deps.ids.next()),
    negotiationId: negotiation.id,
    partyId: party.id,
    versionId: input.versionId,
    pointId: input.pointId,
    value: body.value,
    note: body.note,
    visibility: body.visibility,
    needsReview: false,
    revision: body.baseRevision + 1,
    recordedAt: deps.clock.now().toISOString(),
  };
  const { current: saved } = await commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      const before = await findPosition(tx, {
        partyId: party.id,
        versionId: input.versionId,
        pointId: input.pointId,
      });
      const written = await writePositionIfCurrent(tx, { position, base: body.baseRevision });
      const current = await findPosition(tx, {
        partyId: party.id,
        versionId: input.versionId,
        pointId: input.pointId,
      });
      if (!written || current === undefined) {
        throw new DomainError(
          'conflict',
          `This position changed: your write was based on revision ${body.baseRevision}, the current revision is ${current?.revision ?? 0}. Reload and try again.`,
          { field: 'baseRevision' },
        );
      }
      return { current, previousVisibility: before?.visibility ?? current.visibility };
    },
    audit: ({ current }) => ({
      action: 'position.set',
      subjectType: 'position',
      subjectId: current.id,
      negotiationId: negotiation.id,
      detail: {
        partyId: party.id,
        versionId: input.versionId,
        pointId: input.pointId,
        revision: current.revision,
        visibility: current.visibility,
      },
    }),
    event: ({ current, previousVisibility }) => ({
      type: 'position.changed',
      negotiationId: negotiation.id,
      versionId: current.versionId,
      pointId: current.pointId,
      partyId: party.id,
      visibility: current.visibility,
      previousVisibility,
      revision: current.revision,
    }),
  });
  return saved;
}

/**
 * The status of every point and of the whole negotiation, computed only from what this viewer may
 * see. `sharedOnly` leaves out positions kept within a delegation, even the viewer's own: for a
 * document others may read (an export copy), whose statuses must not reveal a private stance.
 */
export async function planStatusForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId; sharedOnly?: boolean },
): Promise<PlanStatus> {
  const negotiationId = input.negotiation.id;
  const derived = await cachedRead(deps.db, {
    key: `status:${negotiationId}:${input.versionId}:${input.sharedOnly === true}:${viewKey(viewer, negotiationId)}`,
    scopes: STATUS_TABLES.map((table) => ({ table, negotiationId })),
    load: () => derivePlanStatus(deps, viewer, input),
  });
  // Every request that is shown statuses derived from restricted positions is logged as reading them.
  await auditPositionsRead(deps, viewer, { negotiation: input.negotiation, positions: derived.readable });
  return derived.status;
}

const STATUS_TABLES = [
  'plan_positions',
  'parties',
  'plan_escalations',
  'plan_heads',
  'negotiations',
] as const satisfies readonly TrackedTable[];

async function derivePlanStatus(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId; sharedOnly?: boolean },
): Promise<{ status: PlanStatus; readable: readonly Position[] }> {
  const stored = await getVersionForViewer(deps, viewer, input);
  const [readable, parties, escalations] = await Promise.all([
    visiblePositions(deps, viewer, input),
    cachedParties(deps.db, input.negotiation.id),
    cachedEscalations(deps.db, input.negotiation.id),
  ]);
  const positions =
    input.sharedOnly === true ? readable.filter((position) => position.visibility !== 'private') : readable;
  const requiredPartyIds = parties.filter((party) => party.required).map((party) => party.id);
  const byPoint = (pointId: PointId) => ({
    positions: positions.filter((position) => position.pointId === pointId),
    escalations: escalations.filter((escalation: Escalation) => escalation.pointId === pointId),
  });
  const points = stored.version.points.map((point) => ({
    point,
    report: derivePointStatus({ requiredPartyIds, ...byPoint(point.pointId), dropped: false }),
  }));
  const state = deriveNegotiationState({
    closureRule: input.negotiation.closureRule,
    requiredPartyIds,
    points: points.map(({ point, report }) => ({ pointId: point.pointId, number: point.number, report })),
  });
  const status: PlanStatus = {
    versionId: stored.version.id,
    ...state,
    blocking: state.blocking.map((entry) => ({
      ...entry,
      missingPartyIds: [...entry.missingPartyIds],
      objectingPartyIds: [...entry.objectingPartyIds],
    })),
    bindingPointIds: [...state.bindingPointIds],
    provisionalPointIds: [...state.provisionalPointIds],
    missingPartyIds: [...state.missingPartyIds],
    points: points.map(({ point, report }) => ({
      pointId: point.pointId,
      number: point.number,
      title: point.title,
      status: report.status,
      missingPartyIds: [...report.missingPartyIds],
      objectingPartyIds: [...report.objectingPartyIds],
      amendingPartyIds: [...report.amendingPartyIds],
      reservingPartyIds: [...report.reservingPartyIds],
      reviewingPartyIds: [...report.reviewingPartyIds],
    })),
  };
  return { status, readable };
}
