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
import type { TrackedTable } from '../storage/read-generations';
import { cachedEscalations, cachedPlanRevision, cachedRounds, cachedStatements } from './cached-reads';
import type { AppDeps } from './deps';
import { planStatusForViewer } from './plan-positions';
import { cachedPlanVersions } from './plan-version-cache';
import { cachedRead } from './read-cache';
import { assertAllowed } from './viewer';

/**
 * The negotiation's (or one point's) timeline: versions, rounds, statements, escalation due dates
 * and decisions. Nothing in it depends on who reads it (only whether they may read the plan), so
 * it is built once per change of what it is made of, not once per request.
 */
export async function timelineForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; pointId?: PointId },
): Promise<readonly TimelineEntry[]> {
  const negotiationId = input.negotiation.id;
  assertAllowed(can(viewer, 'plan.read', { kind: 'negotiation', negotiationId }), 'read this plan');
  return cachedRead(deps.db, {
    key: `timeline:${negotiationId}:${input.pointId ?? ''}`,
    scopes: TIMELINE_TABLES.map((table) => ({ table, negotiationId })),
    load: async () => {
      const revision = await cachedPlanRevision(deps.db, negotiationId);
      const [versions, rounds, statements, escalations] = await Promise.all([
        cachedPlanVersions(deps.db, negotiationId, revision),
        cachedRounds(deps.db, negotiationId),
        cachedStatements(deps.db, negotiationId),
        cachedEscalations(deps.db, negotiationId),
      ]);
      return buildTimeline({
        versions,
        rounds,
        statements,
        escalations,
        ...(input.pointId === undefined ? {} : { pointId: input.pointId }),
      });
    },
  });
}

const TIMELINE_TABLES = [
  'plan_heads',
  'plan_rounds',
  'plan_statements',
  'plan_escalations',
] as const satisfies readonly TrackedTable[];

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
