import type { NegotiationId } from '@parley/core';
import { findPlanRevision } from '../storage/plan-versions';
import type { AppDeps } from './deps';

/** The plan's current revision: what a new version must name as its base (optimistic concurrency). */
export async function currentPlanRevision(deps: AppDeps, negotiationId: NegotiationId): Promise<number> {
  return findPlanRevision(deps.db, negotiationId);
}
