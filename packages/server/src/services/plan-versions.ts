import {
  nameKey,
  DomainError,
  PlanVersionIdSchema,
  PointIdSchema,
  PositionIdSchema,
  applyOperations,
  can,
  compareVersions,
  parsePlanText,
  planVersionFromText,
  pointHistory,
  versionFromLineageMap,
  type CreateVersionInput,
  type ImportPlanInput,
  type LineageMapLink,
  type Negotiation,
  type PlanVersion,
  type PlanVersionId,
  type PointHistoryEntry,
  type PointId,
  type Position,
  type PositionId,
  type Redline,
  type RoundId,
  type VersionOperation,
  type VersionWithLineage,
  type Viewer,
} from '@parley/core';
import { insertPositions, listPositions } from '../storage/plan-positions';
import { listParties } from '../storage/parties';
import {
  listAmendments,
  listEscalations,
  listRounds,
  updateAmendmentIfCurrent,
} from '../storage/plan-records';
import {
  advancePlanRevision,
  insertPlanVersion,
  listPlanVersionLabels,
  listPlanVersions,
  type StoredVersion,
} from '../storage/plan-versions';
import { cachedAmendments, cachedPlanRevision } from './cached-reads';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { cachedPlanVersions } from './plan-version-cache';
import { assertAllowed } from './viewer';

const negotiationResource = (negotiation: Negotiation) => ({
  kind: 'negotiation' as const,
  negotiationId: negotiation.id,
});

/** Versions of the plan (every participant reads them; the caller has already seen the negotiation). */
export async function listVersionsForViewer(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<{ revision: number; versions: StoredVersion[] }> {
  assertAllowed(can(viewer, 'plan.read', negotiationResource(negotiation)), 'read this plan');
  const revision = await cachedPlanRevision(deps.db, negotiation.id);
  const versions = await cachedPlanVersions(deps.db, negotiation.id, revision);
  // Most plans adopt no amendment: then there is nothing to redact and nothing to load.
  const adoptsAmendments = versions.some((entry) => entry.edges.some((edge) => edge.amendmentId !== null));
  const amendments = adoptsAmendments ? await cachedAmendments(deps.db, negotiation.id) : [];
  // An edge names the amendment it adopted only to viewers who may read that amendment.
  const readable = new Set(
    amendments
      .filter((amendment) =>
        can(viewer, 'position.read', {
          kind: 'position',
          negotiationId: negotiation.id,
          partyId: amendment.partyId,
          visibility: 'mediator',
        }),
      )
      .map((amendment) => amendment.id),
  );
  const redacted = versions.map((entry) => ({
    ...entry,
    edges: entry.edges.map((edge) =>
      edge.amendmentId === null || readable.has(edge.amendmentId) ? edge : { ...edge, amendmentId: null },
    ),
  }));
  return { revision, versions: redacted };
}

export async function getVersionForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId },
): Promise<StoredVersion> {
  const { versions } = await listVersionsForViewer(deps, viewer, input.negotiation);
  const found = versions.find((entry) => entry.version.id === input.versionId);
  if (found === undefined) throw new DomainError('not-found', 'Version not found.');
  return found;
}

/** Creates a first (or further) version from pasted text; problems name their line. */
export async function importPlan(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; body: ImportPlanInput },
): Promise<StoredVersion> {
  assertAllowed(can(viewer, 'plan.manage', negotiationResource(input.negotiation)), 'change this plan');
  await checkOrigins(deps, { negotiation: input.negotiation, operations: [], roundId: input.body.roundId });
  const parsed = parsePlanText(input.body.text);
  if (!parsed.ok)
    throw new DomainError('invalid-input', parsed.problems.map((problem) => problem.message).join('; '), {
      field: 'text',
    });
  const version = planVersionFromText(parsed.value, {
    versionId: PlanVersionIdSchema.parse(deps.ids.next()),
    negotiationId: input.negotiation.id,
    label: input.body.label,
    pointId: () => PointIdSchema.parse(deps.ids.next()),
  });
  return saveVersion(deps, viewer, {
    negotiation: input.negotiation,
    entry: { version, edges: [] },
    baseRevision: input.body.baseRevision,
    roundId: input.body.roundId,
  });
}

