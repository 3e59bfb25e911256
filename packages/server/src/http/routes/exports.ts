import { createRoute } from '@hono/zod-openapi';
import { CreateExportInputSchema, ExportSchema, TraceLeakInputSchema, TraceLeakResultSchema } from '@parley/core';
import { exportPlanVersion, traceLeakInNegotiation } from '../../services/exports';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const base = '/api/negotiations/{negotiationId}';
const create = createRoute({
  method: 'post', path: `${base}/exports`, tags: ['exports'], summary: 'Export a plan version as fingerprinted Markdown for one recipient', security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(CreateExportInputSchema) },
  responses: { 201: jsonResponse(ExportSchema, 'The fingerprinted copy'), ...problems(400, 401, 403, 404, 413, 415) },
});
const trace = createRoute({
  method: 'post', path: `${base}/trace-leak`, tags: ['exports'], summary: 'Name the most likely recipient of leaked text (mediator staff)', security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(TraceLeakInputSchema) },
  responses: { 200: jsonResponse(TraceLeakResultSchema, 'Ranking and verdict'), ...problems(400, 401, 404, 413, 415) },
});

export const exportRoutes: RouteModule = (app, deps) => {
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(await exportPlanVersion(deps, viewer, { negotiation, versionId: body.versionId, recipientUserId: body.recipientUserId }), 201);
  });
  app.openapi(trace, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(await traceLeakInNegotiation(deps, viewer, { negotiation, text: body.text }), 200);
  });
};
