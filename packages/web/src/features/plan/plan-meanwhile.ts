import type { PlanOverview } from '@parley/core';
import { ApiError } from '../../api/api-error';
import { getPlan } from '../../api/endpoints';
import { formatIn } from '../deadlines/zoned-time';

type VersionSummary = PlanOverview['versions'][number];

/** The plan as a 409 found it: its revision now and the versions saved since the form's revision. */
export type PlanMeanwhile = {
  readonly baseRevision: number;
  readonly revision: number;
  readonly versions: readonly VersionSummary[];
};

/** Re-reads the plan after a 409 on a write based on `baseRevision`. */
export async function readPlanMeanwhile(negotiationId: string, baseRevision: number): Promise<PlanMeanwhile> {
  const plan = await getPlan(negotiationId);
  // A version carries the plan's revision that made it: those above the form's were saved since.
  const versions = plan.versions
    .filter((version) => version.revision > baseRevision)
    .sort((a, b) => a.revision - b.revision);
  return { baseRevision, revision: plan.revision, versions };
}

/**
 * What was saved meanwhile when a write based on `baseRevision` failed with a 409 because the plan
 * moved on; undefined for any other failure, and for a 409 with the plan unchanged, which is about
 * something else (a label taken) that the server's message says.
 */
export async function planMovedOn(
  failure: unknown,
  negotiationId: string,
  baseRevision: number,
): Promise<PlanMeanwhile | undefined> {
  if (!(failure instanceof ApiError && failure.isConflict)) return undefined;
  const reread = await readPlanMeanwhile(negotiationId, baseRevision).catch(() => undefined);
  return reread?.revision === baseRevision ? undefined : reread;
}

/**
 * One sentence for a person: which versions were saved meanwhile, and when (the API names no
 * author); nothing when the plan did not change (the 409 was about something else).
 */
export function describePlanMeanwhile(meanwhile: PlanMeanwhile, timeZone: string): string {
  if (meanwhile.revision === meanwhile.baseRevision) return '';
  if (meanwhile.versions.length === 0)
    return `The plan changed meanwhile (it is now at revision ${meanwhile.revision}).`;
  const saved = meanwhile.versions.map(
    (version) => `“${version.label}” on ${formatIn(version.createdAt, timeZone)}`,
  );
  return `Meanwhile, someone saved ${saved.join(' and ')}.`;
}
