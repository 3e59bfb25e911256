import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountWebApp } from '../src/http/web-app';
import type { DatabaseHandle } from '../src/storage/database';
import { openTestDatabase } from './helpers/each-database';
import { createTestApp, type TestApp } from './helpers/test-app';

const HASHED_SCRIPT = 'export const parley = "'.concat('x'.repeat(4000), '";');

describe('serving the built web app', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    const dist = mkdtempSync(path.join(tmpdir(), 'parley-web-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Parley</title>');
    writeFileSync(path.join(dist, 'app.js'), 'console.log(1)');
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), HASHED_SCRIPT);
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(HASHED_SCRIPT));
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(HASHED_SCRIPT));
    expect(mountWebApp(testApp.app, dist)).toBe(true);
  });
  afterAll(async () => handle.close());

  it('serves files from dist', async () => {
    const response = await testApp.app.request('/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
  });

  it("sends the build's compressed copy to a browser that accepts it, and the file itself otherwise", async () => {
    const asBrotli = await testApp.app.request('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(asBrotli.headers.get('content-encoding')).toBe('br');
    expect(asBrotli.headers.get('content-type')).toContain('javascript');
    expect(brotliDecompressSync(Buffer.from(await asBrotli.arrayBuffer())).toString()).toBe(HASHED_SCRIPT);
    const asGzip = await testApp.app.request('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asGzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await asGzip.arrayBuffer())).toString()).toBe(HASHED_SCRIPT);
    const plain = await testApp.app.request('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(HASHED_SCRIPT);
  });

  it('lets browsers keep hashed assets for good, and asks them to check the page and other files', async () => {
    const hashed = await testApp.app.request('/assets/index-abc123.js');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const unhashed = await testApp.app.request('/app.js');
    expect(unhashed.headers.get('cache-control')).toBe('no-cache');
    const page = await testApp.app.request('/negotiations/123/records');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset with a 404 that no browser keeps, not with the page', async () => {
    const missing = await testApp.app.request('/assets/index-gone.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(missing.headers.get('cache-control')).toBeNull();
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
