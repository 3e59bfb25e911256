import {
  compareVersions,
  PlanVersionIdSchema,
  PointIdSchema,
  versionFromLineageMap,
  type LineageProposal,
  type PlanVersion,
  type PointId,
  type Redline,
} from '@parley/core';

export type LinkMap = ReadonlyMap<number, ReadonlySet<PointId>>;

/** The links of a proposal, keyed by new point number. */
export function linksOfProposal(proposal: LineageProposal): Map<number, Set<PointId>> {
  const map = new Map<number, Set<PointId>>(
    proposal.points.map((point) => [point.number, new Set<PointId>()]),
  );
  for (const row of proposal.rows) for (const link of row.links) map.get(link.to)?.add(link.from);
  return map;
}

export const flattenLinks = (links: LinkMap) =>
  [...links].flatMap(([to, froms]) => [...froms].map((from) => ({ from, to })));

// The preview's child is named until the server gives it an id.
const REVISION_ID = PlanVersionIdSchema.parse('revision');

/**
 * The child the server would make from this map, redlined against the parent: the same core
 * rules, run in the browser while the mediator corrects the map.
 */
export function previewRevision(
  parent: PlanVersion,
  proposal: LineageProposal,
  links: LinkMap,
): { ok: true; redline: Redline } | { ok: false; problems: string[] } {
  let counter = 0;
  const made = versionFromLineageMap({
    parent,
    points: proposal.points,
    links: flattenLinks(links),
    child: { id: REVISION_ID, label: 'Revised text' },
    newPointId: () => PointIdSchema.parse(`new-${++counter}`),
  });
  if (!made.ok) return { ok: false, problems: made.problems.map((problem) => problem.message) };
  const compared = compareVersions(
    [
      { version: parent, edges: [] },
      { version: made.value.version, edges: [...made.value.edges] },
    ],
    { fromId: parent.id, toId: REVISION_ID },
  );
  if (!compared.ok) return { ok: false, problems: compared.problems.map((problem) => problem.message) };
  return { ok: true, redline: compared.value };
}
