import { createRoute, z } from '@hono/zod-openapi';
import type { RouteModule } from './route-module';
import { jsonResponse } from '../openapi-helpers';

const HealthSchema = z.strictObject({ status: z.literal('ok') });

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness check',
  responses: { 200: jsonResponse(HealthSchema, 'The server is up') },
});

export const healthRoutes: RouteModule = (app) => {
  app.openapi(health, (c) => c.json({ status: 'ok' as const }, 200));
};
