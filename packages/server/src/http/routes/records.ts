import { createRoute } from '@hono/zod-openapi';
import { CreateRecordInputSchema, listOf, PageQuerySchema, RecordSchema } from '@parley/core';
import { presentRecord } from '../../presenters/present';
import { createRecord, getRecordForViewer, listRecordsForViewer } from '../../services/records';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams, RecordParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const list = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/records',
  tags: ['records'],
  summary: 'Records the caller may read (others are absent, not counted)',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, query: PageQuerySchema },
  responses: { 200: jsonResponse(listOf(RecordSchema), 'Records'), ...problems(400, 401, 404) },
});
const create = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/records',
  tags: ['records'],
  summary: "File a transcript, note or memo for one's own party",
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(CreateRecordInputSchema) },
  responses: { 201: jsonResponse(RecordSchema, 'The record'), ...problems(400, 401, 403, 404, 413, 415) },
});
const get = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/records/{recordId}',
  tags: ['records'],
  summary: 'One record (404 if hidden)',
  security: AUTHENTICATED,
  request: { params: RecordParams },
  responses: { 200: jsonResponse(RecordSchema, 'The record'), ...problems(400, 401, 404) },
});

export const recordRoutes: RouteModule = (app, deps) => {
  app.openapi(list, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const page = await listRecordsForViewer(deps, viewer, { negotiation, page: c.req.valid('query') });
    return c.json({ ...page, items: page.items.map(presentRecord) }, 200);
  });
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const record = await createRecord(deps, viewer, { negotiation, record: input });
    return c.json(presentRecord(record), 201);
  });
  app.openapi(get, async (c) => {
    const { negotiationId, recordId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const record = await getRecordForViewer(deps, viewer, { negotiation, recordId });
    return c.json(presentRecord(record), 200);
  });
};
