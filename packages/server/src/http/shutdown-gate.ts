import type { ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import { PROBLEM_BASE } from './problem';

/** How long in-flight requests may take once shutdown starts; supervisors kill after ~10 s. */
export const SHUTDOWN_GRACE_MS = 7_000;

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

/**
 * A clean stop (issue #15): once draining, new requests are answered 503 with `Connection: close`
 * (a load balancer retries them elsewhere), requests already running finish, event streams end,
 * and whatever is still open when the grace is over is cut so the process can exit.
 */
export class ShutdownGate {
  private draining = false;
  private inFlight = 0;

  wrap<F extends Fetch>(fetch: F): F {
    return (async (request: Request, ...rest: never[]) => {
      if (this.draining) return unavailable();
      this.inFlight += 1;
      try {
        return await fetch(request, ...rest);
      } finally {
        this.inFlight -= 1;
      }
    }) as F;
  }

  async drain(server: ServerType, endStreams: () => void): Promise<void> {
    this.draining = true;
    const http = server as Server;
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    endStreams();
    // A connection stays open while its response (or event stream) is being written; once that
    // ends it is idle and closed here, so a keep-alive client cannot slip in another request.
    const deadline = performance.now() + SHUTDOWN_GRACE_MS;
    while (performance.now() < deadline && (this.inFlight > 0 || (await openConnections(http)) > 0)) {
      http.closeIdleConnections();
      await delay(20);
    }
    http.closeAllConnections();
    await closed;
  }
}

function openConnections(server: Server): Promise<number> {
  return new Promise((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
}

function unavailable(): Response {
  return new Response(
    JSON.stringify({
      type: `${PROBLEM_BASE}/unavailable`,
      title: 'Service Unavailable',
      status: 503,
      detail: 'The server is shutting down; retry the request.',
    }),
    {
      status: 503,
      headers: { 'content-type': 'application/problem+json', connection: 'close', 'retry-after': '1' },
    },
  );
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
