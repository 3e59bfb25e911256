import {
  optionsReadAlike,
  sameDefinition,
  type IssueDefinition,
  can,
  DomainError,
  issuesAtVersion,
  type LiveIssue,
  type LiveIssues,
  type Negotiation,
  type SetIssueInput,
  type Viewer,
  type PlanVersionId,
  type PointId,
} from '@parley/core';
import { listIssueAssignments, upsertIssueAssignment } from '../storage/live-issues';
import { lockInNegotiation } from '../storage/negotiation-locks';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { getVersionForViewer, listVersionsForViewer } from './plan-versions';
import { assertAllowed } from './viewer';

const negotiationResource = (negotiation: Negotiation) => ({
  kind: 'negotiation' as const,
  negotiationId: negotiation.id,
});

/** The points of a version with their options (docs/live-analysis.md: options follow lineage). */
export async function listIssuesForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId },
): Promise<LiveIssues> {
  assertAllowed(can(viewer, 'issue.read', negotiationResource(input.negotiation)), 'read the issues');
  return { versionId: input.versionId, points: await issuesAt(deps, viewer, input) };
}

/** Issues of a version, for services that have already decided access. */
export async function issuesAt(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId },
): Promise<LiveIssue[]> {
  const [{ versions }, assignments] = await Promise.all([
    listVersionsForViewer(deps, viewer, input.negotiation),
    listIssueAssignments(deps.db, input.negotiation.id),
  ]);
  const issues = issuesAtVersion(versions, assignments, input.versionId);
  if (issues === null) throw new DomainError('not-found', 'Version not found.');
  return issues;
}

/** The newest version of the plan (profiles are checked against its issues), or null before a plan. */
export async function latestVersionId(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<PlanVersionId | null> {
  const { versions } = await listVersionsForViewer(deps, viewer, negotiation);
  const newest = [...versions].sort((a, b) => b.revision - a.revision)[0];
  return newest?.version.id ?? null;
}

function describeDefinition(definition: IssueDefinition | null): string {
  if (definition === null) return 'not an issue';
  if (definition.kind === 'options') return `options ${definition.options.map((o) => `“${o}”`).join(', ')}`;
  return `a range ${definition.min}–${definition.max}${definition.unit === '' ? '' : ` ${definition.unit}`} by ${definition.step}`;
}

/** The mediator sets (or clears, with `definition: null`) a point's options on a version. */
export async function setIssue(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId; pointId: PointId; body: SetIssueInput },
): Promise<LiveIssue> {
  const { negotiation, versionId, pointId } = input;
  const version = await getVersionForViewer(deps, viewer, { negotiation, versionId });
  if (!version.version.points.some((point) => point.pointId === pointId))
    throw new DomainError('not-found', 'Point not found in this version.');
  assertAllowed(can(viewer, 'issue.manage', negotiationResource(negotiation)), 'define the issues');
  const definition = input.body.definition;
  if (optionsReadAlike(definition))
    throw new DomainError('invalid-input', 'Each option must differ from the others.', {
      field: 'definition.options',
    });
  const { previous } = input.body;
  // Versions never change once made, so the ones read here still hold inside the transaction.
  const { versions } =
    previous === undefined ? { versions: [] } : await listVersionsForViewer(deps, viewer, negotiation);
  const at = deps.clock.now();
  await commitChange(deps, {
    actor: viewer,
    at,
    write: async (tx) => {
      // Checked under the lock, in the transaction that writes: two editors saving over the same
      // definition at once must not both pass (the second would silently undo the first).
      await lockInNegotiation(tx, 'issueDefinitions', negotiation.id);
      if (previous !== undefined) {
        const assignments = await listIssueAssignments(tx, negotiation.id);
        const now =
          issuesAtVersion(versions, assignments, versionId)?.find((issue) => issue.pointId === pointId)
            ?.definition ?? null;
        if (!sameDefinition(now, previous))
          throw new DomainError(
            'conflict',
            `This point was changed meanwhile: it is now ${describeDefinition(now)}. Yours is not saved.`,
            { field: 'previous' },
          );
      }
      await upsertIssueAssignment(tx, {
        negotiationId: negotiation.id,
        versionId,
        pointId,
        definition: input.body.definition,
        savedBy: viewer.userId,
        savedAt: at,
      });
    },
    event: { type: 'issues.changed', negotiationId: negotiation.id, versionId },
    audit: {
      action: 'issue.set',
      subjectType: 'plan_point',
      subjectId: pointId,
      negotiationId: negotiation.id,
      detail: { versionId, kind: input.body.definition?.kind ?? 'none' },
    },
  });
  const issues = await issuesAt(deps, viewer, { negotiation, versionId });
  const issue = issues.find((entry) => entry.pointId === pointId);
  if (issue === undefined) throw new DomainError('not-found', 'Point not found in this version.');
  return issue;
}
