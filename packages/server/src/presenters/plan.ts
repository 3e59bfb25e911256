import type { StoredVersionView } from '@parley/core';
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
