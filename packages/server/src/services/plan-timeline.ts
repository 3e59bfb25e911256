import {
  buildTimeline,
  can,
  pointsOpenBefore,
  type Negotiation,
  type TimelineEntry,
  type Viewer,
  type PlanVersionId,
  type PointId,
} from '@parley/core';
import { listDeadlines } from '../storage/deadlines';
import { listEscalations, listRounds, listStatements } from '../storage/plan-records';
import type { AppDeps } from './deps';
import { planStatusForViewer } from './plan-positions';
import { listVersionsForViewer } from './plan-versions';
import { assertAllowed } from './viewer';

/** The negotiation's (or one point's) timeline: versions, rounds, statements, escalation due dates and decisions. */
export async function timelineForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; pointId?: PointId },
): Promise<TimelineEntry[]> {
  assertAllowed(
    can(viewer, 'plan.read', { kind: 'negotiation', negotiationId: input.negotiation.id }),
    'read this plan',
  );
  const [{ versions }, rounds, statements, escalations] = await Promise.all([
    listVersionsForViewer(deps, viewer, input.negotiation),
    listRounds(deps.db, input.negotiation.id),
    listStatements(deps.db, input.negotiation.id),
    listEscalations(deps.db, input.negotiation.id),
  ]);
  return buildTimeline({
    versions,
    rounds,
    statements,
    escalations,
    ...(input.pointId === undefined ? {} : { pointId: input.pointId }),
  });
}

/** For each deadline, the points of a version that stand open between now and it (status as this viewer sees it). */
export async function deadlineOutlookForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId },
) {
  const status = await planStatusForViewer(deps, viewer, input);
  const deadlines = await listDeadlines(deps.db, input.negotiation.id);
  const now = deps.clock.now().toISOString();
  return deadlines.map((deadline) => {
    const { isPast, open } = pointsOpenBefore({ points: status.points, dueAt: deadline.dueAt, now });
    return {
      deadlineId: deadline.id,
      title: deadline.title,
      dueAt: deadline.dueAt,
      isPast,
      openPoints: open.map(({ pointId, number, title, status: pointStatus }) => ({
        pointId,
        number,
        title,
        status: pointStatus,
      })),
    };
  });
}
