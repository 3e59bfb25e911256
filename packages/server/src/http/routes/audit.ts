import { createRoute } from '@hono/zod-openapi';
import { AuditLogPageSchema, AuditLogQuerySchema } from '@parley/core';
import { listAuditLogForViewer } from '../../services/audit-log';
import { AUTHENTICATED, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const list = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/audit',
  tags: ['audit'],
  summary:
    "The audit log as the caller may see it, newest first, with the hash chain verified (others' entries are absent, not counted)",
  security: AUTHENTICATED,
  request: { params: NegotiationParams, query: AuditLogQuerySchema },
  responses: {
    200: jsonResponse(AuditLogPageSchema, 'One page of entries'),
    ...problems(400, 401, 403, 404),
  },
});

export const auditRoutes: RouteModule = (app, deps) => {
  app.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(await listAuditLogForViewer(deps, viewer, { negotiation, query }), 200);
  });
};
