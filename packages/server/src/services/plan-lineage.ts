import {
  can,
  DomainError,
  inferLineage,
  parsePlanText,
  type LineageProposal,
  type Negotiation,
  type PlanVersion,
  type Viewer,
  type PlanVersionId,
} from '@parley/core';
import type { AppDeps } from './deps';
import { getVersionForViewer } from './plan-versions';
import { assertAllowed } from './viewer';

// The inference costs about 40 ms of CPU for 100 × 100 points (bench/results/plan-lineage.md) and
// grows with old × new; 150 × 150 stays near the 50 ms a request may hold the event loop.
const MAX_POINT_PAIRS = 22_500;

/**
 * Proposes a lineage map for a revised text against a stored version: which old points became
 * which new ones, with scores. Nothing is stored; the mediator corrects the map and then creates
 * the version with `POST /plan/versions` (`text` and `links`).
 */
export async function proposeLineage(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId; text: string },
): Promise<LineageProposal> {
  const stored = await getVersionForViewer(deps, viewer, {
    negotiation: input.negotiation,
    versionId: input.versionId,
  });
  assertAllowed(
    can(viewer, 'plan.manage', { kind: 'negotiation', negotiationId: input.negotiation.id }),
    'draft a version of this plan',
  );
  return lineageProposal(stored.version, input.text);
}

/** The proposal itself, pure over a loaded version (exported for the CLI and tests). */
export function lineageProposal(parent: PlanVersion, text: string): LineageProposal {
  const head = { parent: { id: parent.id, label: parent.label, points: parent.points.length } };
  const parsed = parsePlanText(text);
  if (!parsed.ok)
    return {
      ...head,
      points: [],
      problems: parsed.problems.map((problem) => ({
        code: problem.code,
        message: problem.message,
        line: problem.line ?? null,
      })),
      rows: [],
      counts: emptyCounts(),
    };
  const points = parsed.value.points;
  if (points.length * parent.points.length > MAX_POINT_PAIRS)
    throw new DomainError(
      'payload-too-large',
      `Too many points to infer a lineage map (${parent.points.length} × ${points.length}); split the text or draft the version by operations.`,
      { field: 'text' },
    );
  const inferred = inferLineage(parent.points, points);
  const oldByNumber = new Map(parent.points.map((point) => [point.number, point]));
  const newByNumber = new Map(points.map((point) => [point.number, point]));
  // Inferred rows name old points by the numbers of the parent's points: every one is in oldByNumber.
  const oldRefs = (numbers: readonly number[]) =>
    numbers.flatMap((number) => {
      const point = oldByNumber.get(number);
      return point === undefined ? [] : [{ pointId: point.pointId, number, title: point.title }];
    });
  return {
    ...head,
    points: points.map((point) => ({ ...point })),
    problems: [],
    rows: inferred.rows.map((row) => ({
      kind: row.kind,
      from: oldRefs(row.from),
      to: row.to.map((number) => ({ number, title: newByNumber.get(number)?.title ?? '' })),
      score: row.score,
      moved: row.moved,
      links: row.links.flatMap((link) =>
        oldRefs([link.from]).map((old) => ({ from: old.pointId, to: link.to, score: link.score })),
      ),
    })),
    counts: { ...inferred.counts },
  };
}

function emptyCounts(): LineageProposal['counts'] {
  return {
    unchanged: 0,
    renumbered: 0,
    amended: 0,
    merged: 0,
    split: 0,
    restructured: 0,
    dropped: 0,
    added: 0,
  };
}
