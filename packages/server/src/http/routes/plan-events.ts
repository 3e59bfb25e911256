import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { can, DomainError, seatsIn, type Viewer } from '@parley/core';
import { z } from 'zod';
import { eventCursor } from '../../realtime/event-cursor';
import { canReceive, presentPlanEvent, type PlanEvent, type ViewerCache } from '../../realtime/plan-events';
import { positiveFromEnv } from '../../env-numbers';
import { getAuditCheckpoint } from '../../services/audit-proofs';
import { withRequestReads } from '../../services/read-cache';
import { loadViewer } from '../../services/viewer';
import { AUTHENTICATED, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

// The seat is re-checked this often even when nothing happens, so a stream whose seat ended (or
// was ended) closes within seconds instead of idling on until the client goes away (issue #13).
export const SEAT_CHECK_MS = 5_000;
const CHECKS_PER_HEARTBEAT = 3;

/**
 * Streams one account may hold open in one process (PARLEY_STREAMS_PER_USER): a tab per
 * negotiation on a few devices, not a script holding thousands of sockets, each with its timers
 * and a seat check per event, until the server runs out (issue #15).
 */
export const STREAMS_PER_USER = Math.ceil(positiveFromEnv('PARLEY_STREAMS_PER_USER', 20));

type Queued = { event: PlanEvent; id: number; viewers: ViewerCache };

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
        'With `Accept: text/event-stream`: a `ready` event, then one event per visible change, each with an opaque `id` (neither counting nor ordering the events hidden from the caller); a client reconnecting with `Last-Event-ID` first gets the visible events it missed, or a `reset` event when they are no longer all logged (reload everything). Otherwise a JSON note on how to connect.',
      content: {
        'text/event-stream': { schema: z.string() },
        'application/json': { schema: z.strictObject({ negotiationId: z.string(), stream: z.string() }) },
      },
    },
    ...problems(400, 401, 404, 429),
  },
});

export const planEventRoutes: RouteModule = (app, deps) => {
  const cursor = eventCursor(deps.sealKey);
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
    const lastEventHeader = c.req.header('last-event-id');
    const lastEventId =
      lastEventHeader === undefined
        ? undefined
        : (cursor.decode(negotiation.id, lastEventHeader.trim()) ?? null);
    const hub = deps.events;
    const release = hub.claimStream(viewer.userId ?? '', STREAMS_PER_USER);
    if (release === undefined)
      throw new DomainError(
        'too-many-streams',
        `This account already has ${STREAMS_PER_USER} event streams open on this server: close a window or tab that shows a negotiation, then try again.`,
        { retryAfterSeconds: 5 },
      );
    return streamSSE(c, async (stream) => {
      const queue: Queued[] = [];
      let wake: (() => void) | undefined;
      let ending = false;
      // Subscribed before the replay is read, so nothing falls between the two; duplicates are skipped by id.
      const unsubscribe = hub.subscribe(negotiation.id, (event, id, viewers) => {
        queue.push({ event, id, viewers });
        wake?.();
      });
      const unregister = hub.onShutdown(() => {
        ending = true;
        wake?.();
      });
      stream.onAbort(() => wake?.());
      let sentUpTo = 0;
      let quietChecks = 0;
      // A stream is one request that lasts for hours, and a request looks at what changed only once
      // (read-cache.ts): each seat check is a request of its own, or an ended seat would go unseen
      // until some other request happened to look.
      const freshViewer = () => withRequestReads(() => loadViewer(deps, viewer.userId));
      const partiesOf = (current: Viewer) =>
        new Set(seatsIn(current, negotiation.id).map((seat) => seat.partyId as string));
      const satFor = partiesOf(viewer);
      // Seated still, and for every party it sat for when the stream opened: a member who moved to
      // another delegation keeps a seat, but its open pages show what the old one let it read.
      const isSeated = (current: Viewer) => {
        const now = partiesOf(current);
        return (
          can(current, 'plan.read', { kind: 'negotiation', negotiationId: negotiation.id }) &&
          [...satFor].every((partyId) => now.has(partyId))
        );
      };
      /** Sends the event if this viewer may see it; false once the viewer's seat has ended. */
      const send = async ({ event, id, viewers }: Queued): Promise<boolean> => {
        if (id <= sentUpTo) return true;
        // Seats are re-read per event (once per user per event, shared by that user's streams), so a
        // delegate whose seat ended stops receiving at once.
        const key = viewer.userId ?? '';
        let pending = viewers.get(key);
        if (pending === undefined) {
          pending = freshViewer();
          viewers.set(key, pending);
        }
        const current = await pending;
        if (!isSeated(current)) return false;
        if (!canReceive(current, event)) return true;
        sentUpTo = id;
        await stream.writeSSE({
          id: cursor.encode(negotiation.id, id),
          event: event.type,
          data: JSON.stringify(presentPlanEvent(current, event)),
        });
        return true;
      };
      let seatEnded = false;
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ negotiationId: negotiation.id }) });
        // Every party receives a signed checkpoint of the audit log to keep (docs/security.md).
        if (can(viewer, 'audit.read', { kind: 'negotiation', negotiationId: negotiation.id }))
          await stream.writeSSE({
            event: 'audit.checkpoint',
            data: JSON.stringify(await getAuditCheckpoint(deps, viewer, negotiation)),
          });
        // A cursor this server cannot read (another negotiation's, a key since replaced) cannot say
        // what was missed: the client reloads, as when the events it missed were pruned.
        if (lastEventId === null)
          await stream.writeSSE({ event: 'reset', data: JSON.stringify({ reason: 'unknown-cursor' }) });
        else if (lastEventId !== undefined) {
          const replay = await hub.replaySince(negotiation.id, lastEventId, (event) =>
            canReceive(viewer, event),
          );
          const replayViewers = new Map();
          if (replay === undefined)
            await stream.writeSSE({ event: 'reset', data: JSON.stringify({ reason: 'events-pruned' }) });
          else for (const missed of replay) await send({ ...missed, viewers: replayViewers });
        }
        while (!stream.aborted && !ending) {
          const next = queue.shift();
          if (next === undefined) {
            const timedOut = await new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(true), SEAT_CHECK_MS);
              wake = () => {
                clearTimeout(timer);
                resolve(false);
              };
            });
            if (!timedOut || stream.aborted) continue;
            if (!isSeated(await freshViewer())) {
              seatEnded = true;
              break;
            }
            quietChecks = (quietChecks + 1) % CHECKS_PER_HEARTBEAT;
            if (quietChecks === 0) await stream.write(': keep-alive\n\n');
            continue;
          }
          if (!(await send(next))) {
            seatEnded = true;
            break;
          }
        }
        // Its own seat, so nothing it may not know: without this, its open pages kept showing what
        // the seat let it read until reloaded, the stream just closed. The client reads again: 404.
        if (seatEnded && !stream.aborted)
          await stream.writeSSE({ event: 'reset', data: JSON.stringify({ reason: 'seat-ended' }) });
      } finally {
        release();
        unsubscribe();
        unregister();
        if (!stream.aborted) await stream.close();
      }
    }) as never;
  });
};
