import type { PlanVersionId, PointId } from '../../ids';
import type { PointRevision, VersionWithLineage } from '../../schemas/plan';
import { fail, ok, type RuleResult } from '../result';
import { mapLineage } from './map-lineage';
import { wordDiff, type DiffPart } from './word-diff';

export const REDLINE_KINDS = [
  'unchanged',
  'renumbered',
  'amended',
  'merged',
  'split',
  'restructured',
  'dropped',
  'added',
] as const;
/** What became of a group of points between two versions. */
export type RedlineKind = (typeof REDLINE_KINDS)[number];
export type PointRef = { readonly pointId: PointId; readonly number: number; readonly title: string };
/** One line of the lineage map with its word-level redline; `labels` carry caller notes (e.g. "deferred to leaders"). */
export type RedlineRow = {
  readonly kind: RedlineKind;
  readonly from: readonly PointRef[];
  readonly to: readonly PointRef[];
  readonly title: readonly DiffPart[];
  readonly text: readonly DiffPart[];
  readonly labels: readonly string[];
};
export type Redline = {
  readonly from: { readonly id: PlanVersionId; readonly label: string; readonly points: number };
  readonly to: { readonly id: PlanVersionId; readonly label: string; readonly points: number };
  readonly rows: readonly RedlineRow[];
  readonly counts: Readonly<Record<RedlineKind, number>>;
};

/**
 * Compares any two versions of one plan: groups points that are linked through lineage (merges,
 * splits), classifies each group, and diffs its text word by word. Rows follow the older numbering.
 */
export function compareVersions(
  versions: readonly VersionWithLineage[],
  input: { fromId: PlanVersionId; toId: PlanVersionId; labels?: Readonly<Record<string, readonly string[]>> },
): RuleResult<Redline, 'unknown-version' | 'unrelated-versions'> {
  const from = versions.find((entry) => entry.version.id === input.fromId)?.version;
  const to = versions.find((entry) => entry.version.id === input.toId)?.version;
  if (from === undefined || to === undefined) {
    const missing = from === undefined ? input.fromId : input.toId;
    return fail({ code: 'unknown-version', message: `there is no version ${missing} in this plan` });
  }
  const mapping = mapLineage(versions, { fromId: from.id, toId: to.id });
  if (mapping === undefined)
    return fail({
      code: 'unrelated-versions',
      message: `"${from.label}" and "${to.label}" do not share an ancestor`,
    });
  const groups = groupPoints(from.points, to.points, mapping);
  const rows = groups.map((group) => toRow(group, input.labels ?? {}));
  const counts = Object.fromEntries(
    REDLINE_KINDS.map((kind) => [kind, rows.filter((row) => row.kind === kind).length]),
  ) as Record<RedlineKind, number>;
  return ok({
    from: { id: from.id, label: from.label, points: from.points.length },
    to: { id: to.id, label: to.label, points: to.points.length },
    rows,
    counts,
  });
}

type Group = { from: PointRevision[]; to: PointRevision[]; order: number };

// Connected components of the old-point ↔ new-point graph; an added point sorts just after
// the group that holds the new point before it.
function groupPoints(
  before: readonly PointRevision[],
  after: readonly PointRevision[],
  mapping: ReadonlyMap<PointId, ReadonlySet<PointId>>,
): Group[] {
  const groupOfNew = new Map<PointId, Group>();
  const groups: Group[] = [];
  for (const point of before) {
    const targets = [...(mapping.get(point.pointId) ?? [])];
    const joined = [
      ...new Set(targets.map((id) => groupOfNew.get(id)).filter((group) => group !== undefined)),
    ];
    const group: Group = joined[0] ?? { from: [], to: [], order: point.number };
    if (joined.length === 0) groups.push(group);
    for (const other of joined.slice(1)) {
      group.from.push(...other.from);
      group.to.push(...other.to);
      groups.splice(groups.indexOf(other), 1);
    }
    group.from.push(point);
    for (const target of after.filter((p) => targets.includes(p.pointId) && !group.to.includes(p)))
      group.to.push(target);
    group.to.forEach((p) => groupOfNew.set(p.pointId, group));
  }
  let previousOrder = 0;
  for (const point of after) {
    const existing = groupOfNew.get(point.pointId);
    if (existing !== undefined) {
      previousOrder = existing.order;
      continue;
    }
    previousOrder += 0.001;
    const added: Group = { from: [], to: [point], order: previousOrder };
    groupOfNew.set(point.pointId, added);
    groups.push(added);
  }
  return groups.sort((a, b) => a.order - b.order);
}

function toRow(group: Group, labels: Readonly<Record<string, readonly string[]>>): RedlineRow {
  const byNumber = (a: PointRevision, b: PointRevision) => a.number - b.number;
  const from = [...group.from].sort(byNumber);
  const to = [...group.to].sort(byNumber);
  const joinTexts = (points: PointRevision[]) => points.map((p) => p.text).join('\n\n');
  const joinTitles = (points: PointRevision[]) =>
    points
      .map((p) => p.title)
      .filter((t) => t !== '')
      .join(' / ');
  return {
    kind: classifyLineageGroup(from, to),
    from: from.map(toRef),
    to: to.map(toRef),
    title: wordDiff(joinTitles(from), joinTitles(to)),
    text: wordDiff(joinTexts(from), joinTexts(to)),
    labels: [...new Set(to.flatMap((p) => labels[p.pointId] ?? []))],
  };
}

/** The fields a lineage group's kind depends on: a stored revision or a point of a pasted text. */
type ClassifiedPoint = Pick<PointRevision, 'number' | 'title' | 'text' | 'topic'>;

/** The kind of a lineage group (a connected component of old and new points), by its shape and text. */
export function classifyLineageGroup(
  from: readonly ClassifiedPoint[],
  to: readonly ClassifiedPoint[],
): RedlineKind {
  const [before] = from;
  const [after] = to;
  if (before === undefined) return 'added';
  if (after === undefined) return 'dropped';
  if (from.length > 1 && to.length > 1) return 'restructured';
  if (from.length > 1) return 'merged';
  if (to.length > 1) return 'split';
  if (before.text !== after.text || before.title !== after.title || before.topic !== after.topic)
    return 'amended';
  return before.number === after.number ? 'unchanged' : 'renumbered';
}

function toRef(point: PointRevision): PointRef {
  return { pointId: point.pointId, number: point.number, title: point.title };
}
