import { createRoute } from '@hono/zod-openapi';
import { CreateDeadlineInputSchema, DeadlineSchema, listOf } from '@parley/core';
import { presentDeadline } from '../../presenters/present';
import { createDeadline, listDeadlinesForViewer } from '../../services/deadlines';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const list = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/deadlines',
  tags: ['deadlines'],
  summary: 'Deadlines, soonest first',
  security: AUTHENTICATED,
  request: { params: NegotiationParams },
  responses: { 200: jsonResponse(listOf(DeadlineSchema), 'Deadlines'), ...problems(400, 401, 404) },
});
const create = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/deadlines',
  tags: ['deadlines'],
  summary: 'Set a deadline (mediator staff)',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(CreateDeadlineInputSchema) },
  responses: { 201: jsonResponse(DeadlineSchema, 'The deadline'), ...problems(400, 401, 403, 404, 413, 415) },
});

export const deadlineRoutes: RouteModule = (app, deps) => {
  app.openapi(list, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const deadlines = await listDeadlinesForViewer(deps, viewer, negotiation);
    return c.json({ items: deadlines.map(presentDeadline) }, 200);
  });
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const deadline = await createDeadline(deps, viewer, { negotiation, deadline: input });
    return c.json(presentDeadline(deadline), 201);
  });
};
