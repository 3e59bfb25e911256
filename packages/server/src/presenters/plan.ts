import type {
  DiffPart,
  PlanOverviewSchema,
  PointHistoryEntry,
  PointHistorySchema,
  PointRef,
  Redline,
  RedlineSchema,
  StoredVersionView,
} from '@parley/core';
import type { z } from 'zod';
import type { StoredVersion } from '../storage/plan-versions';

/** A version as the API shows it: fields picked one by one (no storage detail leaks). */
export function presentStoredVersion(stored: StoredVersion): StoredVersionView {
  const { version } = stored;
  return {
    version: {
      id: version.id,
      negotiationId: version.negotiationId,
      parentId: version.parentId,
      label: version.label,
      points: version.points.map(({ pointId, number, title, text, topic }) => ({
        pointId,
        number,
        title,
        text,
        topic,
      })),
    },
    edges: stored.edges.map(
      ({ fromVersionId, toVersionId, kind, from, to, proposedBy, roundId, amendmentId }) => ({
        fromVersionId,
        toVersionId,
        kind,
        from: [...from],
        to: [...to],
        proposedBy,
        roundId,
        amendmentId,
      }),
    ),
    revision: stored.revision,
    roundId: stored.roundId,
    createdAt: stored.createdAt,
  };
}

type Overview = z.infer<typeof PlanOverviewSchema>;
type RedlineView = z.infer<typeof RedlineSchema>;
type PointHistoryView = z.infer<typeof PointHistorySchema>['items'][number];

/** The list of versions: sizes and labels, not their text. */
export const presentPlanOverview = (input: {
  revision: number;
  versions: readonly StoredVersion[];
}): Overview => ({
  revision: input.revision,
  versions: input.versions.map((entry) => ({
    id: entry.version.id,
    parentId: entry.version.parentId,
    label: entry.version.label,
    revision: entry.revision,
    points: entry.version.points.length,
    createdAt: entry.createdAt,
  })),
});

const presentPointRef = (point: PointRef) => ({
  pointId: point.pointId,
  number: point.number,
  title: point.title,
});
const presentDiff = (parts: readonly DiffPart[]) => parts.map((part) => ({ op: part.op, text: part.text }));
const presentVersionRef = (version: Redline['from']) => ({
  id: version.id,
  label: version.label,
  points: version.points,
});

export const presentRedline = (redline: Redline): RedlineView => ({
  from: presentVersionRef(redline.from),
  to: presentVersionRef(redline.to),
  rows: redline.rows.map((row) => ({
    kind: row.kind,
    from: row.from.map(presentPointRef),
    to: row.to.map(presentPointRef),
    title: presentDiff(row.title),
    text: presentDiff(row.text),
    labels: [...row.labels],
  })),
  counts: { ...redline.counts },
});

export const presentPointHistoryEntry = (entry: PointHistoryEntry): PointHistoryView => ({
  versionId: entry.versionId,
  versionLabel: entry.versionLabel,
  pointId: entry.pointId,
  revision:
    entry.revision === null
      ? null
      : { number: entry.revision.number, title: entry.revision.title, text: entry.revision.text },
  change: entry.change,
  from: [...entry.from],
  proposedBy: entry.proposedBy,
  roundId: entry.roundId,
});
