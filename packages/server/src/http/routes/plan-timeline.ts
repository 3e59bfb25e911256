import { createRoute } from '@hono/zod-openapi';
import { DeadlineOutlookSchema, PageQuerySchema, StoredPointIdSchema, TimelineSchema } from '@parley/core';
import { presentDeadlineOutlook, presentTimeline } from '../../presenters/plan-reading';
import { deadlineOutlookForViewer, timelineForViewer } from '../../services/plan-timeline';
import { pageOf } from '../../services/paging';
import { AUTHENTICATED, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { VersionParams } from '../plan-params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const timeline = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/plan/timeline',
  tags: ['plan'],
  summary: 'Timeline of the negotiation, or of one point with ?pointId=, a page at a time',
  security: AUTHENTICATED,
  request: {
    params: NegotiationParams,
    query: PageQuerySchema.extend({ pointId: StoredPointIdSchema.optional() }),
  },
  responses: { 200: jsonResponse(TimelineSchema, 'Timeline, oldest first'), ...problems(400, 401, 404) },
});
const outlook = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/plan/versions/{versionId}/deadlines',
  tags: ['plan'],
  summary: 'Which points of a version stand open between now and each deadline',
  security: AUTHENTICATED,
  request: { params: VersionParams },
  responses: {
    200: jsonResponse(DeadlineOutlookSchema, 'Deadlines with open points'),
    ...problems(400, 401, 404),
  },
});

export const planTimelineRoutes: RouteModule = (app, deps) => {
  app.openapi(timeline, async (c) => {
    const { pointId, ...page } = c.req.valid('query');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const items = await timelineForViewer(deps, viewer, {
      negotiation,
      ...(pointId === undefined ? {} : { pointId }),
    });
    const answer = pageOf(items, page, (item) => `${item.kind}/${item.refId}/${item.date}`);
    return c.json(presentTimeline(answer), 200);
  });
  app.openapi(outlook, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const items = await deadlineOutlookForViewer(deps, viewer, { negotiation, versionId });
    return c.json({ items: items.map(presentDeadlineOutlook) }, 200);
  });
};
