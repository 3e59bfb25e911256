import type { GlobalResource, SimulationResource } from './resources';
import type { Viewer } from './viewer';

/**
 * Simulation jobs carry preference profiles, the most sensitive data there is (DESIGN §2):
 * only the account that started one may read it.
 */
export const SIMULATION_POLICY = {
  /** Analysis is computed from what the caller sends and nothing is stored, so any account may run it. */
  'analysis.run': (viewer: Viewer, _resource: GlobalResource) => viewer.userId !== null,
  'simulation.create': (viewer: Viewer, _resource: GlobalResource) => viewer.userId !== null,
  'simulation.read': (viewer: Viewer, simulation: SimulationResource) =>
    viewer.userId !== null && viewer.userId === simulation.ownerId,
};
