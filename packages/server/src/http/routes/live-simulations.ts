import { createRoute } from '@hono/zod-openapi';
import {
  LiveSimulationInputSchema,
  LiveSimulationListSchema,
  LiveSimulationSchema,
  SimulationIdSchema,
} from '@parley/core';
import { presentLiveSimulation } from '../../presenters/live-simulation';
import {
  cancelLiveSimulation,
  getLiveSimulation,
  listLiveSimulationsForViewer,
  startLiveSimulation,
} from '../../services/live-simulation';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { VersionParams } from '../plan-params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

// Simulation of the live talks (issue #12 item 6, docs/live-analysis.md): jobs for the mediator.
const version = '/api/negotiations/{negotiationId}/plan/versions/{versionId}';
const one = '/api/negotiations/{negotiationId}/live-simulations/{liveSimulationId}';
const LiveSimulationParams = NegotiationParams.extend({ liveSimulationId: SimulationIdSchema });

const start = createRoute({
  method: 'post',
  path: `${version}/live-simulations`,
  tags: ['live analysis'],
  summary:
    "Queue a simulation of the talks to the next deadline over every party's profile (mediator staff; runs × steps × parties budget)",
  security: AUTHENTICATED,
  request: { params: VersionParams, body: jsonBody(LiveSimulationInputSchema) },
  responses: {
    202: jsonResponse(LiveSimulationSchema, 'The queued job'),
    ...problems(400, 401, 403, 404, 413, 415, 422),
  },
});
const list = createRoute({
  method: 'get',
  path: `${version}/live-simulations`,
  tags: ['live analysis'],
  summary: "The version's newest simulations of the talks (the mediator's party; others get none)",
  security: AUTHENTICATED,
  request: { params: VersionParams },
  responses: { 200: jsonResponse(LiveSimulationListSchema, 'Newest first'), ...problems(400, 401, 404) },
});
const get = createRoute({
  method: 'get',
  path: one,
  tags: ['live analysis'],
  summary: 'A simulation of the talks: status, progress and the result in plan terms (the mediator’s party)',
  security: AUTHENTICATED,
  request: { params: LiveSimulationParams },
  responses: { 200: jsonResponse(LiveSimulationSchema, 'The job'), ...problems(400, 401, 404) },
});
const cancel = createRoute({
  method: 'post',
  path: `${one}/cancel`,
  tags: ['live analysis'],
  summary: 'Cancel a simulation of the talks that has not finished (mediator staff)',
  security: AUTHENTICATED,
  request: { params: LiveSimulationParams },
  responses: {
    200: jsonResponse(LiveSimulationSchema, 'The cancelled job'),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const liveSimulationRoutes: RouteModule = (app, deps) => {
  app.openapi(start, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(
      presentLiveSimulation(await startLiveSimulation(deps, viewer, { negotiation, versionId, body })),
      202,
    );
  });
  app.openapi(list, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const items = await listLiveSimulationsForViewer(deps, viewer, { negotiation, versionId });
    return c.json({ items: items.map(presentLiveSimulation) }, 200);
  });
  app.openapi(get, async (c) => {
    const { negotiationId, liveSimulationId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const simulation = await getLiveSimulation(deps, viewer, { negotiation, simulationId: liveSimulationId });
    return c.json(presentLiveSimulation(simulation), 200);
  });
  app.openapi(cancel, async (c) => {
    const { negotiationId, liveSimulationId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const simulation = await cancelLiveSimulation(deps, viewer, {
      negotiation,
      simulationId: liveSimulationId,
    });
    return c.json(presentLiveSimulation(simulation), 200);
  });
};
