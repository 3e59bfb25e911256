import { createRoute } from '@hono/zod-openapi';
import { InstanceSchema, InstanceSettingsViewSchema, UpdateInstanceSettingsInputSchema } from '@parley/core';
import { presentInstance, presentInstanceSettings } from '../../presenters/instance';
import { describeInstance, updateInstanceSettings } from '../../services/instance';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { requireViewer } from '../viewer-context';
import type { RouteModule } from './route-module';

const instance = createRoute({
  method: 'get',
  path: '/api/instance',
  tags: ['system'],
  summary:
    'What this server is: whether it still needs its administrator, its sign-up setting, and on a demo instance the demo accounts',
  responses: { 200: jsonResponse(InstanceSchema, 'About this instance') },
});
const settings = createRoute({
  method: 'put',
  path: '/api/instance/settings',
  tags: ['system'],
  summary:
    "Change who may sign up and who may open a negotiation (the server's administrators); a stale baseRevision → 409",
  security: AUTHENTICATED,
  request: { body: jsonBody(UpdateInstanceSettingsInputSchema) },
  responses: {
    200: jsonResponse(InstanceSettingsViewSchema, 'The settings now'),
    ...problems(400, 401, 403, 409, 413, 415),
  },
});

export const instanceRoutes: RouteModule = (app, deps) => {
  app.openapi(instance, async (c) => c.json(presentInstance(await describeInstance(deps)), 200));
  app.openapi(settings, async (c) => {
    const viewer = await requireViewer(c, deps);
    return c.json(
      presentInstanceSettings(await updateInstanceSettings(deps, viewer, c.req.valid('json'))),
      200,
    );
  });
};
