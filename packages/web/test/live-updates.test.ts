// Issue #15: a process gives one account a fixed number of open event streams, and refuses more
// with a 429. A browser gives up on a stream answered with an error, so the web app asks again: a
// tab opened while the account held every stream goes live once one of them closes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_NEGOTIATION } from '../../server/src/demo';
import { STREAMS_PER_USER } from '../../server/src/http/routes/plan-events';
import {
  DEMO_PASSWORD,
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
} from './helpers/browser-harness';

const ACCOUNT = 'observer@demo.parley';
let harness: Harness;

/** Opens a stream from Node as the account would from other tabs; resolves once the server says ready. */
async function holdStream(cookie: string): Promise<AbortController> {
  const abort = new AbortController();
  const response = await fetch(`${harness.server.url}/api/negotiations/${DEMO_NEGOTIATION.id}/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
  return abort;
}

describe('live updates when the account holds every stream', () => {
  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  test('the page says it is connecting, then goes live once another stream closes', async () => {
    const login = await fetch(`${harness.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ACCOUNT, password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.getSetCookie() ?? []).map((line) => line.split(';')[0]).join('; ');
    const held: AbortController[] = [];
    for (let i = 0; i < STREAMS_PER_USER; i++) held.push(await holdStream(cookie));

    const viewer = await signInAs(harness, ACCOUNT);
    await openDemoNegotiation(viewer.page);
    const status = viewer.page.getByRole('status').filter({ hasText: /Live updates/ });
    await expect.poll(() => status.innerText()).toBe('Live updates connecting…');
    await viewer.page.waitForTimeout(1_000);
    expect(await status.innerText()).toBe('Live updates connecting…');

    held.pop()?.abort();
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toBe('Live updates on');
    for (const stream of held) stream.abort();
  }, 60_000);
});
