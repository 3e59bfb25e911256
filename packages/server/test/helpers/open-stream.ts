import { expect } from 'vitest';
import type { SignedIn } from './session';
import type { TestApp } from './test-app';

/** An event stream's answer, read as it comes, so a test can wait for what it expects. */
export function readEventStream(opened: Response | Promise<Response>) {
  let received = '';
  let isDone = false;
  const reader = (async () => ((await opened).body as ReadableStream<Uint8Array>).getReader())();
  const pump = (async () => {
    for (;;) {
      const { done, value } = await (await reader).read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    isDone = true;
  })();
  return {
    text: () => received,
    isClosed: () => isDone,
    /** How many events of this type arrived so far. */
    count: (type: string) => received.split('\n').filter((line) => line === `event: ${type}`).length,
    async waitUntil(isReached: () => boolean, timeoutMs = 5_000): Promise<void> {
      const until = Date.now() + timeoutMs;
      while (!isReached() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(isReached(), received).toBe(true);
    },
    async close() {
      if (!isDone) await (await reader).cancel();
      await pump.catch(() => undefined);
    },
  };
}

/** A negotiation's event stream, opened as `as` and read as it comes. */
export function openStream(testApp: TestApp, input: { negotiationId: string; as: SignedIn }) {
  return readEventStream(
    testApp.app.request(`/api/negotiations/${input.negotiationId}/events`, {
      headers: { ...input.as.headers, accept: 'text/event-stream' },
    }),
  );
}
