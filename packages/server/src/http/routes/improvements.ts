import { createRoute } from '@hono/zod-openapi';
import {
  ImprovementCheckInputSchema,
  ImprovementCheckSchema,
  ImprovementProposalSchema,
  ImprovementProposalsSchema,
  PageQuerySchema,
} from '@parley/core';
import { presentImprovementCheck, presentImprovementProposal } from '../../presenters/live-genius';
import { checkImprovement, listProposals, proposeImprovement } from '../../services/improvement-check';
import { pageOf } from '../../services/paging';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { VersionParams } from '../plan-params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

// Post-settlement improvement (docs/live-analysis.md, issue #12 item 4).
const base = '/api/negotiations/{negotiationId}/plan/versions/{versionId}/live-analysis';

const check = createRoute({
  method: 'post',
  path: `${base}/improvement-check`,
  tags: ['live analysis'],
  summary:
    'Whether a package exists that every party strictly prefers to the one sent (over every profile); the package or none, never why',
  security: AUTHENTICATED,
  request: { params: VersionParams, body: jsonBody(ImprovementCheckInputSchema) },
  responses: {
    200: jsonResponse(ImprovementCheckSchema, 'A package every party prefers, or none'),
    ...problems(400, 401, 403, 404, 413, 415, 422, 503),
  },
});
const propose = createRoute({
  method: 'post',
  path: `${base}/proposals`,
  tags: ['live analysis'],
  summary:
    'Propose to every party the package the check finds over the one sent, without reasons (mediator staff; none found → 422)',
  security: AUTHENTICATED,
  request: { params: VersionParams, body: jsonBody(ImprovementCheckInputSchema) },
  responses: {
    201: jsonResponse(ImprovementProposalSchema, 'The proposal, as every party reads it'),
    ...problems(400, 401, 403, 404, 413, 415, 422, 503),
  },
});
const list = createRoute({
  method: 'get',
  path: `${base}/proposals`,
  tags: ['live analysis'],
  summary:
    'Packages the mediator proposed to all on this version, oldest first, a page at a time (every participant)',
  security: AUTHENTICATED,
  request: { params: VersionParams, query: PageQuerySchema },
  responses: { 200: jsonResponse(ImprovementProposalsSchema, 'The proposals'), ...problems(400, 401, 404) },
});

export const improvementRoutes: RouteModule = (app, deps) => {
  app.openapi(check, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const signal = c.req.raw.signal;
    const check = await checkImprovement(deps, viewer, {
      negotiation,
      versionId,
      package: body.package,
      signal,
    });
    return c.json(presentImprovementCheck(check), 200);
  });
  app.openapi(propose, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const signal = c.req.raw.signal;
    const proposal = await proposeImprovement(deps, viewer, {
      negotiation,
      versionId,
      package: body.package,
      signal,
    });
    return c.json(presentImprovementProposal(proposal), 201);
  });
  app.openapi(list, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const items = await listProposals(deps, viewer, { negotiation, versionId });
    const page = pageOf(items, c.req.valid('query'), (item) => item.id);
    return c.json({ ...page, items: page.items.map(presentImprovementProposal) }, 200);
  });
};