/** Makes a child version by operations; bad operations are a 400 naming the point and operation. */
export async function createVersion(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; body: CreateVersionInput },
): Promise<StoredVersion> {
  assertAllowed(can(viewer, 'plan.manage', negotiationResource(input.negotiation)), 'change this plan');
  const versions = await listPlanVersions(deps.db, input.negotiation.id);
  const parent = versions.find((entry) => entry.version.id === input.body.parentId);
  if (parent === undefined)
    throw new DomainError('not-found', 'Parent version not found.', { field: 'parentId' });
  await checkOrigins(deps, {
    negotiation: input.negotiation,
    operations: input.body.operations,
    roundId: input.body.roundId,
  });
  const child = { id: PlanVersionIdSchema.parse(deps.ids.next()), label: input.body.label };
  const result =
    input.body.text === undefined
      ? applyOperations({
          parent: parent.version,
          child,
          operations: input.body.operations,
          history: versions.map((entry) => entry.version),
        })
      : childFromText({
          parent: parent.version,
          child,
          text: input.body.text,
          links: input.body.links ?? [],
          newPointId: () => PointIdSchema.parse(deps.ids.next()),
        });
  if (!result.ok)
    throw new DomainError('invalid-input', result.problems.map((problem) => problem.message).join('; '), {
      field: input.body.text === undefined ? 'operations' : 'links',
    });
  const edges = [...result.value.edges];
  // Single-text practice: the published lineage names no proposer; the audit entry keeps them.
  const attribution = input.body.attributeChanges
    ? undefined
    : edges.flatMap((edge) =>
        edge.proposedBy === null
          ? []
          : [{ kind: edge.kind, from: edge.from, to: edge.to, proposedBy: edge.proposedBy }],
      );
  const entry = {
    version: result.value.version,
    edges: input.body.attributeChanges ? edges : edges.map((edge) => ({ ...edge, proposedBy: null })),
  };
  return saveVersion(deps, viewer, {
    negotiation: input.negotiation,
    entry,
    attribution,
    baseRevision: input.body.baseRevision,
    roundId: input.body.roundId,
    parent: parent.version,
  });
}

// A revised text and the lineage map the mediator confirmed; a text that does not parse names its lines.
function childFromText(input: {
  parent: PlanVersion;
  child: { id: PlanVersionId; label: string };
  text: string;
  links: readonly LineageMapLink[];
  newPointId: () => PointId;
}) {
  const parsed = parsePlanText(input.text);
  if (!parsed.ok)
    throw new DomainError('invalid-input', parsed.problems.map((problem) => problem.message).join('; '), {
      field: 'text',
    });
  return versionFromLineageMap({
    parent: input.parent,
    points: parsed.value.points,
    links: input.links,
    child: input.child,
    newPointId: input.newPointId,
  });
}

// Who proposed an operation and in which round must belong to this negotiation.
async function checkOrigins(
  deps: AppDeps,
  input: { negotiation: Negotiation; operations: readonly VersionOperation[]; roundId: RoundId | null },
): Promise<void> {
  const [parties, rounds] = await Promise.all([
    listParties(deps.db, input.negotiation.id),
    listRounds(deps.db, input.negotiation.id),
  ]);
  const roundIds = new Set(rounds.map((round) => round.id));
  const partyIds = new Set<string>(parties.map((party) => party.id));
  input.operations.forEach((operation, index) => {
    if (operation.proposedBy != null && !partyIds.has(operation.proposedBy))
      throw new DomainError(
        'not-found',
        `operation ${index + 1}: no party ${operation.proposedBy} in this negotiation`,
        { field: 'operations' },
      );
    if (operation.roundId != null && !roundIds.has(operation.roundId))
      throw new DomainError(
        'not-found',
        `operation ${index + 1}: no round ${operation.roundId} in this negotiation`,
        { field: 'operations' },
      );
  });
  if (input.roundId !== null && !roundIds.has(input.roundId))
    throw new DomainError('not-found', 'Round not found.', { field: 'roundId' });
}

