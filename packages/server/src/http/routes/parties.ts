import { createRoute } from '@hono/zod-openapi';
import { CreatePartyInputSchema, listOf, PartySchema, UpdatePartyInputSchema } from '@parley/core';
import { presentParty } from '../../presenters/present';
import { createParty, getPartyForViewer, listPartiesForViewer, updateParty } from '../../services/parties';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams, PartyParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const list = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/parties',
  tags: ['parties'],
  summary: 'Parties of a negotiation',
  security: AUTHENTICATED,
  request: { params: NegotiationParams },
  responses: { 200: jsonResponse(listOf(PartySchema), 'Parties'), ...problems(400, 401, 404) },
});
const create = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/parties',
  tags: ['parties'],
  summary: 'Add a party (mediator staff)',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(CreatePartyInputSchema) },
  responses: { 201: jsonResponse(PartySchema, 'The party'), ...problems(400, 401, 403, 404, 413, 415) },
});
const get = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/parties/{partyId}',
  tags: ['parties'],
  summary: 'One party, with the revision an edit form sends back',
  security: AUTHENTICATED,
  request: { params: PartyParams },
  responses: { 200: jsonResponse(PartySchema, 'The party'), ...problems(400, 401, 404) },
});
const update = createRoute({
  method: 'patch',
  path: '/api/negotiations/{negotiationId}/parties/{partyId}',
  tags: ['parties'],
  summary:
    'Rename a party or change whether its agreement is required (mediator staff); a stale baseRevision answers 409',
  security: AUTHENTICATED,
  request: { params: PartyParams, body: jsonBody(UpdatePartyInputSchema) },
  responses: {
    200: jsonResponse(PartySchema, 'The party as changed'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});

export const partyRoutes: RouteModule = (app, deps) => {
  app.openapi(list, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const parties = await listPartiesForViewer(deps, viewer, negotiation);
    return c.json({ items: parties.map(presentParty) }, 200);
  });
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const party = await createParty(deps, viewer, { negotiation, party: input });
    return c.json(presentParty(party), 201);
  });
  app.openapi(get, async (c) => {
    const { negotiationId, partyId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(presentParty(await getPartyForViewer(deps, viewer, { negotiation, partyId })), 200);
  });
  app.openapi(update, async (c) => {
    const changes = c.req.valid('json');
    const { negotiationId, partyId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const party = await updateParty(deps, viewer, { negotiation, partyId, changes });
    return c.json(presentParty(party), 200);
  });
};
