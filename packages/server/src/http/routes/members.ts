import { createRoute } from '@hono/zod-openapi';
import {
  AddMemberInputSchema,
  ChangeLeadInputSchema,
  EndMemberInputSchema,
  LeadChangeSchema,
  listOf,
  MemberSchema,
} from '@parley/core';
import { presentMember } from '../../presenters/present';
import { changeLead } from '../../services/lead-change';
import { endMember } from '../../services/end-seat';
import { addMember, listMembersForViewer } from '../../services/members';
import { getPartyForViewer } from '../../services/parties';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { MemberParams, NegotiationParams, PartyParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const list = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/members',
  tags: ['members'],
  summary:
    "Every delegation seat, past and present; seats and ends dated ahead only for the party's own members and the mediator's staff",
  security: AUTHENTICATED,
  request: { params: NegotiationParams },
  responses: { 200: jsonResponse(listOf(MemberSchema), 'Members'), ...problems(400, 401, 404) },
});
const add = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/parties/{partyId}/members',
  tags: ['members'],
  summary: "Seat a user in a party's delegation (mediator staff or the party's lead)",
  security: AUTHENTICATED,
  request: { params: PartyParams, body: jsonBody(AddMemberInputSchema) },
  responses: { 201: jsonResponse(MemberSchema, 'The seat'), ...problems(400, 401, 403, 404, 409, 413, 415) },
});
const end = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/members/{memberId}/end',
  tags: ['members'],
  summary:
    "End a seat at validTo; baseValidTo is the seat's end the form showed (null: none), and an end set meanwhile → 409 naming who set it when (without it, only moving an end later is refused)",
  security: AUTHENTICATED,
  request: { params: MemberParams, body: jsonBody(EndMemberInputSchema) },
  responses: {
    200: jsonResponse(MemberSchema, 'The ended seat'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});

const lead = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/parties/{partyId}/lead',
  tags: ['members'],
  summary: "Hand the party's lead to another user from validFrom (current lead seats end then)",
  security: AUTHENTICATED,
  request: { params: PartyParams, body: jsonBody(ChangeLeadInputSchema) },
  responses: {
    201: jsonResponse(LeadChangeSchema, 'The ended seats and the new lead seat'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});

export const memberRoutes: RouteModule = (app, deps) => {
  app.openapi(list, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const members = await listMembersForViewer(deps, viewer, negotiation);
    return c.json({ items: members.map(presentMember) }, 200);
  });
  app.openapi(add, async (c) => {
    const { negotiationId, partyId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const party = await getPartyForViewer(deps, viewer, { negotiation, partyId });
    const member = await addMember(deps, viewer, { party, member: input });
    return c.json(presentMember(member), 201);
  });
  app.openapi(lead, async (c) => {
    const { negotiationId, partyId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const party = await getPartyForViewer(deps, viewer, { negotiation, partyId });
    const result = await changeLead(deps, viewer, { party, change: input });
    return c.json({ ended: result.ended.map(presentMember), lead: presentMember(result.lead) }, 201);
  });
  app.openapi(end, async (c) => {
    const { negotiationId, memberId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const member = await endMember(deps, viewer, { negotiation, memberId, end: input });
    return c.json(presentMember(member), 200);
  });
};
