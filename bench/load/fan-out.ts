// Realtime fan-out: N Server-Sent Events subscribers (spread over the parties), one write, and the
// time until the last subscriber has received its event.
import { request, type ClientRequest } from 'node:http';
import { NEGOTIATION, statementWrite, type Session } from './scenario';

type Subscriber = { request: ClientRequest; received: (afterMs: number) => Promise<number> };

function subscribe(baseUrl: string, session: Session): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const waiting: { after: number; resolve: (at: number) => void }[] = [];
    const req = request(
      `${baseUrl}/api/negotiations/${NEGOTIATION}/events`,
      { headers: { cookie: session.cookie, accept: 'text/event-stream' }, agent: false },
      (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          if (buffer.includes('event: ready')) {
            resolve({
              request: req,
              received: (after) => new Promise((done) => waiting.push({ after, resolve: done })),
            });
          }
          if (buffer.includes('event: statement.created')) {
            const at = performance.now();
            for (const waiter of waiting.splice(0)) if (at >= waiter.after) waiter.resolve(at);
          }
          buffer = buffer.slice(-64);
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Opens `count` subscribers, then times `rounds` writes to the last delivery; returns each round's ms. */
export async function measureFanOut(input: {
  baseUrl: string;
  readers: Session[];
  writer: Session;
  count: number;
  rounds: number;
}): Promise<number[]> {
  const subscribers: Subscriber[] = [];
  // Opened in batches so the server is not asked to accept 1,000 connections in one instant.
  for (let i = 0; i < input.count; i += 50) {
    const batch = Array.from({ length: Math.min(50, input.count - i) }, (_, j) =>
      subscribe(input.baseUrl, input.readers[(i + j) % input.readers.length] as Session),
    );
    subscribers.push(...(await Promise.all(batch)));
  }
  const figures: number[] = [];
  try {
    for (let round = 0; round < input.rounds; round += 1) {
      const started = performance.now();
      const arrivals = Promise.all(subscribers.map((subscriber) => subscriber.received(started)));
      const write = statementWrite(input.writer);
      const answer = await fetch(`${input.baseUrl}${write.path}`, {
        method: 'POST',
        headers: write.headers,
        body: write.body,
      });
      if (answer.status !== 201) throw new Error(`write answered ${answer.status}`);
      const last = Math.max(...(await arrivals));
      figures.push(last - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    for (const subscriber of subscribers) subscriber.request.destroy();
  }
  return figures;
}
