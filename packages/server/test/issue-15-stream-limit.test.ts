import { describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import { STREAMS_PER_USER } from '../src/http/routes/plan-events';
import { openDatabase } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import type { SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';
import { eventually } from './helpers/eventually';

// Issue #15: one account could open event streams without end, each holding a socket, timers and
// a seat check per event, until the server ran out. A process now gives an account a fixed number.

const N = DEMO_NEGOTIATION.id;

async function open(testApp: TestApp, who: SignedIn) {
  const response = await testApp.app.request(`/api/negotiations/${N}/events`, {
    headers: { ...who.headers, accept: 'text/event-stream' },
  });
  if (response.status !== 200) return { response, close: async () => {} };
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  // Read on to the checkpoint, the last thing an opening stream does, so none is still working when the test ends.
  while (!text.includes('event: audit.checkpoint')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return { response, close: () => reader.cancel() };
}

describe('open event streams per account', () => {
  it('refuses one stream beyond the limit with a 429 that says why, for that account only, until one closes', async () => {
    const handle = await openDatabase({ inMemory: true });
    try {
      await seedDemo(handle.db);
      const testApp = createTestApp(handle.db);
      const ukraine = await signInAs(testApp, 'ownDelegation');
      const russia = await signInAs(testApp, 'otherParty');
      if (ukraine === null || russia === null) throw new Error('no session');
      const streams = [];
      for (let i = 0; i < STREAMS_PER_USER; i++) streams.push(await open(testApp, ukraine));
      expect(streams.map(({ response }) => response.status)).toEqual(Array(STREAMS_PER_USER).fill(200));

      const refused = await open(testApp, ukraine);
      expect(refused.response.status).toBe(429);
      expect(refused.response.headers.get('retry-after')).toBe('5');
      expect(await refused.response.json()).toMatchObject({
        type: '/problems/too-many-streams',
        detail: expect.stringContaining(`${STREAMS_PER_USER} event streams open`),
      });
      const other = await open(testApp, russia);
      expect(other.response.status).toBe(200);

      await streams[0]?.close();
      let again = await open(testApp, ukraine);
      await eventually(async () => {
        if (again.response.status !== 429) return true;
        again = await open(testApp, ukraine);
        return false;
      });
      expect(again.response.status).toBe(200);
      for (const stream of [...streams.slice(1), other, again]) await stream.close();
    } finally {
      await handle.close();
    }
  }, 60_000);
});
