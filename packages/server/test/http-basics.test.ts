import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../src/http/create-app';
import type { DatabaseHandle } from '../src/storage/database';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

describe.each(API_DATABASE_KINDS)('on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
  });
  afterAll(async () => handle.close());

  const expectProblem = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await response.json()) as {
      status: number;
      type: string;
      title: string;
      errors?: { path: string }[];
    };
    expect(body.status).toBe(status);
    return body;
  };

  describe('HTTP basics', () => {
    it('answers health checks with 200 {"status":"ok"}', async () => {
      const response = await call(testApp, 'GET /api/health');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('serves an OpenAPI 3.1 document listing its own routes', async () => {
      const response = await call(testApp, 'GET /api/openapi.json');
      const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(document.openapi).toBe('3.1.0');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/health', '/api/negotiations/{negotiationId}/records/{recordId}']),
      );
    });

    it('answers an unknown path with a 404 problem', async () => {
      await expectProblem(await call(testApp, 'GET /api/nothing-here'), 404);
    });

    it('rejects malformed JSON with a 400 problem naming the body', async () => {
      const body = await expectProblem(
        await call(testApp, 'POST /api/auth/login', { rawBody: '{"email": ' }),
        400,
      );
      expect(body.errors?.[0]?.path).toBe('(body)');
    });

    it('names each wrong field of a body', async () => {
      const body = await expectProblem(
        await call(testApp, 'POST /api/auth/register', {
          body: { email: 7, displayName: '', password: 'short' },
        }),
        400,
      );
      expect(body.errors?.map((entry) => entry.path).sort()).toEqual(['displayName', 'email', 'password']);
    });

    it('rejects unknown fields', async () => {
      const body = await expectProblem(
        await call(testApp, 'POST /api/auth/login', {
          body: { email: 'a@b.example', password: 'x', admin: true },
        }),
        400,
      );
      expect(JSON.stringify(body.errors)).toContain('admin');
    });

    it(`rejects bodies over ${BODY_LIMIT_BYTES} bytes with 413`, async () => {
      const huge = JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(BODY_LIMIT_BYTES) });
      await expectProblem(await call(testApp, 'POST /api/auth/login', { rawBody: huge }), 413);
    });

    it('rejects a body that is not JSON with 415', async () => {
      await expectProblem(
        await call(testApp, 'POST /api/auth/login', {
          rawBody: 'email=a',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
        415,
      );
    });

    it('answers a malformed id with a 400 naming the parameter', async () => {
      const response = await call(testApp, 'GET /api/negotiations/not-a-uuid');
      const body = await expectProblem(response, 400);
      expect(body.errors?.[0]?.path).toBe('negotiationId');
    });

    it('answers protected routes with 401 when signed out', async () => {
      await expectProblem(await call(testApp, 'GET /api/negotiations'), 401);
    });

    it('rejects an unknown bearer token with 401', async () => {
      await expectProblem(
        await call(testApp, 'GET /api/me', { headers: { authorization: 'Bearer pt_nope' } }),
        401,
      );
    });
  });
});
