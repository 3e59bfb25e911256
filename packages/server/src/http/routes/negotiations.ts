import { createRoute } from '@hono/zod-openapi';
import {
  CreateNegotiationInputSchema,
  listOf,
  NegotiationSchema,
  UpdateNegotiationInputSchema,
} from '@parley/core';
import { presentNegotiation } from '../../presenters/present';
import { createNegotiation, listNegotiationsForViewer, updateNegotiation } from '../../services/negotiations';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { requireNegotiation, requireViewer } from '../viewer-context';
import type { RouteModule } from './route-module';

const list = createRoute({
  method: 'get',
  path: '/api/negotiations',
  tags: ['negotiations'],
  summary: 'Negotiations the caller has a seat in',
  security: AUTHENTICATED,
  responses: { 200: jsonResponse(listOf(NegotiationSchema), 'Negotiations'), ...problems(401) },
});
const create = createRoute({
  method: 'post',
  path: '/api/negotiations',
  tags: ['negotiations'],
  summary: 'Open a negotiation (caller leads the mediator party)',
  security: AUTHENTICATED,
  request: { body: jsonBody(CreateNegotiationInputSchema) },
  responses: {
    201: jsonResponse(NegotiationSchema, 'The negotiation'),
    ...problems(400, 401, 403, 413, 415),
  },
});
const get = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}',
  tags: ['negotiations'],
  summary: 'One negotiation',
  security: AUTHENTICATED,
  request: { params: NegotiationParams },
  responses: { 200: jsonResponse(NegotiationSchema, 'The negotiation'), ...problems(400, 401, 404) },
});
const update = createRoute({
  method: 'patch',
  path: '/api/negotiations/{negotiationId}',
  tags: ['negotiations'],
  summary:
    "Change a negotiation's title, mandate, closure rule or time zone (mediator staff); a stale baseRevision answers 409",
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(UpdateNegotiationInputSchema) },
  responses: {
    200: jsonResponse(NegotiationSchema, 'The negotiation as changed'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});

export const negotiationRoutes: RouteModule = (app, deps) => {
  app.openapi(list, async (c) => {
    const viewer = await requireViewer(c, deps);
    const negotiations = await listNegotiationsForViewer(deps, viewer);
    return c.json({ items: negotiations.map(presentNegotiation) }, 200);
  });
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const viewer = await requireViewer(c, deps);
    const negotiation = await createNegotiation(deps, viewer, input);
    return c.json(presentNegotiation(negotiation), 201);
  });
  app.openapi(get, async (c) => {
    const { negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(presentNegotiation(negotiation), 200);
  });
  app.openapi(update, async (c) => {
    const changes = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const updated = await updateNegotiation(deps, viewer, { negotiation, changes });
    return c.json(presentNegotiation(updated), 200);
  });
};
