import { createRoute } from '@hono/zod-openapi';
import { PlanDocumentInputSchema, PlanDocumentTextSchema } from '@parley/core';
import { presentPlanDocumentText } from '../../presenters/plan-reading';
import { readPlanDocument } from '../../services/plan-documents';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const readDocument = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/plan/document-text',
  tags: ['plan'],
  summary:
    'Read an uploaded plan document (.md, .txt, .docx; base64) as text with its parse problems; stores nothing (mediator staff)',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(PlanDocumentInputSchema) },
  responses: {
    200: jsonResponse(PlanDocumentTextSchema, 'The text and what the plan parser found in it'),
    ...problems(400, 401, 403, 404, 413, 415),
  },
});

export const planDocumentRoutes: RouteModule = (app, deps) => {
  app.openapi(readDocument, async (c) => {
    const file = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(presentPlanDocumentText(await readPlanDocument(deps, viewer, { negotiation, file })), 200);
  });
};
