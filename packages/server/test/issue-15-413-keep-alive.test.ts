import { connect } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { expect, it } from 'vitest';
import { createApp, BODY_LIMIT_BYTES } from '../src/http/create-app';
import { createDeps } from '../src/services/deps';
import { openDatabase } from '../src/storage/database';

// Issue #15: after a 413 on a keep-alive connection, the unread rest of the body was parsed as
// the next request and that request failed. The 413 now closes the connection it was sent on.

it('closes the keep-alive connection it answers 413 on, and a fresh connection works', async () => {
  const handle = await openDatabase({ inMemory: true });
  const app = createApp(createDeps(handle.db));
  const server = await new Promise<ServerType>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  try {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined); // the server may close while we are still writing
    const size = BODY_LIMIT_BYTES + 1024;
    socket.write(
      `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
    );
    socket.write('x'.repeat(size));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer.match(/HTTP\/1\.1 /g)).toHaveLength(1); // no second, garbled answer on that socket
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await handle.close();
  }
}, 120_000);
