import { createRoute } from '@hono/zod-openapi';
import { InstanceSchema } from '@parley/core';
import { describeInstance } from '../../services/instance';
import { jsonResponse } from '../openapi-helpers';
import type { RouteModule } from './route-module';

const instance = createRoute({
  method: 'get',
  path: '/api/instance',
  tags: ['system'],
  summary: 'What this server is: on a demo instance, the demo accounts for the sign-in page',
  responses: { 200: jsonResponse(InstanceSchema, 'About this instance') },
});

export const instanceRoutes: RouteModule = (app, deps) => {
  app.openapi(instance, async (c) => c.json(await describeInstance(deps), 200));
};
