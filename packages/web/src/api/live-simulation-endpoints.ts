import {
  AgentListSchema,
  LiveSimulationListSchema,
  LiveSimulationSchema,
  type LiveSimulationInput,
  type PlanVersionId,
} from '@parley/core';
import { request } from './client';

// Simulation of the live talks (issue #12 item 6): a job the mediator starts, polls and may cancel.
const negotiation = (id: string) => `/api/negotiations/${encodeURIComponent(id)}`;

export const listAgents = () => request('/api/simulations/agents', AgentListSchema);

export const startLiveSimulation = (
  id: string,
  versionId: PlanVersionId,
  body: Partial<LiveSimulationInput>,
) =>
  request(
    `${negotiation(id)}/plan/versions/${encodeURIComponent(versionId)}/live-simulations`,
    LiveSimulationSchema,
    { method: 'POST', body },
  );

export const listLiveSimulations = (id: string, versionId: PlanVersionId) =>
  request(
    `${negotiation(id)}/plan/versions/${encodeURIComponent(versionId)}/live-simulations`,
    LiveSimulationListSchema,
  );

export const getLiveSimulation = (id: string, simulationId: string) =>
  request(`${negotiation(id)}/live-simulations/${encodeURIComponent(simulationId)}`, LiveSimulationSchema);

export const cancelLiveSimulation = (id: string, simulationId: string) =>
  request(
    `${negotiation(id)}/live-simulations/${encodeURIComponent(simulationId)}/cancel`,
    LiveSimulationSchema,
    { method: 'POST' },
  );
