import { createRoute } from '@hono/zod-openapi';
import { SearchQuerySchema, SearchResultsSchema } from '@parley/core';
import { searchNegotiation } from '../../services/search';
import { AUTHENTICATED, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const search = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/search',
  tags: ['search'],
  summary:
    'Find words in what the viewer may read of a negotiation: points (every version), positions, statements, rounds, escalations, deadlines, records',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, query: SearchQuerySchema },
  responses: {
    200: jsonResponse(SearchResultsSchema, 'What was found, at most 50 items'),
    ...problems(400, 401, 404),
  },
});

export const searchRoutes: RouteModule = (app, deps) => {
  app.openapi(search, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const results = await searchNegotiation(deps, viewer, {
      negotiation,
      query: c.req.valid('query').q ?? '',
    });
    return c.json(results, 200);
  });
};
