import { createRoute, z } from '@hono/zod-openapi';
import type { RouteModule } from './route-module';
import { jsonResponse } from '../openapi-helpers';

const HealthSchema = z.strictObject({ status: z.literal('ok') });
const DegradedSchema = z.strictObject({ status: z.literal('degraded'), realtime: z.string() });

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness check; 503 while the realtime LISTEN connection to PostgreSQL is down',
  responses: {
    200: jsonResponse(HealthSchema, 'The server is up'),
    503: jsonResponse(DegradedSchema, 'Up, but other processes’ changes do not reach this one’s streams'),
  },
});

export const healthRoutes: RouteModule = (app, deps) => {
  app.openapi(health, (c) =>
    deps.events.relayAlive === false
      ? c.json({ status: 'degraded' as const, realtime: 'LISTEN connection down, reconnecting' }, 503)
      : c.json({ status: 'ok' as const }, 200),
  );
};