async function saveVersion(
  deps: AppDeps,
  viewer: Viewer,
  input: {
    negotiation: Negotiation;
    entry: VersionWithLineage;
    baseRevision: number;
    roundId: RoundId | null;
    parent?: PlanVersion;
    /** Who proposed each change, when the lineage itself does not say (single-text practice). */
    attribution?: readonly {
      kind: string;
      from: readonly string[];
      to: readonly string[];
      proposedBy: string;
    }[];
  },
): Promise<StoredVersion> {
  const createdAt = deps.clock.now().toISOString();
  return commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      const advanced = await advancePlanRevision(tx, {
        negotiationId: input.negotiation.id,
        base: input.baseRevision,
      });
      if (!advanced.ok) {
        throw new DomainError(
          'conflict',
          `The plan changed: this write was based on revision ${input.baseRevision}, the current revision is ${advanced.current}. Reload and try again.`,
          { field: 'baseRevision' },
        );
      }
      // After advancePlanRevision: its row lock keeps a concurrent writer from taking the label meanwhile.
      await refuseTakenLabel(tx, input.entry.version);
      await insertPlanVersion(tx, {
        entry: input.entry,
        revision: advanced.revision,
        roundId: input.roundId,
        createdBy: viewer.userId,
        createdAt,
      });
      await adoptAmendments(tx, { negotiationId: input.negotiation.id, entry: input.entry });
      if (input.parent !== undefined)
        await insertPositions(
          tx,
          carriedPositions(
            await listPositions(tx, { negotiationId: input.negotiation.id, versionId: input.parent.id }),
            { ...input, newId: () => PositionIdSchema.parse(deps.ids.next()) },
          ),
        );
      return { ...input.entry, revision: advanced.revision, roundId: input.roundId, createdAt };
    },
    audit: (stored) => ({
      action: 'plan.version.create',
      subjectType: 'plan_version',
      subjectId: input.entry.version.id,
      negotiationId: input.negotiation.id,
      detail: {
        revision: stored.revision,
        parentId: input.entry.version.parentId,
        points: input.entry.version.points.length,
        operations: input.entry.edges.length,
        ...(input.attribution === undefined ? {} : { attribution: input.attribution }),
      },
    }),
    event: (stored) => ({
      type: 'version.created',
      negotiationId: input.negotiation.id,
      versionId: stored.version.id,
      revision: stored.revision,
    }),
  });
}

// People know versions by their label (redline, point history, timeline): two alike could not be told apart.
async function refuseTakenLabel(tx: AppDeps['db'], version: PlanVersion): Promise<void> {
  const taken = (await listPlanVersionLabels(tx, version.negotiationId)).find(
    (label) => nameKey(label) === nameKey(version.label),
  );
  if (taken !== undefined)
    throw new DomainError('conflict', `A version is already labelled “${taken}”: choose another label.`, {
      field: 'label',
    });
}

// Operations that carry an amendment id adopt it: its fate links the version that adopted it.
async function adoptAmendments(
  tx: AppDeps['db'],
  input: { negotiationId: string; entry: VersionWithLineage },
): Promise<void> {
  const ids = [
    ...new Set(input.entry.edges.flatMap((edge) => (edge.amendmentId === null ? [] : [edge.amendmentId]))),
  ];
  if (ids.length === 0) return;
  const amendments = await listAmendments(tx, input.negotiationId);
  for (const id of ids) {
    const amendment = amendments.find((candidate) => candidate.id === id);
    if (amendment === undefined)
      throw new DomainError('not-found', `Amendment ${id} not found.`, { field: 'operations' });
    if (amendment.fate.state !== 'open')
      throw new DomainError('conflict', `Amendment ${id} is already ${amendment.fate.state}.`, {
        field: 'operations',
      });
    const adopted = {
      ...amendment,
      fate: { state: 'adopted' as const, versionId: input.entry.version.id },
      revision: amendment.revision + 1,
    };
    if (!(await updateAmendmentIfCurrent(tx, { amendment: adopted, base: amendment.revision })))
      throw new DomainError('conflict', `Amendment ${id} changed meanwhile.`, { field: 'operations' });
  }
}

// Positions follow a point into the next version; where its text changed they are flagged for review.
// A point made of several (a merge, a restructuring) takes each party's most guarded position on its
// sources, with the narrowest visibility among them, so a merge never softens a red line nor widens
// who may read it; every part of a split takes the position on the point it came from.
/**
 * A party that held positions on several points now joined in one keeps the most guarded, and
 * every note it wrote: a note about one clause must not vanish because another clause came with
 * it. Each note is headed by the point it was written on, in the parent's numbering; the joined
 * position takes the narrowest visibility of those it came from, so no note reaches further.
 */
