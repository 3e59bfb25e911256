import {
  DomainError,
  inferLineage,
  parsePlanText,
  type LineageProposal,
  type PlanVersion,
} from '@parley/core';

// The inference costs about 40 ms of CPU for 100 × 100 points (bench/results/plan-lineage.md) and
// grows with old × new, faster where every point shares its words with every other (500 × 500
// such points: 2.4 s in a pool thread, under the analysis time budget). Past 500 × 500 it is refused.
const MAX_POINT_PAIRS = 250_000;

/** A lineage proposal, pure over a loaded version: run in an engine thread (work/engine-tasks.ts), the CLI and tests. */
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
