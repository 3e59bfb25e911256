import { createRoute } from '@hono/zod-openapi';
import {
  AcceptInvitationInputSchema,
  CreateInvitationInputSchema,
  InvitationCreatedSchema,
  MemberSchema,
} from '@parley/core';
import { presentInvitation, presentMember } from '../../presenters/present';
import { acceptInvitation, createInvitation } from '../../services/invitations';
import { getPartyForViewer } from '../../services/parties';
import { requireUserId } from '../authenticate';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { PartyParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const create = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/parties/{partyId}/invitations',
  tags: ['invitations'],
  summary: "Invite an email to a party's delegation (mediator staff or the party's lead)",
  security: AUTHENTICATED,
  request: { params: PartyParams, body: jsonBody(CreateInvitationInputSchema) },
  responses: {
    201: jsonResponse(InvitationCreatedSchema, 'The invitation and its one-time token'),
    ...problems(400, 401, 403, 404, 413, 415),
  },
});
const accept = createRoute({
  method: 'post',
  path: '/api/invitations/accept',
  tags: ['invitations'],
  summary: 'Redeem an invitation token as the invited account',
  security: AUTHENTICATED,
  request: { body: jsonBody(AcceptInvitationInputSchema) },
  responses: {
    201: jsonResponse(MemberSchema, 'The new seat'),
    ...problems(400, 401, 403, 409, 410, 413, 415),
  },
});

export const invitationRoutes: RouteModule = (app, deps) => {
  app.openapi(create, async (c) => {
    const { negotiationId, partyId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const party = await getPartyForViewer(deps, viewer, { negotiation, partyId });
    const created = await createInvitation(deps, viewer, { party, invitation: input });
    // The token rides in the fragment, which browsers never send to a server or in a Referer.
    const link = `${new URL(c.req.url).origin}/invitation#${created.token}`;
    deps.outbox?.({
      to: created.invitation.email,
      subject: `Invitation to the ${party.name} delegation in "${negotiation.title}"`,
      text: `Open ${link} to accept (valid until ${created.invitation.expiresAt}).`,
    });
    return c.json({ invitation: presentInvitation(created.invitation), token: created.token }, 201);
  });
  app.openapi(accept, async (c) => {
    const input = c.req.valid('json');
    const member = await acceptInvitation(deps, { userId: requireUserId(c), token: input.token });
    return c.json(presentMember(member), 201);
  });
};
