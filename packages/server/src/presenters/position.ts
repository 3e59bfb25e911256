import type { Position } from '@parley/core';

/** What another party is told a position's revision is: edits it could not see must not be counted. */
export const OUTSIDE_REVISION = 1;

/** A position as a viewer may see it; `seesEveryEdit` is the policy's answer (services/position-edits.ts). */
export function presentPosition(position: Position, access: { seesEveryEdit: boolean }): Position {
  return access.seesEveryEdit ? position : { ...position, revision: OUTSIDE_REVISION };
}
