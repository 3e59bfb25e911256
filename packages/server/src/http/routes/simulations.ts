import { createRoute, z } from '@hono/zod-openapi';
import {
  AgentListSchema,
  CreateSimulationInputSchema,
  SimulationIdSchema,
  SimulationSchema,
} from '@parley/core';
import { AGENT_NAMES } from '@parley/engine';
import { presentSimulation } from '../../presenters/present';
import {
  cancelSimulationForViewer,
  createSimulation,
  getSimulationForViewer,
} from '../../services/simulations';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { requireViewer } from '../viewer-context';
import type { RouteModule } from './route-module';

const SimulationParams = z.object({ simulationId: SimulationIdSchema });

const agents = createRoute({
  method: 'get',
  path: '/api/simulations/agents',
  tags: ['simulations'],
  summary: 'Names of the built-in negotiating agents',
  security: AUTHENTICATED,
  responses: { 200: jsonResponse(AgentListSchema, 'Agent names'), ...problems(401) },
});
const create = createRoute({
  method: 'post',
  path: '/api/simulations',
  tags: ['simulations'],
  security: AUTHENTICATED,
  summary: 'Start a simulation job (runs on a worker; poll it or watch its progress)',
  request: { body: jsonBody(CreateSimulationInputSchema) },
  responses: {
    202: jsonResponse(SimulationSchema, 'The queued job'),
    ...problems(400, 401, 403, 413, 415),
  },
});
const get = createRoute({
  method: 'get',
  path: '/api/simulations/{simulationId}',
  tags: ['simulations'],
  security: AUTHENTICATED,
  summary: 'A simulation job you started: status, progress and result',
  request: { params: SimulationParams },
  responses: { 200: jsonResponse(SimulationSchema, 'The job'), ...problems(400, 401, 404) },
});

const cancel = createRoute({
  method: 'post',
  path: '/api/simulations/{simulationId}/cancel',
  tags: ['simulations'],
  security: AUTHENTICATED,
  summary: 'Cancel a simulation job you started that has not finished',
  request: { params: SimulationParams },
  responses: { 200: jsonResponse(SimulationSchema, 'The cancelled job'), ...problems(400, 401, 404, 409) },
});

export const simulationRoutes: RouteModule = (app, deps) => {
  app.openapi(agents, async (c) => {
    await requireViewer(c, deps);
    return c.json({ items: [...AGENT_NAMES] }, 200);
  });
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const viewer = await requireViewer(c, deps);
    const simulation = await createSimulation(deps, viewer, input);
    return c.json(presentSimulation(simulation), 202);
  });
  app.openapi(get, async (c) => {
    const viewer = await requireViewer(c, deps);
    const simulation = await getSimulationForViewer(deps, viewer, c.req.valid('param').simulationId);
    return c.json(presentSimulation(simulation), 200);
  });
  app.openapi(cancel, async (c) => {
    const viewer = await requireViewer(c, deps);
    const simulation = await cancelSimulationForViewer(deps, viewer, c.req.valid('param').simulationId);
    return c.json(presentSimulation(simulation), 200);
  });
};
