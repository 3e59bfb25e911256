import type { Amendment, PlanVersion, PointId, VersionOperation } from '@parley/core';

/**
 * The version operation that adopts an amendment into a child of `version`, or undefined when the
 * amendment's point is no longer in that version. Each operation carries `amendmentId`, which is
 * what marks the amendment adopted on the server.
 */
export function operationFor(
  amendment: Amendment,
  version: PlanVersion,
  newId: () => PointId,
): VersionOperation | undefined {
  const point = version.points.find((p) => p.pointId === amendment.pointId);
  if (point === undefined) return undefined;
  const origin = { amendmentId: amendment.id, proposedBy: amendment.partyId };
  const proposal = amendment.proposal;
  switch (proposal.kind) {
    case 'replace_text':
      return {
        kind: 'amend',
        pointId: point.pointId,
        text: proposal.text,
        ...(proposal.title !== undefined ? { title: proposal.title } : {}),
        ...origin,
      };
    case 'drop':
      return { kind: 'drop', pointId: point.pointId, ...origin };
    case 'insert_after':
      return {
        kind: 'add',
        point: { pointId: newId(), title: proposal.title, text: proposal.text },
        after: point.pointId,
        ...origin,
      };
    case 'merge_with': {
      const others = proposal.pointIds.filter(
        (id) => id !== point.pointId && version.points.some((p) => p.pointId === id),
      );
      if (others.length === 0) return undefined;
      return {
        kind: 'merge',
        pointIds: [point.pointId, ...others],
        into: { pointId: point.pointId, title: point.title, text: proposal.text },
        ...origin,
      };
    }
  }
}

/** Open amendments whose point is still in the version, so they can be adopted into its child. */
export function adoptable(amendments: readonly Amendment[], version: PlanVersion): Amendment[] {
  const pointIds = new Set(version.points.map((p) => p.pointId));
  return amendments.filter((a) => a.fate.state === 'open' && pointIds.has(a.pointId));
}
