import { createRoute } from '@hono/zod-openapi';
import {
  LiveAnalysisInputSchema,
  LiveAnalysisSchema,
  LiveIssueSchema,
  LiveIssuesSchema,
  MyProfileSchema,
  SavedProfileSchema,
  SaveProfileInputSchema,
  SetIssueInputSchema,
  SharedProfilesSchema,
} from '@parley/core';
import {
  presentLiveAnalysis,
  presentLiveIssue,
  presentLiveIssues,
  presentMyProfile,
  presentSavedProfile,
  presentSharedProfile,
} from '../../presenters/live-analysis';
import { runLiveAnalysis } from '../../services/live-analysis';
import { listIssuesForViewer, setIssue } from '../../services/live-issues';
import { myProfile, saveProfile, sharedProfiles } from '../../services/preference-profiles';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { PointParams, VersionParams } from '../plan-params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

// Issues, private preference profiles and the live analysis (docs/live-analysis.md).
const version = '/api/negotiations/{negotiationId}/plan/versions/{versionId}';
const preferences = '/api/negotiations/{negotiationId}/preferences';

const listIssues = createRoute({
  method: 'get',
  path: `${version}/issues`,
  tags: ['live analysis'],
  summary: 'Every point of a version with its options (if it is a negotiable issue)',
  security: AUTHENTICATED,
  request: { params: VersionParams },
  responses: { 200: jsonResponse(LiveIssuesSchema, 'Points and their options'), ...problems(400, 401, 404) },
});
const putIssue = createRoute({
  method: 'put',
  path: `${version}/points/{pointId}/issue`,
  tags: ['live analysis'],
  summary: "Set a point's options (or a numeric range), or clear them with definition null (mediator staff)",
  security: AUTHENTICATED,
  request: { params: PointParams, body: jsonBody(SetIssueInputSchema) },
  responses: {
    200: jsonResponse(LiveIssueSchema, 'The point as an issue'),
    ...problems(400, 401, 403, 404, 413, 415),
  },
});
const getMine = createRoute({
  method: 'get',
  path: preferences,
  tags: ['live analysis'],
  summary: "Your delegation's private preference profile, newest revision (the read is audited)",
  security: AUTHENTICATED,
  request: { params: NegotiationParams },
  responses: {
    200: jsonResponse(MyProfileSchema, 'Your delegation and its profile'),
    ...problems(400, 401, 404),
  },
});
const putMine = createRoute({
  method: 'put',
  path: preferences,
  tags: ['live analysis'],
  summary:
    "Save a new revision of your delegation's profile; baseRevision is the one you edited (stale → 409)",
  description:
    'A profile that fails its checks answers 400 with one `errors` entry per problem: `path` in the body sent (`reservation`, `issues.0.ratings.<option>`, `issues.0.weight`; `issues` for the profile as a whole) and `message` a sentence naming the point; `detail` joins the sentences.',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(SaveProfileInputSchema) },
  responses: {
    200: jsonResponse(SavedProfileSchema, 'The saved revision and what was adjusted'),
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
});
const getShared = createRoute({
  method: 'get',
  path: `${preferences}/shared`,
  tags: ['live analysis'],
  summary: "Other delegations' profiles you may read: for the mediator, those shared with it (reads audited)",
  security: AUTHENTICATED,
  request: { params: NegotiationParams },
  responses: { 200: jsonResponse(SharedProfilesSchema, 'Shared profiles'), ...problems(400, 401, 404) },
});
const analyze = createRoute({
  method: 'post',
  path: `${version}/live-analysis`,
  tags: ['live analysis'],
  summary:
    'Suggested packages over the submitted profiles, with only the utilities the caller may read (engine thread, budgets)',
  security: AUTHENTICATED,
  request: { params: VersionParams, body: jsonBody(LiveAnalysisInputSchema) },
  responses: {
    200: jsonResponse(LiveAnalysisSchema, 'The analysis in plan terms'),
    ...problems(400, 401, 403, 404, 409, 413, 415, 422, 503),
  },
});

export const liveAnalysisRoutes: RouteModule = (app, deps) => {
  app.openapi(listIssues, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(
      presentLiveIssues(await listIssuesForViewer(deps, viewer, { negotiation, versionId })),
      200,
    );
  });
  app.openapi(putIssue, async (c) => {
    const { negotiationId, versionId, pointId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(
      presentLiveIssue(await setIssue(deps, viewer, { negotiation, versionId, pointId, body })),
      200,
    );
  });
  app.openapi(getMine, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(presentMyProfile(await myProfile(deps, viewer, negotiation)), 200);
  });
  app.openapi(putMine, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(presentSavedProfile(await saveProfile(deps, viewer, { negotiation, body })), 200);
  });
  app.openapi(getShared, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const items = await sharedProfiles(deps, viewer, negotiation);
    return c.json({ items: items.map(presentSharedProfile) }, 200);
  });
  app.openapi(analyze, async (c) => {
    const { negotiationId, versionId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    // A client that goes away cancels the work: its engine thread is stopped.
    const signal = c.req.raw.signal;
    return c.json(
      presentLiveAnalysis(await runLiveAnalysis(deps, viewer, { negotiation, versionId, body, signal })),
      200,
    );
  });
};
