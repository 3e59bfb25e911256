import { createRoute } from '@hono/zod-openapi';
import {
  listOf,
  PageQuerySchema,
  PlanStatusSchema,
  PositionSchema,
  SetPositionInputSchema,
} from '@parley/core';
import { presentPlanStatus, presentPosition } from '../../presenters/position';
import { listPositionPageForViewer, planStatusForViewer, setPosition } from '../../services/plan-positions';
import { seesEveryEdit } from '../../services/position-edits';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { PositionParams, VersionParams } from '../plan-params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const version = '/api/negotiations/{negotiationId}/plan/versions/{versionId}';
const list = createRoute({
  method: 'get',
  path: `${version}/positions`,
  tags: ['plan'],
  summary: 'Positions on a version the caller may see (others are absent, not counted), a page at a time',
  security: AUTHENTICATED,
  request: { params: VersionParams, query: PageQuerySchema },
  responses: { 200: jsonResponse(listOf(PositionSchema), 'Positions'), ...problems(400, 401, 404) },
});
const put = createRoute({
  method: 'put',
  path: `${version}/points/{pointId}/positions/{partyId}`,
  tags: ['plan'],
  summary:
    "Record a party's position on a point; baseRevision is the revision you saw (0 = new), stale → 409",
  security: AUTHENTICATED,
  request: { params: PositionParams, body: jsonBody(SetPositionInputSchema) },
  responses: {
    200: jsonResponse(PositionSchema, 'The position'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});
const status = createRoute({
  method: 'get',
  path: `${version}/status`,
  tags: ['plan'],
  summary: 'Derived status of every point and the negotiation, from what the caller may see',
  security: AUTHENTICATED,
  request: { params: VersionParams },
  responses: { 200: jsonResponse(PlanStatusSchema, 'Status'), ...problems(400, 401, 404) },
});

export const planPositionRoutes: RouteModule = (app, deps) => {
  app.openapi(list, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const page = c.req.valid('query');
    return c.json(await listPositionPageForViewer(deps, viewer, { negotiation, versionId, page }), 200);
  });
  app.openapi(put, async (c) => {
    const { negotiationId, versionId, pointId, partyId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const saved = await setPosition(deps, viewer, { negotiation, versionId, pointId, partyId, body });
    // Only the party's own lead or delegates record, and they see every edit: the policy says so here.
    return c.json(presentPosition(saved, { seesEveryEdit: seesEveryEdit(viewer, saved) }), 200);
  });
  app.openapi(status, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(
      presentPlanStatus(await planStatusForViewer(deps, viewer, { negotiation, versionId })),
      200,
    );
  });
};