function joinedNotes(
  held: readonly Position[],
  guarded: Position,
  before: ReadonlyMap<PointId, PlanVersion['points'][number]>,
): string {
  if (held.length === 1) return guarded.note;
  const joined = held
    .filter((position) => position.note.trim() !== '')
    .map((position) => `Point ${before.get(position.pointId)?.number ?? '?'}: ${position.note.trim()}`)
    .join('\n');
  // The note's own limit (5 000 characters): the last one is cut, with a mark that it was.
  return joined.length <= NOTE_LIMIT ? joined : `${joined.slice(0, NOTE_LIMIT - 1)}…`;
}

const NOTE_LIMIT = 5_000;

export function carriedPositions(
  positions: readonly Position[],
  input: { entry: VersionWithLineage; parent?: PlanVersion; newId: () => PositionId },
): Position[] {
  const before = new Map((input.parent?.points ?? []).map((point) => [point.pointId, point]));
  const sourcesOf = new Map<PointId, PointId[]>();
  for (const edge of input.entry.edges)
    for (const to of edge.to) sourcesOf.set(to, [...(sourcesOf.get(to) ?? []), ...edge.from]);
  const byPoint = groupBy(positions, (position) => position.pointId);
  return input.entry.version.points.flatMap((next) => {
    const sources = sourcesOf.get(next.pointId) ?? (before.has(next.pointId) ? [next.pointId] : []);
    const previous = sources.flatMap((pointId) => before.get(pointId) ?? []);
    if (previous.length === 0) return [];
    const changed =
      previous.length > 1 || previous.some((point) => point.text !== next.text || point.title !== next.title);
    const heldByParty = groupBy(
      sources.flatMap((pointId) => byPoint.get(pointId) ?? []),
      (position) => position.partyId,
    );
    return [...heldByParty.values()].map((held): Position => {
      const guarded = held.reduce((most, position) =>
        GUARD[position.value] > GUARD[most.value] ? position : most,
      );
      const narrowest = held.reduce((most, position) =>
        REACH[position.visibility] < REACH[most.visibility] ? position : most,
      );
      return {
        ...guarded,
        id: input.newId(),
        versionId: input.entry.version.id,
        pointId: next.pointId,
        note: joinedNotes(held, guarded, before),
        visibility: narrowest.visibility,
        needsReview: held.some((position) => position.needsReview) || changed,
        revision: 1,
      };
    });
  });
}

const GUARD: Record<Position['value'], number> = {
  accept: 0,
  undecided: 1,
  accept_with_reservation: 2,
  amend: 3,
  reject: 4,
  red_line: 5,
};
const REACH: Record<Position['visibility'], number> = { private: 0, mediator: 1, parties: 2 };

// Map.groupBy arrives with Node 21; Parley runs on 20.19.
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

export async function redlineForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; fromId: PlanVersionId; toId: PlanVersionId },
): Promise<Redline> {
  const [{ versions }, escalations] = await Promise.all([
    listVersionsForViewer(deps, viewer, input.negotiation),
    listEscalations(deps.db, input.negotiation.id),
  ]);
  // Points set aside for the leaders are labelled, so a redline shows what was deferred as well as what changed.
  const labels = Object.fromEntries(
    escalations
      .filter((escalation) => escalation.decision === null)
      .map((escalation) => [escalation.pointId, ['deferred to leaders']]),
  );
  const result = compareVersions(versions, { fromId: input.fromId, toId: input.toId, labels });
  if (!result.ok)
    throw new DomainError('not-found', result.problems.map((problem) => problem.message).join('; '));
  return result.value;
}

export async function pointHistoryForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId; pointId: PointId },
): Promise<PointHistoryEntry[]> {
  const { versions } = await listVersionsForViewer(deps, viewer, input.negotiation);
  const version = versions.find((entry) => entry.version.id === input.versionId)?.version;
  if (version === undefined || !version.points.some((point) => point.pointId === input.pointId))
    throw new DomainError('not-found', 'Point not found.');
  return pointHistory(versions, { pointId: input.pointId, versionId: input.versionId });
}
