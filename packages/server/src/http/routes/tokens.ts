import { createRoute, z } from '@hono/zod-openapi';
import {
  ApiTokenCreatedSchema,
  ApiTokenListSchema,
  CreateApiTokenInputSchema,
  DomainError,
  TokenIdSchema,
} from '@parley/core';
import { presentApiToken, presentApiTokenCreated } from '../../presenters/present';
import { createApiToken, listApiTokensForViewer, revokeApiTokenForViewer } from '../../services/api-tokens';
import { requireUserId } from '../authenticate';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { requireViewer } from '../viewer-context';
import type { RouteModule } from './route-module';

const TokenParams = z.object({ tokenId: TokenIdSchema });

const create = createRoute({
  method: 'post',
  path: '/api/tokens',
  tags: ['auth'],
  summary: 'Create a bearer API token (shown once); it ends after `expiresInDays` (default 90, at most 365)',
  security: AUTHENTICATED,
  request: { body: jsonBody(CreateApiTokenInputSchema) },
  responses: { 201: jsonResponse(ApiTokenCreatedSchema, 'The token'), ...problems(400, 401, 403, 413, 415) },
});
const list = createRoute({
  method: 'get',
  path: '/api/tokens',
  tags: ['auth'],
  summary: 'Your API tokens not revoked: name, created, expires, last used (never the secret)',
  security: AUTHENTICATED,
  responses: { 200: jsonResponse(ApiTokenListSchema, 'Your tokens'), ...problems(401) },
});
const revoke = createRoute({
  method: 'delete',
  path: '/api/tokens/{tokenId}',
  tags: ['auth'],
  summary: 'Revoke one of your API tokens; it answers 401 from then on',
  security: AUTHENTICATED,
  request: { params: TokenParams },
  responses: { 204: { description: 'Revoked' }, ...problems(400, 401, 403, 404) },
});

export const tokenRoutes: RouteModule = (app, deps) => {
  app.openapi(create, async (c) => {
    const auth = c.get('auth');
    // A token that could mint tokens could outlive its own end or its revocation.
    if (auth.via === 'bearer')
      throw new DomainError(
        'forbidden',
        'Create tokens when signed in (web app) or with `parley tokens create`.',
      );
    const token = await createApiToken(deps, {
      ...c.req.valid('json'),
      userId: requireUserId(c),
      sessionIdHash: auth.via === 'cookie' ? auth.sessionId : null,
    });
    return c.json(presentApiTokenCreated(token), 201);
  });
  app.openapi(list, async (c) => {
    const auth = c.get('auth');
    const tokens = await listApiTokensForViewer(deps, await requireViewer(c, deps));
    const sessionId = auth.via === 'cookie' ? auth.sessionId : null;
    return c.json(
      { items: tokens.map((token) => presentApiToken(token, token.sessionIdHash === sessionId)) },
      200,
    );
  });
  app.openapi(revoke, async (c) => {
    await revokeApiTokenForViewer(deps, await requireViewer(c, deps), c.req.valid('param').tokenId);
    return c.body(null, 204);
  });
};
