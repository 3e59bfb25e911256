import { pointName, type PointHistoryEntryView } from '@parley/core';

type Entry = PointHistoryEntryView;

const WENT: Record<Entry['change'], string> = {
  merge: 'merged into this point',
  split: 'split into this point and others',
  restructure: 'restructured: its clauses went into this point and others',
  drop: 'dropped',
  // A point carried into another one under a new identity (edge by edge in a restructuring).
  amend: 'carried into this point, amended',
  keep: 'carried into this point',
  renumber: 'carried into this point',
  // No edge of these kinds leaves a point behind; said plainly should one ever come.
  add: 'left the plan',
  created: 'left the plan',
};

/**
 * What to say of a history entry whose point left the plan in that version (merged into this
 * point, split, dropped), naming it as it last read: the entry itself carries no revision, and
 * a line with only the version's name and a chip says nothing. Undefined for every other entry.
 */
export function departureLine(history: readonly Entry[], index: number): string | undefined {
  const entry = history[index];
  if (entry === undefined || entry.revision !== null) return undefined;
  const lastRead = history
    .slice(0, index)
    .reverse()
    .find((earlier) => earlier.pointId === entry.pointId && earlier.revision !== null)?.revision;
  const name =
    lastRead === null || lastRead === undefined ? 'A point' : `${lastRead.number}. ${pointName(lastRead)}`;
  return `${name} — ${WENT[entry.change]}`;
}
