import type { NegotiationResource } from './resources';
import { hasPartyRole, isMediatorStaff, type Viewer } from './viewer';

/**
 * Simulation of the live talks (docs/live-analysis.md): a neutral job over every profile, for the
 * mediator. Its result carries utilities only under `profile.read`, like the live analysis.
 */
export const LIVE_SIMULATION_POLICY = {
  /** Starting and cancelling cost CPU and steer the mediation: the mediator's lead and delegates. */
  'live-simulation.run': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
  /** The mediator's party reads the results; negotiating parties and observers see none exist. */
  'live-simulation.read': (viewer: Viewer, resource: NegotiationResource) =>
    hasPartyRole(viewer, resource.negotiationId, ['mediator']),
};
