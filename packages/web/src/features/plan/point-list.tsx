import type { PlanVersionId, PointRevision } from '@parley/core';
import { Link } from 'react-router';
import { Chip } from '../../components/chips';
import { pointName } from '../../components/point-label';

export function PointList({
  points,
  statusOf,
  versionId,
}: {
  points: PointRevision[];
  statusOf: Map<string, string>;
  versionId: PlanVersionId;
}) {
  if (points.length === 0) return <p className="muted">No point matches these filters.</p>;
  return (
    <ol className="points">
      {points.map((point) => (
        <li key={point.pointId} value={point.number}>
          <div className="point-row">
            <Link
              to={`../points/${encodeURIComponent(point.pointId)}?version=${encodeURIComponent(versionId)}`}
              relative="path"
            >
              <span className="number">{point.number}.</span> <bdi>{pointName(point, 80)}</bdi>
            </Link>
            <Chip value={statusOf.get(point.pointId) ?? 'open'} />
          </div>
          {point.topic && (
            <span className="topic" dir="auto">
              {point.topic}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
