import { createRoute } from '@hono/zod-openapi';
import { LineageProposalInputSchema, LineageProposalSchema } from '@parley/core';
import { presentLineageProposal } from '../../presenters/plan-reading';
import { proposeLineage } from '../../services/plan-lineage';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { VersionParams } from '../plan-params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const propose = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/plan/versions/{versionId}/lineage-proposal',
  tags: ['plan'],
  summary: 'Propose a lineage map for a revised text against this version (nothing is stored)',
  security: AUTHENTICATED,
  request: { params: VersionParams, body: jsonBody(LineageProposalInputSchema) },
  responses: {
    200: jsonResponse(LineageProposalSchema, 'Points read from the text, parse problems, proposed rows'),
    ...problems(400, 401, 403, 404, 413, 415),
  },
});

export const planLineageRoutes: RouteModule = (app, deps) => {
  app.openapi(propose, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(
      presentLineageProposal(await proposeLineage(deps, viewer, { negotiation, versionId, text })),
      200,
    );
  });
};
