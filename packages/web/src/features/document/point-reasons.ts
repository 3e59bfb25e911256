import type { PlanStatus, Position } from '@parley/core';
import { labelOf } from '../../components/chips';

type StatusPoint = PlanStatus['points'][number];

/**
 * Why a point has its status, in the words of the document ("Russia: red line", "awaiting
 * Ukraine", "awaiting the leaders' decision"). Built only from what the server sent this viewer: the status
 * is derived from the positions they may see and `positions` holds only those, so a hidden stance
 * never shows up here. `readable` says whether the viewer could ever see a party's shared
 * positions; if not, its silence is "not visible to you", not "awaiting".
 */
export function pointReasons({
  status,
  positions,
  nameOf,
  readable,
}: {
  status: StatusPoint;
  positions: readonly Position[];
  nameOf: (partyId: string) => string;
  readable: (partyId: string) => boolean;
}): string[] {
  const stanceOf = (partyId: string) =>
    positions.find((position) => position.pointId === status.pointId && position.partyId === partyId)?.value;
  const names = (ids: readonly string[]) => ids.map(nameOf).join(', ');
  const reasons: string[] = [];
  if (status.status === 'deferred_to_leaders') reasons.push("awaiting the leaders' decision");
  for (const partyId of [...status.objectingPartyIds, ...status.amendingPartyIds]) {
    const stance = stanceOf(partyId);
    if (stance !== undefined) reasons.push(`${nameOf(partyId)}: ${labelOf(stance).toLowerCase()}`);
  }
  if (status.reservingPartyIds.length > 0) reasons.push(`reserved by ${names(status.reservingPartyIds)}`);
  // A position flagged for review after the text changed counts as none: its party is asked to
  // look again, not awaited as if it had never spoken.
  const reviewing = status.reviewingPartyIds.filter(readable);
  if (reviewing.length > 0)
    reasons.push(
      `${names(reviewing)} to review ${reviewing.length === 1 ? 'its position' : 'their positions'}`,
    );
  const awaited = status.missingPartyIds.filter(
    (partyId) => readable(partyId) && !reviewing.includes(partyId),
  );
  const hidden = status.missingPartyIds.filter((partyId) => !readable(partyId));
  if (awaited.length > 0) reasons.push(`awaiting ${names(awaited)}`);
  if (hidden.length > 0) reasons.push(`positions of ${names(hidden)} not visible to you`);
  return reasons;
}
