import {
  can,
  DomainError,
  IssueDefinitionSchema,
  optionsReadAlike,
  offersLabels,
  type GeniusImportInput,
  type GeniusImportResult,
  type GeniusPreview,
  type IssueDefinition,
  type LiveIssue,
  type Negotiation,
  type Viewer,
  type PlanVersionId,
  type PointId,
} from '@parley/core';
import { upsertIssueAssignment } from '../storage/live-issues';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { readGeniusUpload, suggestPoint, type GeniusUpload } from './genius-upload';
import { issuesAt } from './live-issues';
import { assertAllowed } from './viewer';

type Input = { negotiation: Negotiation; versionId: PlanVersionId };

const negotiationResource = (negotiation: Negotiation) => ({
  kind: 'negotiation' as const,
  negotiationId: negotiation.id,
});

/** What an uploaded folder holds and where each issue would go by default; nothing is stored. */
export async function previewGeniusImport(
  deps: AppDeps,
  viewer: Viewer,
  input: Input & { archive: string },
): Promise<GeniusPreview> {
  const points = await issuesAt(deps, viewer, input);
  assertAllowed(can(viewer, 'issue.manage', negotiationResource(input.negotiation)), 'define the issues');
  const upload = readGeniusUpload(input.archive);
  return {
    versionId: input.versionId,
    domainFile: upload.domainFile,
    issues: upload.issues.map((issue) => ({
      name: issue.name,
      values: issue.values,
      suggestedPointId: suggestPoint(issue.name, points)?.pointId ?? null,
    })),
    profileFiles: upload.profileFiles,
  };
}

/**
 * Sets the options of the points the mediator mapped the uploaded issues to, all in one
 * transaction or none. Profiles in the folder are never written: a delegation's profile is its own
 * to save (docs/live-analysis.md), so the mediator's import only lists them as skipped.
 */
export async function importGenius(
  deps: AppDeps,
  viewer: Viewer,
  input: Input & { body: GeniusImportInput },
): Promise<GeniusImportResult> {
  const { negotiation, versionId } = input;
  const points = await issuesAt(deps, viewer, input);
  assertAllowed(can(viewer, 'issue.manage', negotiationResource(negotiation)), 'define the issues');
  const upload = readGeniusUpload(input.body.archive);
  const assignments = planAssignments(upload, points, input.body.mapping);
  const at = deps.clock.now();
  await commitChange(deps, {
    actor: viewer,
    at,
    write: async (tx) => {
      for (const { pointId, definition } of assignments)
        await upsertIssueAssignment(tx, {
          negotiationId: negotiation.id,
          versionId,
          pointId,
          definition,
          savedBy: viewer.userId,
          savedAt: at,
        });
    },
    event: { type: 'issues.changed', negotiationId: negotiation.id, versionId },
    audit: assignments.map(({ pointId, definition }) => ({
      action: 'issue.set',
      subjectType: 'plan_point',
      subjectId: pointId,
      negotiationId: negotiation.id,
      detail: { versionId, kind: definition.kind, via: 'genius' },
    })),
  });
  const after = await issuesAt(deps, viewer, input);
  return {
    versionId,
    points: after.filter((point) => assignments.some((entry) => entry.pointId === point.pointId)),
    skippedProfiles: upload.profileFiles,
  };
}

const invalid = (message: string) => new DomainError('invalid-input', message, { field: 'mapping' });

/**
 * The same rules as a definition the mediator types (setIssue): a folder's values are labels like
 * any other. Unchecked, " a " and "a" were stored as two options that read alike.
 */
function checkedDefinition(issue: string, definition: IssueDefinition): IssueDefinition {
  const parsed = IssueDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    throw invalid(
      `The issue "${issue}": ${first?.path.join('.') ?? ''} ${first?.message ?? 'is not valid'}.`,
    );
  }
  if (optionsReadAlike(parsed.data))
    throw invalid(
      `The issue "${issue}" has two values that read alike; each option must differ from the others.`,
    );
  return parsed.data;
}

/** Checks the whole mapping before anything is written: each problem names the issue or point. */
function planAssignments(
  upload: GeniusUpload,
  points: readonly LiveIssue[],
  mapping: GeniusImportInput['mapping'],
): { pointId: PointId; definition: IssueDefinition }[] {
  const seenIssues = new Set<string>();
  const takenPoints = new Map<string, string>();
  const assignments: { pointId: PointId; definition: IssueDefinition }[] = [];
  for (const entry of mapping) {
    const issue = upload.issues.find((candidate) => candidate.name === entry.issue);
    if (issue === undefined) throw invalid(`${upload.domainFile} has no issue "${entry.issue}".`);
    if (seenIssues.has(entry.issue)) throw invalid(`The issue "${entry.issue}" is mapped twice.`);
    seenIssues.add(entry.issue);
    if (entry.pointId === null) continue;
    const point = points.find((candidate) => candidate.pointId === entry.pointId);
    if (point === undefined)
      throw invalid(
        `The issue "${entry.issue}" is mapped to ${entry.pointId}, which is not a point of this version.`,
      );
    const taken = takenPoints.get(point.pointId);
    if (taken !== undefined)
      throw invalid(`Point ${point.number} would take both "${taken}" and "${entry.issue}".`);
    takenPoints.set(point.pointId, entry.issue);
    // A range is exported as its labels (issue #12): those labels read back keep the range, so a
    // folder downloaded here and imported again changes nothing, blind bids and profiles included.
    if (point.definition?.kind === 'range' && offersLabels(point.definition, issue.values)) {
      assignments.push({ pointId: point.pointId, definition: point.definition });
      continue;
    }
    if (!issue.definition.ok) throw invalid(issue.definition.message);
    assignments.push({
      pointId: point.pointId,
      definition: checkedDefinition(entry.issue, issue.definition.value),
    });
  }
  if (assignments.length === 0) throw invalid('The mapping sends no issue to a point.');
  return assignments;
}
