import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountWebApp } from '../src/http/web-app';
import type { DatabaseHandle } from '../src/storage/database';
import { openTestDatabase } from './helpers/each-database';
import { createTestApp, type TestApp } from './helpers/test-app';

describe('serving the built web app', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    const dist = mkdtempSync(path.join(tmpdir(), 'parley-web-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Parley</title>');
    writeFileSync(path.join(dist, 'app.js'), 'console.log(1)');
    expect(mountWebApp(testApp.app, dist)).toBe(true);
  });
  afterAll(async () => handle.close());

  it('serves files from dist', async () => {
    const response = await testApp.app.request('/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers deep links with index.html so the client router can take over', async () => {
    const response = await testApp.app.request('/negotiations/123/records');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Parley</title>');
  });

  it('never answers an unknown API path with the page', async () => {
    const response = await testApp.app.request('/api/no-such-route');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('reports that there is nothing to serve when the app is not built', () => {
    expect(mountWebApp(testApp.app, path.join(tmpdir(), 'parley-missing-dist'))).toBe(false);
  });
});
