import { createRoute } from '@hono/zod-openapi';
import {
  DecideLeadHandoverInputSchema,
  LeadHandoverIdSchema,
  LeadHandoverSchema,
  listOf,
  ProposeLeadHandoverInputSchema,
} from '@parley/core';
import { presentLeadHandover } from '../../presenters/present';
import {
  decideLeadHandoverFor,
  listLeadHandoversForViewer,
  proposeLeadHandover,
} from '../../services/lead-handovers';
import { getPartyForViewer } from '../../services/parties';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams, PartyParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const HandoverParams = NegotiationParams.extend({ handoverId: LeadHandoverIdSchema });

const list = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/lead-handovers',
  tags: ['members'],
  summary: "Proposed lead hand-overs: a party's own, or every party's for the mediator's staff",
  security: AUTHENTICATED,
  request: { params: NegotiationParams },
  responses: { 200: jsonResponse(listOf(LeadHandoverSchema), 'Hand-overs'), ...problems(400, 401, 404) },
});
const propose = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/parties/{partyId}/lead-handovers',
  tags: ['members'],
  summary:
    "Propose a new lead for another party (the mediator's staff); it applies once that party's lead accepts",
  security: AUTHENTICATED,
  request: { params: PartyParams, body: jsonBody(ProposeLeadHandoverInputSchema) },
  responses: {
    201: jsonResponse(LeadHandoverSchema, 'The pending proposal'),
    ...problems(400, 401, 403, 404, 413, 415),
  },
});
const decide = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/lead-handovers/{handoverId}/decision',
  tags: ['members'],
  summary: "Accept or decline (the party's lead) or withdraw (the mediator's staff) a pending hand-over",
  security: AUTHENTICATED,
  request: { params: HandoverParams, body: jsonBody(DecideLeadHandoverInputSchema) },
  responses: {
    200: jsonResponse(LeadHandoverSchema, 'The decided proposal'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});

export const leadHandoverRoutes: RouteModule = (app, deps) => {
  app.openapi(list, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const handovers = await listLeadHandoversForViewer(deps, viewer, negotiation);
    return c.json({ items: handovers.map(presentLeadHandover) }, 200);
  });
  app.openapi(propose, async (c) => {
    const { negotiationId, partyId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const party = await getPartyForViewer(deps, viewer, { negotiation, partyId });
    const handover = await proposeLeadHandover(deps, viewer, { party, proposal: c.req.valid('json') });
    return c.json(presentLeadHandover(handover), 201);
  });
  app.openapi(decide, async (c) => {
    const { negotiationId, handoverId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const handover = await decideLeadHandoverFor(deps, viewer, {
      negotiation,
      handoverId,
      decision: c.req.valid('json'),
    });
    return c.json(presentLeadHandover(handover), 200);
  });
};
