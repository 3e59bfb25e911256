// Requests at a given rate, arriving as independent clients' requests do (Poisson), whether or not
// earlier ones have been answered: the latency a client sees while the server serves that rate.
// autocannon's own rate limit does not model that: each connection sends its whole quota for the
// second at the second's start, so every second begins with a burst of the whole rate, and the
// latencies measured are those of draining the burst. Latency is counted from the moment a request
// was due, not from when it was sent, so a late send (a busy generator) counts against the figure.
import { Agent, request } from 'node:http';
import type { Request } from 'autocannon';

export type OpenLoopResult = {
  rate: number;
  sent: number;
  answered: number;
  errors: number;
  non2xx: number;
  latency: { p50: number; p90: number; p97_5: number; p99: number; max: number; average: number };
  /** p50 / p99 / max per kind of request (its method and the last part of its path), in ms. */
  byRoute: Record<string, { count: number; p50: number; p99: number; max: number }>;
};

/** `GET …/positions`, `GET …/{id}`: the method and the last step of the path, an id as `{id}`. */
const routeOf = (planned: Request) => {
  const last = planned.path.split('?')[0]?.split('/').at(-1) ?? '';
  return `${planned.method} …/${/^[0-9a-f-]{36}$/i.test(last) ? '{id}' : last}`;
};

/** Exponential gaps with this mean: arrivals of a Poisson process (seeded, so runs are alike). */
function gaps(meanMs: number, seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return -Math.log(((state >>> 0) + 1) / 4294967297) * meanMs;
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function openLoop(input: {
  url: string;
  /** Each client's requests, in the order it sends them. */
  clients: Request[][];
  rate: number;
  seconds: number;
}): Promise<OpenLoopResult> {
  const target = new URL(input.url);
  const agent = new Agent({ keepAlive: true, maxSockets: input.clients.length });
  // Clients are taken in turn; each starts at its own place in its sequence, so the mix holds at
  // every moment (in step, all 200 would reach their write together: a burst of 200 writes).
  const next = input.clients.map((_, index) => index);
  const gap = gaps(1000 / input.rate, 0x5eed);
  const latencies: number[] = [];
  const perRoute = new Map<string, number[]>();
  let sent = 0;
  let errors = 0;
  let non2xx = 0;
  let client = 0;
  const inFlight = new Set<Promise<void>>();

  const send = (due: number) => {
    const queue = input.clients[client] ?? [];
    const planned = queue[(next[client] ?? 0) % queue.length];
    next[client] = (next[client] ?? 0) + 1;
    client = (client + 1) % input.clients.length;
    if (planned === undefined) return;
    sent += 1;
    const done = new Promise<void>((resolve) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: planned.path,
          method: planned.method,
          headers: planned.headers,
          agent,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode > 299) non2xx += 1;
            const ms = performance.now() - due;
            latencies.push(ms);
            const route = routeOf(planned);
            const times = perRoute.get(route);
            if (times === undefined) perRoute.set(route, [ms]);
            else times.push(ms);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(planned.body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };

  const started = performance.now();
  const end = started + input.seconds * 1000;
  let due = started + gap();
  while (due < end) {
    const now = performance.now();
    while (due <= now && due < end) {
      send(due);
      due += gap();
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(due - now, 5))));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const byRoute = Object.fromEntries(
    [...perRoute].map(([route, times]) => {
      const ordered = times.sort((a, b) => a - b);
      return [
        route,
        {
          count: ordered.length,
          p50: percentile(ordered, 50),
          p99: percentile(ordered, 99),
          max: ordered.at(-1) ?? NaN,
        },
      ];
    }),
  );
  return {
    rate: input.rate,
    sent,
    answered: latencies.length,
    errors,
    non2xx,
    byRoute,
    latency: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p97_5: percentile(sorted, 97.5),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      average: sorted.reduce((sum, ms) => sum + ms, 0) / Math.max(1, sorted.length),
    },
  };
}
