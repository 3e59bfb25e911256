import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { canReceive, planEventHub, type PlanEvent } from '../../realtime/plan-events';
import { loadViewer } from '../../services/viewer';
import { AUTHENTICATED, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const HEARTBEAT_MS = 15_000;

const events = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/events',
  tags: ['plan'],
  summary:
    'Server-Sent Events: plan changes the caller may see (others are never sent, not even without a body)',
  security: AUTHENTICATED,
  request: { params: NegotiationParams },
  responses: {
    200: {
      description:
        'With `Accept: text/event-stream`: a `ready` event, then one event per visible change. Otherwise a JSON note on how to connect.',
      content: {
        'text/event-stream': { schema: z.string() },
        'application/json': { schema: z.strictObject({ negotiationId: z.string(), stream: z.string() }) },
      },
    },
    ...problems(400, 401, 404),
  },
});

export const planEventRoutes: RouteModule = (app, deps) => {
  app.openapi(events, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    // EventSource always asks for text/event-stream; any other client (a probe, a script, the
    // access-matrix test) gets a JSON answer instead of a stream that never ends.
    if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
      return c.json(
        { negotiationId: negotiation.id, stream: 'Send Accept: text/event-stream to receive events.' },
        200,
      ) as never;
    }
    return streamSSE(c, async (stream) => {
      const queue: PlanEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = planEventHub(deps.db).subscribe(negotiation.id, (event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(() => wake?.());
      let sequence = 0;
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ negotiationId: negotiation.id }) });
        while (!stream.aborted) {
          const next = queue.shift();
          if (next === undefined) {
            const timedOut = await new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(true), HEARTBEAT_MS);
              wake = () => {
                clearTimeout(timer);
                resolve(false);
              };
            });
            if (timedOut && !stream.aborted) await stream.write(': keep-alive\n\n');
            continue;
          }
          // Seats are re-read per event, so a delegate whose seat ended stops receiving at once.
          const current = await loadViewer(deps, viewer.userId);
          if (!canReceive(current, next)) continue;
          sequence += 1;
          await stream.writeSSE({ id: String(sequence), event: next.type, data: JSON.stringify(next) });
        }
      } finally {
        unsubscribe();
      }
    }) as never;
  });
};
