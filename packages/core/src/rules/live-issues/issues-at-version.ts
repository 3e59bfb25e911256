import type { PlanVersionId, PointId } from '../../ids';
import type { IssueDefinition, LiveIssue } from '../../schemas/live-issues';
import type { VersionWithLineage } from '../../schemas/plan';

/** The mediator set (or cleared) a point's options while reading one version. */
export type IssueAssignment = {
  readonly versionId: PlanVersionId;
  readonly pointId: PointId;
  readonly definition: IssueDefinition | null;
};

type Candidate = {
  readonly assignment: IssueAssignment;
  /** When on the path this point's options were last decided (a save counts after its version's edges). */
  readonly effective: number;
  readonly savedAt: number;
  readonly flagged: boolean;
};

/**
 * The issues of one version. Options belong to a point: they follow it through amendments and
 * renumbering unchanged; through a merge or split they reach every resulting point flagged
 * `needsReconciling`, until the mediator sets that point's options again. Assignments made on
 * another branch do not apply. Returns null when the version is not in `versions`.
 */
export function issuesAtVersion(
  versions: readonly VersionWithLineage[],
  assignments: readonly IssueAssignment[],
  versionId: PlanVersionId,
): LiveIssue[] | null {
  const path = pathTo(versions, versionId);
  const target = path.at(-1);
  if (target === undefined) return null;
  const indexOf = new Map(path.map((entry, index) => [entry.version.id, index]));
  const candidates = new Map<PointId, Candidate[]>();
  for (const assignment of assignments) {
    const savedAt = indexOf.get(assignment.versionId);
    if (savedAt === undefined) continue;
    const carried = follow(path, assignment.pointId, savedAt);
    for (const pointId of carried.points) {
      const list = candidates.get(pointId) ?? [];
      list.push({
        assignment,
        savedAt,
        // A choice made on a version comes after that version's merges and splits.
        effective: carried.flaggedAt ?? savedAt + 0.5,
        flagged: carried.flaggedAt !== undefined,
      });
      candidates.set(pointId, list);
    }
  }
  return target.version.points.map((point) => {
    const decided = latest(candidates.get(point.pointId) ?? []);
    const definition = decided.find((candidate) => candidate.assignment.definition !== null)?.assignment
      .definition;
    return {
      pointId: point.pointId,
      number: point.number,
      title: point.title,
      definition: definition ?? null,
      needsReconciling: definition !== undefined && decided.some((candidate) => candidate.flagged),
      from: [...new Set(decided.map((candidate) => candidate.assignment.pointId))],
    };
  });
}

// The candidates that decided last; of several made for one source point, only its newest counts.
function latest(candidates: readonly Candidate[]): Candidate[] {
  const top = Math.max(-1, ...candidates.map((candidate) => candidate.effective));
  const newestBySource = new Map<PointId, Candidate>();
  for (const candidate of candidates.filter((entry) => entry.effective === top)) {
    const seen = newestBySource.get(candidate.assignment.pointId);
    if (seen === undefined || seen.savedAt < candidate.savedAt)
      newestBySource.set(candidate.assignment.pointId, candidate);
  }
  return [...newestBySource.values()].sort((a, b) => b.savedAt - a.savedAt);
}

/** Where a point's options are carried from `start` to the end of the path, and when a merge or split touched them. */
function follow(
  path: readonly VersionWithLineage[],
  pointId: PointId,
  start: number,
): { points: Set<PointId>; flaggedAt?: number } {
  let points = new Set([pointId]);
  let flaggedAt: number | undefined;
  for (let index = start + 1; index < path.length; index++) {
    for (const edge of path[index]?.edges ?? []) {
      if (!edge.from.some((id) => points.has(id))) continue;
      const next = new Set([...points].filter((id) => !edge.from.includes(id)));
      if (edge.kind === 'merge' || edge.kind === 'split') {
        flaggedAt = index;
        for (const id of edge.to) next.add(id);
      } else if (edge.kind !== 'drop') {
        for (const id of edge.to) next.add(id);
      }
      points = next;
    }
  }
  const last = path.at(-1)?.version.points ?? [];
  const present = new Set(last.map((point) => point.pointId));
  return { points: new Set([...points].filter((id) => present.has(id))), flaggedAt };
}

function pathTo(versions: readonly VersionWithLineage[], versionId: PlanVersionId): VersionWithLineage[] {
  const byId = new Map(versions.map((entry) => [entry.version.id, entry]));
  const path: VersionWithLineage[] = [];
  const seen = new Set<PlanVersionId>();
  let current = byId.get(versionId);
  while (current !== undefined && !seen.has(current.version.id)) {
    seen.add(current.version.id);
    path.unshift(current);
    current = current.version.parentId === null ? undefined : byId.get(current.version.parentId);
  }
  return path;
}
