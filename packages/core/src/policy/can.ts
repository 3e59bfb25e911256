import { NEGOTIATION_POLICY } from './negotiation-policy';
import { DELEGATION_POLICY } from './delegation-policy';
import { PLAN_POLICY } from './plan-policy';
import { RECORD_POLICY } from './record-policy';
import { SIMULATION_POLICY } from './simulation-policy';
import { EXPORT_POLICY } from './export-policy';
import { AUDIT_POLICY } from './audit-policy';
import { TOKEN_POLICY } from './token-policy';
import { LIVE_ANALYSIS_POLICY } from './live-analysis-policy';
import { BLIND_BID_POLICY } from './blind-bid-policy';
import { LIVE_SIMULATION_POLICY } from './live-simulation-policy';
import type { Viewer } from './viewer';

/**
 * Every policy, one object per resource family. To add an action, add it to the family's
 * file (or a new `<resource>-policy.ts` spread in here); `Action` and `ResourceFor` follow.
 */
const POLICIES = {
  ...NEGOTIATION_POLICY,
  ...DELEGATION_POLICY,
  ...RECORD_POLICY,
  ...PLAN_POLICY,
  ...SIMULATION_POLICY,
  ...EXPORT_POLICY,
  ...AUDIT_POLICY,
  ...TOKEN_POLICY,
  ...LIVE_ANALYSIS_POLICY,
  ...BLIND_BID_POLICY,
  ...LIVE_SIMULATION_POLICY,
};

export type Action = keyof typeof POLICIES;
export const ACTIONS = Object.keys(POLICIES) as Action[];

/** The resource an action is decided on (the second parameter of its rule). */
export type ResourceFor<A extends Action> = Parameters<(typeof POLICIES)[A]>[1];

/** The one access decision: pure over loaded state; never throws. */
export function can<A extends Action>(viewer: Viewer, action: A, resource: ResourceFor<A>): boolean {
  const rule = POLICIES[action] as (viewer: Viewer, resource: ResourceFor<A>) => boolean;
  return rule(viewer, resource);
}
