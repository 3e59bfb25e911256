import { createRoute } from '@hono/zod-openapi';
import {
  CreateVersionInputSchema,
  ImportPlanInputSchema,
  PlanOverviewSchema,
  PointHistorySchema,
  RedlineSchema,
  StoredVersionSchema,
} from '@parley/core';
import {
  presentPlanOverview,
  presentPointHistoryEntry,
  presentRedline,
  presentStoredVersion,
} from '../../presenters/plan';
import {
  createVersion,
  getVersionForViewer,
  importPlan,
  listVersionsForViewer,
  pointHistoryForViewer,
  redlineForViewer,
} from '../../services/plan-versions';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { CompareParams, PointParams, VersionParams } from '../plan-params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const base = '/api/negotiations/{negotiationId}/plan';
const overview = createRoute({
  method: 'get',
  path: `${base}`,
  tags: ['plan'],
  summary: 'The plan revision and its versions',
  security: AUTHENTICATED,
  request: { params: NegotiationParams },
  responses: { 200: jsonResponse(PlanOverviewSchema, 'Plan overview'), ...problems(400, 401, 404) },
});
const importText = createRoute({
  method: 'post',
  path: `${base}/import`,
  tags: ['plan'],
  summary: 'Create a version from Markdown or pasted numbered text',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(ImportPlanInputSchema) },
  responses: {
    201: jsonResponse(StoredVersionSchema, 'The new version'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});
const create = createRoute({
  method: 'post',
  path: `${base}/versions`,
  tags: ['plan'],
  summary: 'Make a version from its parent by operations (amend, merge, split, drop, add, move)',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(CreateVersionInputSchema) },
  responses: {
    201: jsonResponse(StoredVersionSchema, 'The new version'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});
const get = createRoute({
  method: 'get',
  path: `${base}/versions/{versionId}`,
  tags: ['plan'],
  summary: 'One version with its lineage edges',
  security: AUTHENTICATED,
  request: { params: VersionParams },
  responses: { 200: jsonResponse(StoredVersionSchema, 'The version'), ...problems(400, 401, 404) },
});
const redline = createRoute({
  method: 'get',
  path: `${base}/versions/{versionId}/compare/{toVersionId}`,
  tags: ['plan'],
  summary: 'Compare two versions: lineage map and word-level redline',
  security: AUTHENTICATED,
  request: { params: CompareParams },
  responses: { 200: jsonResponse(RedlineSchema, 'The redline'), ...problems(400, 401, 404) },
});
const history = createRoute({
  method: 'get',
  path: `${base}/versions/{versionId}/points/{pointId}/history`,
  tags: ['plan'],
  summary: 'The history (blame) of a point across versions',
  security: AUTHENTICATED,
  request: { params: PointParams },
  responses: { 200: jsonResponse(PointHistorySchema, 'History, oldest first'), ...problems(400, 401, 404) },
});

export const planVersionRoutes: RouteModule = (app, deps) => {
  app.openapi(overview, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(presentPlanOverview(await listVersionsForViewer(deps, viewer, negotiation)), 200);
  });
  app.openapi(importText, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(presentStoredVersion(await importPlan(deps, viewer, { negotiation, body })), 201);
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(presentStoredVersion(await createVersion(deps, viewer, { negotiation, body })), 201);
  });
  app.openapi(get, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(
      presentStoredVersion(await getVersionForViewer(deps, viewer, { negotiation, versionId })),
      200,
    );
  });
  app.openapi(redline, async (c) => {
    const { negotiationId, versionId, toVersionId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const result = await redlineForViewer(deps, viewer, {
      negotiation,
      fromId: versionId,
      toId: toVersionId,
    });
    return c.json(presentRedline(result), 200);
  });
  app.openapi(history, async (c) => {
    const { negotiationId, versionId, pointId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const items = await pointHistoryForViewer(deps, viewer, { negotiation, versionId, pointId });
    return c.json({ items: items.map(presentPointHistoryEntry) }, 200);
  });
};
