import type { PartyId, PlanVersionId, PointId, RoundId } from '../../ids';
import type { LineageKind, VersionWithLineage } from '../../schemas/plan';
import { chainTo } from './check-lineage';

export type PointHistoryChange = LineageKind | 'created' | 'restructure';

/**
 * The points a version regrouped. A restructuring is recorded as one edge per new point
 * (versionFromLineageMap), so its edges share sources, where a plain merge or split is one edge:
 * every source of a merge or split edge that shares a source with another one was regrouped.
 */
function regroupedSources(edges: VersionWithLineage['edges']): ReadonlySet<PointId> {
  const regrouping = edges.filter((edge) => edge.kind === 'merge' || edge.kind === 'split');
  const seen = new Set<PointId>();
  const shared = new Set<PointId>();
  for (const edge of regrouping) for (const id of edge.from) (seen.has(id) ? shared : seen).add(id);
  return new Set(
    regrouping.filter((edge) => edge.from.some((id) => shared.has(id))).flatMap((edge) => edge.from),
  );
}

/** One line of a point's history: how it read in a version, and what made it so. */
export type PointHistoryEntry = {
  readonly versionId: PlanVersionId;
  readonly versionLabel: string;
  readonly pointId: PointId;
  /** null when the point left the plan in this version (dropped, merged away or split). */
  readonly revision: { readonly number: number; readonly title: string; readonly text: string } | null;
  /** `restructure`: clauses of several points regrouped into several others (recorded edge by edge). */
  readonly change: PointHistoryChange;
  readonly from: readonly PointId[];
  readonly proposedBy: PartyId | null;
  readonly roundId: RoundId | null;
};

/**
 * The "blame" of a point: every revision of it and of the points it came from (through merges
 * and splits) along the chain of versions ending at `versionId`, oldest first.
 */
export function pointHistory(
  versions: readonly VersionWithLineage[],
  input: { pointId: PointId; versionId: PlanVersionId },
): PointHistoryEntry[] {
  const chain = chainTo(
    versions.map((entry) => ({ ...entry, id: entry.version.id, parentId: entry.version.parentId })),
    input.versionId,
  );
  // The point's ancestors version by version, walking back from `versionId`. One set for the whole
  // chain listed the other half of a split too: the half that kept the old point's id, with every
  // later revision of it, appeared in this half's history.
  const lines: ReadonlySet<PointId>[] = new Array<ReadonlySet<PointId>>(chain.length);
  let current = new Set<PointId>([input.pointId]);
  for (let index = chain.length - 1; index >= 0; index--) {
    lines[index] = current;
    const earlier = new Set<PointId>();
    for (const id of current) {
      const edge = chain[index]?.edges.find((candidate) => candidate.to.includes(id));
      for (const from of edge?.from ?? [id]) earlier.add(from);
    }
    current = earlier;
  }
  const entries: PointHistoryEntry[] = [];
  chain.forEach((entry, index) => {
    const { version, edges } = entry;
    const line = lines[index] ?? new Set<PointId>();
    // What the line was one version back: the points that may have left into it here.
    const family = lines[index - 1] ?? new Set<PointId>();
    const regrouped = regroupedSources(edges);
    const changeOf = (edge: VersionWithLineage['edges'][number]): PointHistoryChange =>
      edge.from.some((id) => regrouped.has(id)) ? 'restructure' : edge.kind;
    for (const point of version.points.filter((p) => line.has(p.pointId))) {
      const edge = edges.find((e) => e.to.includes(point.pointId));
      const unchanged = index > 0 && edge === undefined;
      entries.push({
        versionId: version.id,
        versionLabel: version.label,
        pointId: point.pointId,
        revision: { number: point.number, title: point.title, text: point.text },
        change: edge === undefined ? (unchanged ? 'keep' : 'created') : changeOf(edge),
        from: edge?.from ?? [],
        proposedBy: edge?.proposedBy ?? null,
        roundId: edge?.roundId ?? null,
      });
    }
    // A point that went into several new points (a restructuring, edge by edge) left once.
    const left = new Set<PointId>();
    for (const edge of edges.filter(
      (e) => e.kind !== 'renumber' && e.from.some((id) => family.has(id) && !e.to.includes(id)),
    )) {
      for (const gone of edge.from.filter((id) => family.has(id) && !edge.to.includes(id))) {
        if (left.has(gone)) continue;
        left.add(gone);
        entries.push({
          versionId: version.id,
          versionLabel: version.label,
          pointId: gone,
          revision: null,
          change: regrouped.has(gone) ? 'restructure' : edge.kind,
          from: [gone],
          proposedBy: edge.proposedBy,
          roundId: edge.roundId,
        });
      }
    }
  });
  return entries;
}
