import { createRoute } from '@hono/zod-openapi';
import {
  AcceptInvitationInputSchema,
  CreateInvitationInputSchema,
  InvitationCreatedSchema,
  InvitationIdSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenInputSchema,
  listOf,
  MemberSchema,
  PendingInvitationSchema,
} from '@parley/core';
import { presentInvitationPreview, presentPendingInvitation } from '../../presenters/invitations';
import { presentInvitation, presentMember } from '../../presenters/present';
import { acceptInvitation, createInvitation, previewInvitation } from '../../services/invitations';
import { getPartyForViewer } from '../../services/parties';
import { listPendingInvitationsForViewer, revokeInvitation } from '../../services/pending-invitations';
import { requireUserId } from '../authenticate';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams, PartyParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const InvitationParams = NegotiationParams.extend({ invitationId: InvitationIdSchema });

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
const list = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/parties/{partyId}/invitations',
  tags: ['invitations'],
  summary:
    "The party's pending invitations, newest first: those the caller could send now (the party's lead; the mediator's staff for a first lead) or sent; none for anyone else",
  security: AUTHENTICATED,
  request: { params: PartyParams },
  responses: {
    200: jsonResponse(listOf(PendingInvitationSchema), 'Pending invitations'),
    ...problems(400, 401, 404),
  },
});
const revoke = createRoute({
  method: 'post',
  path: '/api/negotiations/{negotiationId}/invitations/{invitationId}/revoke',
  tags: ['invitations'],
  summary:
    'Withdraw a pending invitation (whoever may list it): its token no longer seats anyone. One-way, so no revision: one already withdrawn, accepted or expired → 409 saying which, when and (withdrawn) by whom',
  security: AUTHENTICATED,
  request: { params: InvitationParams },
  responses: {
    200: jsonResponse(InvitationSchema, 'The withdrawn invitation'),
    ...problems(400, 401, 403, 404, 409),
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
    ...problems(400, 401, 403, 409, 410, 413, 415, 429),
  },
});
const preview = createRoute({
  method: 'post',
  path: '/api/invitations/preview',
  tags: ['invitations'],
  summary:
    'What an invitation token is for (negotiation, party, function, addressee, expiry) and whether it is still pending; signed out too',
  request: { body: jsonBody(InvitationTokenInputSchema) },
  responses: {
    200: jsonResponse(InvitationPreviewSchema, 'The invitation, as its holder may read it'),
    ...problems(400, 404, 413, 415, 429),
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
    return c.json(
      { invitation: presentInvitation(created.invitation), token: created.token, replaced: created.replaced },
      201,
    );
  });
  app.openapi(list, async (c) => {
    const { negotiationId, partyId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const party = await getPartyForViewer(deps, viewer, { negotiation, partyId });
    const pending = await listPendingInvitationsForViewer(deps, viewer, party);
    return c.json({ items: pending.map(presentPendingInvitation) }, 200);
  });
  app.openapi(revoke, async (c) => {
    const { negotiationId, invitationId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const revoked = await revokeInvitation(deps, viewer, { negotiation, invitationId });
    return c.json(presentInvitation(revoked), 200);
  });
  app.openapi(accept, async (c) => {
    const input = c.req.valid('json');
    const member = await acceptInvitation(deps, {
      userId: requireUserId(c),
      token: input.token,
      ip: c.get('ip'),
    });
    return c.json(presentMember(member), 201);
  });
  app.openapi(preview, async (c) => {
    const found = await previewInvitation(deps, { token: c.req.valid('json').token, ip: c.get('ip') });
    return c.json(presentInvitationPreview(found), 200);
  });
};
