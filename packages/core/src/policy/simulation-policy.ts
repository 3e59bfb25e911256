import type { GlobalResource, SimulationResource } from './resources';
import type { Viewer } from './viewer';

/** Seats are loaded already filtered to those valid now, so an ended seat does not count. */
const hasAnySeat = (viewer: Viewer) => viewer.userId !== null && viewer.memberships.length > 0;

/**
 * Simulation jobs carry preference profiles, the most sensitive data there is (DESIGN §2):
 * only the account that started one may read it.
 */
export const SIMULATION_POLICY = {
  /**
   * Analysis of a sent scenario stores nothing, but it costs CPU: only an account with a current
   * seat in some negotiation may start it (issue 13: a seatless account froze the server).
   */
  'analysis.run': (viewer: Viewer, _resource: GlobalResource) => hasAnySeat(viewer),
  'simulation.create': (viewer: Viewer, _resource: GlobalResource) => hasAnySeat(viewer),
  'simulation.read': (viewer: Viewer, simulation: SimulationResource) =>
    viewer.userId !== null && viewer.userId === simulation.ownerId,
  /** Whoever started a job may stop it, even after their seats ended. */
  'simulation.cancel': (viewer: Viewer, simulation: SimulationResource) =>
    viewer.userId !== null && viewer.userId === simulation.ownerId,
};
